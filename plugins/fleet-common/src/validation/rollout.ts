import {
  ROLLOUT_ALLOWED_STATUSES,
  UNASSIGNED_WAVE,
  type ClusterRollout,
  type ProfileRollout,
  type RolloutAllowedStatus,
} from '../api/rollout';
import { isDns1123Label } from '../naming';
import { parseCalendarDate } from '../request/dates';
import type { ClusterEntity, ClusterProfileEntity } from '../types';
import { FleetValidationIssue, fieldPath, issue } from './issues';

// An ISO 8601 instant with a zone (Z or ±hh:mm), e.g. 2026-11-28T09:30:00Z.
const INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `spec.rollout.versionSince` as an instant: a calendar date is the start of that day (UTC).
 * Undefined when it is neither a real date nor an instant with a zone.
 */
export function parseVersionSince(value: string): Date | undefined {
  const date = parseCalendarDate(value);
  if (date) {
    return date;
  }
  if (!INSTANT.test(value)) {
    return undefined;
  }
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** The statuses a gate allows while soaking: its own list, `[ok]` by default; `ok` always. */
export function gateAllowedStatuses(gate: {
  allowedStatuses?: RolloutAllowedStatus[];
}): RolloutAllowedStatus[] {
  const listed = new Set<RolloutAllowedStatus>([
    'ok',
    ...(gate.allowedStatuses ?? []),
  ]);
  return ROLLOUT_ALLOWED_STATUSES.filter(status => listed.has(status));
}

/** Checks `spec.rollout` of a profile once its structure is valid: wave names unique, labels, not `unassigned`. */
export function checkProfileRollout(
  rollout: ProfileRollout | undefined,
): FleetValidationIssue[] {
  const seen = new Set<string>();
  return (rollout?.waves ?? []).flatMap((wave, index) => {
    const path = fieldPath('spec.rollout.waves', index, 'name');
    const { name } = wave;
    if (!isDns1123Label(name)) {
      return [
        issue(
          path,
          `"${name}" is not a wave name: use lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters`,
        ),
      ];
    }
    if (name === UNASSIGNED_WAVE) {
      return [
        issue(
          path,
          `${UNASSIGNED_WAVE} is the implicit last wave of clusters that name no wave; give this wave another name`,
        ),
      ];
    }
    if (seen.has(name)) {
      return [issue(path, `the wave ${name} is listed more than once`)];
    }
    seen.add(name);
    return [];
  });
}

/** Checks `spec.rollout` of a cluster on its own (its wave against the profile: checkClusterWave). */
export function checkClusterRollout(
  rollout: ClusterRollout | undefined,
): FleetValidationIssue[] {
  const issues: FleetValidationIssue[] = [];
  if (rollout?.wave !== undefined && !isDns1123Label(rollout.wave)) {
    issues.push(
      issue(
        'spec.rollout.wave',
        `"${rollout.wave}" is not a wave name: use lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters`,
      ),
    );
  }
  const since = rollout?.versionSince;
  if (since !== undefined && !parseVersionSince(since)) {
    issues.push(
      issue(
        'spec.rollout.versionSince',
        `"${since}" is neither a date (YYYY-MM-DD) nor an instant with a time zone (e.g. 2026-11-28T09:30:00Z)`,
      ),
    );
  }
  return issues;
}

/**
 * A cluster's wave must be one its profile defines. Call it with the cluster's profile
 * (the one `spec.profile` names); a cluster without a wave is always fine (it goes last).
 */
export function checkClusterWave(
  cluster: ClusterEntity,
  profile: ClusterProfileEntity,
): FleetValidationIssue[] {
  const wave = cluster.spec.rollout?.wave;
  if (wave === undefined) {
    return [];
  }
  const names = (profile.spec.rollout?.waves ?? []).map(w => w.name);
  if (names.includes(wave)) {
    return [];
  }
  const profileName = profile.metadata.name;
  return [
    issue(
      'spec.rollout.wave',
      names.length === 0
        ? `${wave} is not a wave of profile ${profileName}: the profile defines no waves (spec.rollout.waves); remove the wave or add it to the profile`
        : `${wave} is not a wave of profile ${profileName} (its waves: ${names.join(
            ', ',
          )})`,
    ),
  ];
}

/**
 * The wave names of a profile in promotion order, followed by `unassigned` (clusters that
 * name no wave, or a wave the profile does not define, go last).
 */
export function rolloutWaveOrder(profile: ClusterProfileEntity): string[] {
  return [
    ...(profile.spec.rollout?.waves ?? []).map(w => w.name),
    UNASSIGNED_WAVE,
  ];
}

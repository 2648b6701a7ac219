import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { isClusterEntity } from '../guards';
import type { ClusterProfileEntity } from '../types';
import { FleetValidationIssue, issue } from '../validation/issues';
import {
  addDays,
  addMonths,
  calendarToday,
  formatCalendarDate,
  parseCalendarDate,
} from './dates';
import { MAX_REVIEW_MONTHS } from './clusterRequest';
import { governedClusterProblem } from './governedClusterProblem';

/**
 * `mark`: the cluster stays, with a retire-by date, `lifecycle: deprecated` and who asked why
 * (`spec.lifetime.retiring`). `remove`: its folder leaves the platform repository, and with it the
 * cluster leaves the catalog; its CIDRs are released after the grace period.
 */
export const RETIREMENT_MODES = ['mark', 'remove'] as const;
export type RetirementMode = (typeof RETIREMENT_MODES)[number];

/** A platform owner's request to retire a cluster (the retire-cluster template's parameters). */
export type ClusterRetirementRequest = {
  /** Entity ref of the cluster; a bare name means `resource:default/<name>`. */
  cluster: string;
  mode: RetirementMode;
  /** YYYY-MM-DD; required to mark a cluster retiring. */
  retireBy?: string;
  /** Why: recorded in the cluster file and the commit message. */
  reason: string;
};

export const RETIREMENT_REASON_MIN = 10;
export const RETIREMENT_REASON_MAX = 500;

/**
 * The dates a cluster may be marked to retire by: from tomorrow, never later than the date it
 * already has (retiring brings a date forward, never postpones it), and within the profile's limits
 * — a project cluster's maximum lifetime from its creation, a long-lived cluster's review interval.
 */
export function retireByBounds(
  cluster: Entity,
  profile: ClusterProfileEntity | undefined,
  now: Date,
): { earliest: string; latest?: string; latestBecause?: string } {
  const today = calendarToday(now);
  const earliest = formatCalendarDate(addDays(today, 1));
  const lifetime = isClusterEntity(cluster) ? cluster.spec.lifetime : undefined;
  const candidates: Array<{ date: string; because: string }> = [];
  if (lifetime?.retireBy) {
    candidates.push({
      date: lifetime.retireBy,
      because: `its current retire-by date; retiring brings a date forward, never postpones it`,
    });
  }
  const created = lifetime?.created && parseCalendarDate(lifetime.created);
  const maxDays = profile?.spec.review?.maxLifetimeDays;
  if (lifetime?.class === 'project' && created && maxDays !== undefined) {
    candidates.push({
      date: formatCalendarDate(addDays(created, maxDays)),
      because: `the profile's maximum lifetime of ${maxDays} days from its creation on ${lifetime.created}`,
    });
  }
  const months = Math.min(
    MAX_REVIEW_MONTHS,
    profile?.spec.review?.intervalMonths ?? MAX_REVIEW_MONTHS,
  );
  candidates.push({
    date: formatCalendarDate(addMonths(today, months)),
    because: `the profile's review interval of ${months} months`,
  });
  const first = candidates.sort((a, b) => a.date.localeCompare(b.date))[0];
  return { earliest, latest: first?.date, latestBecause: first?.because };
}

/**
 * The rules of a retirement that need only the request, the catalog's cluster and its profile.
 * Every broken rule is returned, each naming its field. The retire-cluster form and the
 * fleet:cluster:retire action both call this.
 */
export function checkClusterRetirement(
  request: Partial<ClusterRetirementRequest>,
  cluster: Entity | undefined,
  profile: ClusterProfileEntity | undefined,
  now: Date,
): FleetValidationIssue[] {
  const issues: FleetValidationIssue[] = [];
  const clusterIssue = clusterRetirementProblem(request.cluster ?? '', cluster);
  if (clusterIssue) {
    issues.push(issue('cluster', clusterIssue));
  }
  if (!RETIREMENT_MODES.includes(request.mode as RetirementMode)) {
    issues.push(
      issue(
        'mode',
        'choose mark (keep the cluster, with a retire-by date) or remove (take its folder out of the platform repository)',
      ),
    );
  }
  const reason = request.reason?.trim() ?? '';
  if (reason.length < RETIREMENT_REASON_MIN) {
    issues.push(
      issue(
        'reason',
        `say why the cluster is retired, in at least ${RETIREMENT_REASON_MIN} characters`,
      ),
    );
  } else if (reason.length > RETIREMENT_REASON_MAX) {
    issues.push(issue('reason', `at most ${RETIREMENT_REASON_MAX} characters`));
  }
  if (request.mode === 'mark' && cluster && !clusterIssue) {
    issues.push(...checkRetireBy(request.retireBy, cluster, profile, now));
    const retiring = isClusterEntity(cluster)
      ? cluster.spec.lifetime?.retiring
      : undefined;
    if (retiring) {
      issues.push(
        issue(
          'cluster',
          `${stringifyEntityRef(cluster)} is already marked retiring (by ${
            retiring.requestedBy
          } on ${
            retiring.requestedAt
          }); remove it, or change its file by review`,
        ),
      );
    }
  }
  return issues;
}

function checkRetireBy(
  retireBy: string | undefined,
  cluster: Entity,
  profile: ClusterProfileEntity | undefined,
  now: Date,
): FleetValidationIssue[] {
  if (!retireBy?.trim()) {
    return [issue('retireBy', 'give the date the cluster retires by')];
  }
  if (!parseCalendarDate(retireBy.trim())) {
    return [
      issue(
        'retireBy',
        `${JSON.stringify(retireBy)} is not a date of the form YYYY-MM-DD`,
      ),
    ];
  }
  const date = retireBy.trim();
  const bounds = retireByBounds(cluster, profile, now);
  if (date < bounds.earliest) {
    return [
      issue(
        'retireBy',
        `${date} is not in the future; the earliest is ${bounds.earliest}`,
      ),
    ];
  }
  if (bounds.latest && date > bounds.latest) {
    return [
      issue(
        'retireBy',
        `${date} is after ${bounds.latest}, ${bounds.latestBecause}`,
      ),
    ];
  }
  return [];
}

/** Why this cluster cannot be retired through the portal, or undefined when it can. */
function clusterRetirementProblem(
  ref: string,
  entity: Entity | undefined,
): string | undefined {
  if (!ref.trim()) {
    return 'choose the cluster to retire';
  }
  const checked = governedClusterProblem(
    ref,
    entity,
    'retire it where it was registered',
  );
  return 'problem' in checked ? checked.problem : undefined;
}

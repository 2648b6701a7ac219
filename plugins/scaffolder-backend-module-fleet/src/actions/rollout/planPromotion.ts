import { InputError } from '@backstage/errors';
import type {
  RolloutCluster,
  RolloutGate,
  RolloutView,
} from '@fleet-portal/plugin-fleet-common';

/** What one promotion moves, decided from the fleet backend's rollout view. */
export type PromotionPlan = {
  profileRef: string;
  profileName: string;
  targetVersion: string;
  /** The wave promoted: the view's next wave. */
  wave: string;
  /** The gate that opened it; absent for the first wave, which no gate guards. */
  gate?: RolloutGate;
  /** The clusters of the wave that are not on the target version yet, by name. */
  clusters: RolloutCluster[];
  /** Those of them whose current version the profile does not allow any more. */
  outsideAllowedVersions: RolloutCluster[];
};

/**
 * Decides what to promote from the rollout view, whose gate verdict is authoritative: the next
 * wave, and only when the view says it may be promoted (it is the first wave, or the gate of the
 * wave before it is open). A requested wave must be that next wave. Every refusal says why in
 * words, with the gate's own reason.
 *
 * @throws InputError when there is nothing to promote, the wave is not the next one, or the gate
 *   is closed or cannot be judged
 */
export function planPromotion(
  view: RolloutView,
  requestedWave?: string,
): PromotionPlan {
  const { profileName, targetVersion } = view;
  const rollout = `${profileName} ${targetVersion}`;
  const names = view.waves.map(w => w.name);
  const next = view.waves.find(w => w.name === view.nextWave);
  if (requestedWave && !names.includes(requestedWave)) {
    throw new InputError(
      `wave: ${requestedWave} is not a wave of ${profileName} (its waves: ${names.join(
        ', ',
      )})`,
    );
  }
  if (!next) {
    throw new InputError(
      `${rollout} is rolled out: every wave is on ${targetVersion}, so there is nothing to promote`,
    );
  }
  if (requestedWave && requestedWave !== next.name) {
    const requested = view.waves.find(w => w.name === requestedWave)!;
    throw new InputError(
      requested.position < next.position
        ? `wave: ${requestedWave} is already on ${targetVersion}; the next wave of ${rollout} is ${next.name}`
        : `wave: ${requestedWave} cannot be promoted yet: waves are promoted in order and the next wave of ${rollout} is ${next.name}`,
    );
  }
  const gate = view.gate;
  if (!view.promotable || (gate && gate.verdict !== 'open')) {
    throw new InputError(refusal(view, next.name, gate));
  }
  const clusters = next.clusters
    .filter(c => !c.onTarget)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (clusters.length === 0) {
    throw new InputError(
      `${next.name} has no cluster left to move to ${targetVersion}`,
    );
  }
  return {
    profileRef: view.profileRef,
    profileName,
    targetVersion,
    wave: next.name,
    gate,
    clusters,
    outsideAllowedVersions: clusters.filter(c => !c.versionAllowed),
  };
}

function refusal(
  view: RolloutView,
  wave: string,
  gate: RolloutGate | undefined,
): string {
  const head = `${wave} of ${view.profileName} ${view.targetVersion} cannot be promoted`;
  if (!gate) {
    return `${head}: ${view.summary}`;
  }
  if (gate.verdict === 'unknown') {
    return `${head}: the gate after ${gate.wave} cannot be judged (${gate.reason}); a gate never opens on missing health data`;
  }
  return `${head}: the gate after ${gate.wave} is ${gate.verdict} (${gate.reason})`;
}

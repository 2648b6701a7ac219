import {
  ClusterProfileEntity,
  RolloutCluster,
  RolloutGate,
  RolloutGateSpec,
  RolloutView,
  RolloutWave,
  rolloutWaveOrder,
  UNASSIGNED_WAVE,
} from '@fleet-portal/plugin-fleet-common';

/** A wave's clusters before its gate is judged. */
export type WaveMembers<T> = {
  name: string;
  position: number;
  gateSpec?: RolloutGateSpec;
  members: T[];
};

/**
 * The profile's waves in order with their members, then `unassigned` for members that name no
 * wave (or one the profile does not define: the catalog module refuses those files, but an entity
 * from an older read may still carry one). An empty `unassigned` is left out.
 */
export function groupWaves<T>(
  profile: ClusterProfileEntity,
  members: readonly T[],
  waveOf: (member: T) => string | undefined,
): WaveMembers<T>[] {
  const order = rolloutWaveOrder(profile);
  const specs = new Map(
    (profile.spec.rollout?.waves ?? []).map(w => [w.name, w.gate]),
  );
  const waves = order.map((name, position) => ({
    name,
    position,
    ...(specs.get(name) ? { gateSpec: specs.get(name) } : {}),
    members: [] as T[],
  }));
  const byName = new Map(waves.map(w => [w.name, w]));
  for (const member of members) {
    const wave = waveOf(member);
    (
      byName.get(wave ?? UNASSIGNED_WAVE) ?? byName.get(UNASSIGNED_WAVE)!
    ).members.push(member);
  }
  return waves.filter(w => w.name !== UNASSIGNED_WAVE || w.members.length > 0);
}

/** A wave with its clusters and counts; `gate` is the judged gate after it. */
export function rolloutWave(
  wave: WaveMembers<unknown>,
  clusters: RolloutCluster[],
  gate?: RolloutGate,
): RolloutWave {
  const onTarget = clusters.filter(c => c.onTarget).length;
  return {
    name: wave.name,
    position: wave.position,
    ...(wave.gateSpec ? { gateSpec: wave.gateSpec } : {}),
    clusters,
    total: clusters.length,
    onTarget,
    complete: onTarget === clusters.length,
    ...(gate ? { gate } : {}),
  };
}

/**
 * The next wave (the first not fully on the target version), the gate that guards it (that of the
 * wave before it) and whether it may be promoted: the first wave always may, every later one only
 * when the gate before it is open.
 */
export function nextStep(
  waves: readonly RolloutWave[],
  targetVersion: string,
): Pick<RolloutView, 'nextWave' | 'gate' | 'promotable' | 'summary'> {
  const index = waves.findIndex(w => !w.complete);
  if (index < 0) {
    return {
      promotable: false,
      summary: `Every cluster is on ${targetVersion}: the rollout is done`,
    };
  }
  const next = waves[index];
  const behind = `${next.total - next.onTarget} of ${next.total} behind`;
  if (index === 0) {
    return {
      nextWave: next.name,
      promotable: true,
      summary: `${next.name} may be promoted to ${targetVersion} (${behind}): it is the first wave`,
    };
  }
  const gate = waves[index - 1].gate!;
  const promotable = gate.verdict === 'open';
  return {
    nextWave: next.name,
    gate,
    promotable,
    summary: promotable
      ? `${next.name} may be promoted to ${targetVersion} (${behind}): ${gate.reason}`
      : `${next.name} may not be promoted yet: ${gate.reason}`,
  };
}

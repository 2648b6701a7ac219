import {
  RolloutGateVerdict,
  RolloutList,
  RolloutView,
} from '@fleet-portal/plugin-fleet-common';
import { Gauge } from 'prom-client';
import { MetricFamily } from './exposition';

const VERDICTS: readonly RolloutGateVerdict[] = ['open', 'closed', 'unknown'];

/**
 * Rollout progress per profile version: clusters per wave on the target version and behind it.
 * Every wave of every governed profile has both series, so a finished wave shows `behind` 0.
 */
export function rolloutProgressFamily(list: RolloutList): MetricFamily {
  return registry => {
    const gauge = new Gauge({
      name: 'fleet_rollout_clusters',
      help: "Governed clusters of a profile per wave: on the profile's version (state on-target) or not yet (behind).",
      labelNames: ['profile', 'version', 'wave', 'state'] as const,
      registers: [registry],
    });
    for (const item of list.items) {
      for (const wave of item.waves) {
        const labels = {
          profile: item.profileName,
          version: item.targetVersion,
          wave: wave.name,
        };
        gauge.set({ ...labels, state: 'on-target' }, wave.onTarget);
        gauge.set({ ...labels, state: 'behind' }, wave.total - wave.onTarget);
      }
    }
  };
}

/**
 * The gate after each wave of the profiles in rollout, as a state set: 1 for its verdict, 0 for the
 * others; and whether the next wave may be promoted.
 */
export function rolloutGateFamilies(
  views: readonly RolloutView[],
): MetricFamily {
  return registry => {
    const gate = new Gauge({
      name: 'fleet_rollout_gate',
      help: 'Verdict of the gate after a wave (1 for the verdict it has, 0 for the others), judged from the metrics history.',
      labelNames: ['profile', 'version', 'wave', 'verdict'] as const,
      registers: [registry],
    });
    const promotable = new Gauge({
      name: 'fleet_rollout_promotable',
      help: 'Whether the next wave of a profile in rollout may be promoted now (1) or not (0).',
      labelNames: ['profile', 'version', 'wave'] as const,
      registers: [registry],
    });
    for (const view of views) {
      for (const wave of view.waves) {
        if (!wave.gate) continue;
        for (const verdict of VERDICTS) {
          gate.set(
            {
              profile: view.profileName,
              version: view.targetVersion,
              wave: wave.name,
              verdict,
            },
            wave.gate.verdict === verdict ? 1 : 0,
          );
        }
      }
      if (view.nextWave) {
        promotable.set(
          {
            profile: view.profileName,
            version: view.targetVersion,
            wave: view.nextWave,
          },
          view.promotable ? 1 : 0,
        );
      }
    }
  };
}

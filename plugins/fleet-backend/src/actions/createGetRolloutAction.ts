import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  fleetHealthReadPermission,
  isDns1123Label,
  RolloutGate,
} from '@fleet-portal/plugin-fleet-common';
import type { PortalLinks } from '@fleet-portal/plugin-fleet-node';
import type { RolloutService } from '../rollout/RolloutService';
import { requirePermission } from './requirePermission';

export type GetRolloutActionOptions = {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  rollouts?: RolloutService;
  links: PortalLinks;
};

const gateOf = (gate: RolloutGate) => ({
  wave: gate.wave,
  verdict: gate.verdict,
  reason: gate.reason,
  healthyDays: gate.evidence.healthyDays,
  soakDays: gate.evidence.soakDays,
});

/**
 * `fleet:get-rollout`: a profile's rollout — its waves in order with their clusters, each wave's
 * gate judged from the metrics history, the next wave and whether it may be promoted — from the
 * same cached view as `GET /api/fleet/rollouts/:profile`.
 */
export function createGetRolloutAction(options: GetRolloutActionOptions) {
  const { actionsRegistry, permissions, rollouts, links } = options;
  actionsRegistry.register({
    name: 'get-rollout',
    title: "Get a cluster profile's rollout",
    description:
      'Gives the rollout of a cluster profile\'s current version through its waves (e.g. canary, production-east, production-west; clusters without a wave last): per wave its clusters with their version, whether they are on the profile\'s version or on one it no longer allows, owner and health; the gate after each wave (open, closed or unknown) with its reason in words, judged from the metrics history (e.g. "canary: 3 of 3 on 3.2.0, healthy for 6 d of 5 d — open"); the next wave and whether it may be promoted now. A gate is never open on missing data.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z
          .object({
            profile: z.string().describe('The profile name, e.g. production'),
          })
          .strict(),
      output: z => {
        const gate = z.object({
          wave: z.string().describe('The wave the gate follows'),
          verdict: z.enum(['open', 'closed', 'unknown']),
          reason: z.string(),
          healthyDays: z.number().optional(),
          soakDays: z.number(),
        });
        return z.object({
          profileRef: z.string(),
          targetVersion: z.string().describe("The profile's version"),
          allowedVersions: z.array(z.string()),
          waves: z.array(
            z.object({
              name: z.string(),
              total: z.number(),
              onTarget: z.number(),
              complete: z.boolean(),
              gate: gate.optional().describe('The gate after this wave'),
              clusters: z.array(
                z.object({
                  name: z.string(),
                  entityRef: z.string(),
                  version: z.string().optional(),
                  onTarget: z.boolean(),
                  versionAllowed: z.boolean(),
                  versionSince: z.string().optional(),
                  owner: z.string().optional(),
                  healthNow: z.string(),
                  worstSinceMoved: z.string().optional(),
                }),
              ),
            }),
          ),
          nextWave: z.string().optional(),
          gate: gate.optional().describe('The gate guarding the next wave'),
          promotable: z.boolean(),
          summary: z.string(),
          generatedAt: z.string(),
          url: z.string().describe("The profile's page in the portal"),
        });
      },
    },
    examples: [
      {
        title: 'Rollout of the production profile',
        input: { profile: 'production' },
      },
    ],
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        fleetHealthReadPermission,
        'read fleet health and rollouts',
      );
      if (!rollouts) {
        throw new ServiceUnavailableError('Rollouts are not available');
      }
      if (!isDns1123Label(input.profile)) {
        throw new InputError(
          `profile: "${input.profile}" is not a profile name (e.g. production)`,
        );
      }
      const view = await rollouts.view(input.profile);
      return {
        output: {
          profileRef: view.profileRef,
          targetVersion: view.targetVersion,
          allowedVersions: view.allowedVersions,
          waves: view.waves.map(wave => ({
            name: wave.name,
            total: wave.total,
            onTarget: wave.onTarget,
            complete: wave.complete,
            ...(wave.gate ? { gate: gateOf(wave.gate) } : {}),
            clusters: wave.clusters.map(c => ({
              name: c.name,
              entityRef: c.entityRef,
              version: c.version,
              onTarget: c.onTarget,
              versionAllowed: c.versionAllowed,
              versionSince: c.versionSince,
              owner: c.ownerTitle ?? c.ownerRef,
              healthNow: c.healthNow,
              worstSinceMoved: c.worstSinceMoved,
            })),
          })),
          nextWave: view.nextWave,
          ...(view.gate ? { gate: gateOf(view.gate) } : {}),
          promotable: view.promotable,
          summary: view.summary,
          generatedAt: view.generatedAt,
          url: links.entity(view.profileRef),
        },
      };
    },
  });
}

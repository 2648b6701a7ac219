import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  CidrBlockPreview,
  fleetClusterRequestPermission,
} from '@fleet-portal/plugin-fleet-common';
import type { z as zod } from 'zod/v3';
import type { CidrService } from '../cidr/CidrService';
import { parsePreviewRequest } from '../cidr/requests';
import { requirePermission } from './requirePermission';

type Zod = typeof zod;

export type PreviewClusterCidrsActionOptions = {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  cidr: CidrService;
};

const blockOutput = (z: Zod) =>
  z.object({
    ok: z.boolean().describe('Whether this block can be had'),
    cidr: z.string().optional().describe('The block, when ok'),
    pool: z.string().optional().describe('The pool it lies in'),
    source: z
      .enum(['allocated', 'requested', 'reservation'])
      .optional()
      .describe(
        'allocated: the first free block now; requested: the CIDR asked for; reservation: held by the cluster',
      ),
    requested: z.string().optional(),
    reason: z.string().optional().describe('Why not, when not ok'),
    conflicts: z
      .array(
        z.object({
          cidr: z.string(),
          kind: z.enum(['cluster', 'reservation', 'reserved-range']),
          name: z
            .string()
            .describe(
              "The other cluster's entity ref, a reservation's cluster name, or a reserved range's description",
            ),
          role: z.enum(['pod', 'service']).optional(),
        }),
      )
      .optional(),
    exhaustedPools: z.array(z.string()).optional(),
  });

function block(
  preview: CidrBlockPreview,
): zod.infer<ReturnType<typeof blockOutput>> {
  if (preview.ok) {
    const { cidr, pool, source } = preview;
    return { ok: true, cidr, pool, source };
  }
  const { requested, reason, conflicts, exhaustedPools } = preview;
  return { ok: false, requested, reason, conflicts, exhaustedPools };
}

/**
 * `fleet:preview-cluster-cidrs`: the pod and service CIDRs a new cluster of a profile would get
 * now, or the verdict on CIDRs someone wants — what the new-cluster form previews
 * (`POST /cidr/preview`). Stores nothing.
 */
export function createPreviewClusterCidrsAction(
  options: PreviewClusterCidrsActionOptions,
) {
  const { actionsRegistry, permissions, cidr } = options;
  actionsRegistry.register({
    name: 'preview-cluster-cidrs',
    title: 'Preview the CIDRs of a new cluster',
    description:
      "Shows the pod and service CIDRs a new cluster built from a profile would get now — the first free blocks of the profile's pools that overlap no cluster of the fleet, no pending reservation and no reserved enterprise range — or, given podCidr/serviceCidr, whether those can be had and what they overlap. Reserves nothing: the blocks are only held once a cluster is requested. Needs the permission to request clusters.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z
          .object({
            profile: z
              .string()
              .min(1)
              .max(255)
              .describe(
                'The profile: entity ref (clusterprofile:default/edge) or name (edge)',
              ),
            cluster: z
              .string()
              .max(63)
              .optional()
              .describe(
                'Name of the cluster to be; when it already holds a reservation, its blocks are shown',
              ),
            podCidr: z
              .string()
              .max(64)
              .optional()
              .describe('Check this pod CIDR instead of allocating one'),
            serviceCidr: z
              .string()
              .max(64)
              .optional()
              .describe('Check this service CIDR instead of allocating one'),
          })
          .strict(),
      output: z =>
        z.object({
          profileRef: z.string(),
          cluster: z.string().optional(),
          pod: blockOutput(z),
          service: blockOutput(z),
          reservation: z
            .object({
              id: z.string(),
              status: z.enum(['pending', 'confirmed']),
              podCidr: z.string(),
              serviceCidr: z.string(),
              requestedBy: z.string(),
              expiresAt: z.string().optional(),
            })
            .optional()
            .describe("The cluster's existing reservation"),
        }),
    },
    examples: [
      {
        title: 'The CIDRs a new edge cluster would get',
        input: { profile: 'edge', cluster: 'edg-ber03-store-01' },
      },
      {
        title: 'Check a pod CIDR someone wants',
        input: { profile: 'edge', podCidr: '172.16.4.0/22' },
      },
    ],
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        fleetClusterRequestPermission,
        'allocate cluster CIDRs: only those who may request clusters can',
      );
      const preview = await cidr.preview(
        parsePreviewRequest({
          profileRef: input.profile,
          cluster: input.cluster,
          podCidr: input.podCidr,
          serviceCidr: input.serviceCidr,
        }),
      );
      const reservation = preview.reservation;
      return {
        output: {
          profileRef: preview.profileRef,
          cluster: preview.cluster,
          pod: block(preview.pod),
          service: block(preview.service),
          reservation: reservation && {
            id: reservation.id,
            status: reservation.status,
            podCidr: reservation.podCidr,
            serviceCidr: reservation.serviceCidr,
            requestedBy: reservation.requestedBy,
            expiresAt: reservation.expiresAt,
          },
        },
      };
    },
  });
}

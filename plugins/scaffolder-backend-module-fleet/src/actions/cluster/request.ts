import {
  ENVIRONMENTS,
  LIFETIME_CLASSES,
} from '@fleet-portal/plugin-fleet-common';
import type { z as zod } from 'zod/v3';

/** What a platform owner asks for when requesting a new cluster (fleet-common's rules take it). */
export type { ClusterRequest } from '@fleet-portal/plugin-fleet-common';

/**
 * The request as a zod schema for the actions' input. Types only: the semantic rules (pattern,
 * bounds, dates) run in the handler so that every broken field is reported at once, by name.
 */
export function clusterRequestSchema(z: typeof zod) {
  return {
    name: z
      .string()
      .describe('Cluster name, following the profile naming pattern'),
    profile: z
      .string()
      .describe('ClusterProfile entity ref, e.g. clusterprofile:default/edge'),
    profileVersion: z
      .string()
      .optional()
      .describe("Profile version; defaults to the profile's current version"),
    owner: z
      .string()
      .describe('Owning group entity ref, e.g. group:default/team-checkout'),
    purpose: z.string().describe('What the cluster is for'),
    description: z.string().optional().describe('One-line catalog description'),
    environment: z.enum(ENVIRONMENTS).describe('Environment tier'),
    environmentGroup: z
      .string()
      .describe(
        'Place in the environment hierarchy, e.g. far-edge, non-production',
      ),
    region: z.string().describe('Region, e.g. eu-central-1'),
    site: z.string().optional().describe('Site or data centre, e.g. ber03'),
    nodes: z
      .object({
        controlPlane: z.number().int(),
        workers: z.number().int(),
      })
      .describe('Node counts, within the profile bounds'),
    lifetime: z
      .object({
        class: z.enum(LIFETIME_CLASSES),
        reviewBy: z.string().optional(),
        retireBy: z.string().optional(),
      })
      .describe(
        'long-lived: reviewBy at most 12 months ahead; project: retireBy within the profile maximum lifetime',
      ),
    nodeCidr: z
      .string()
      .optional()
      .describe('Node subnet of the site, if known'),
  };
}

import type { JsonObject } from '@backstage/config';
import type { z as zod } from 'zod/v3';
import { clusterRequestSchema } from '../cluster/request';
import type { Pipeline } from './pipeline';

type Zod = typeof zod;

/**
 * The zod shape of the parameters of templates/new-cluster/template.yaml: the cluster actions'
 * own field schemas, with the form's flat node counts and lifetime fields and their defaults.
 */
export function clusterParametersShape(z: Zod) {
  const fields = clusterRequestSchema(z);
  const nodes = fields.nodes.shape;
  const lifetime = fields.lifetime.shape;
  return {
    profile: fields.profile,
    profileVersion: fields.profileVersion,
    owner: fields.owner,
    purpose: fields.purpose,
    description: fields.description,
    environment: fields.environment,
    environmentGroup: fields.environmentGroup,
    region: fields.region,
    site: fields.site,
    name: fields.name,
    controlPlaneNodes: nodes.controlPlane
      .default(1)
      .describe('Control plane nodes, within the profile bounds (default 1)'),
    workerNodes: nodes.workers
      .default(0)
      .describe('Worker nodes, within the profile bounds (default 0)'),
    cidrs: z
      .object({
        podCidr: z.string().optional(),
        serviceCidr: z.string().optional(),
      })
      .optional()
      .describe(
        "Pod and service CIDRs to reserve, e.g. from a preview; the first free blocks of the profile's pools when absent",
      ),
    nodeCidr: fields.nodeCidr,
    lifetimeClass: lifetime.class
      .default('long-lived')
      .describe(
        'long-lived (reviewed at least every 12 months: give reviewBy) or project (decommissioned on a fixed date: give retireBy)',
      ),
    reviewBy: lifetime.reviewBy.describe(
      'Review-by date of a long-lived cluster, YYYY-MM-DD: at most 12 months ahead (or the profile’s shorter interval)',
    ),
    retireBy: lifetime.retireBy.describe(
      'Decommission date of a project cluster, YYYY-MM-DD, within the profile’s maximum lifetime',
    ),
  };
}

export type ClusterParameters = zod.infer<
  zod.ZodObject<ReturnType<typeof clusterParametersShape>>
>;

function request(parameters: ClusterParameters): JsonObject {
  return {
    name: parameters.name,
    profile: parameters.profile,
    profileVersion: parameters.profileVersion,
    owner: parameters.owner,
    purpose: parameters.purpose,
    description: parameters.description,
    environment: parameters.environment,
    environmentGroup: parameters.environmentGroup,
    region: parameters.region,
    site: parameters.site,
    nodeCidr: parameters.nodeCidr,
    nodes: {
      controlPlane: parameters.controlPlaneNodes,
      workers: parameters.workerNodes,
    },
    lifetime: {
      class: parameters.lifetimeClass,
      reviewBy: parameters.reviewBy,
      retireBy: parameters.retireBy,
    },
  } as JsonObject;
}

/** The template's steps: validate, reserve the CIDRs and render, then propose for review. */
export const clusterPipeline: Pipeline<ClusterParameters> = [
  {
    id: 'validate',
    action: 'fleet:cluster:validate',
    input: parameters => request(parameters),
  },
  {
    id: 'render',
    action: 'fleet:cluster:render',
    input: parameters => ({
      ...request(parameters),
      cidrs: parameters.cidrs,
    }),
  },
  {
    id: 'propose',
    action: 'fleet:platform-repo:propose',
    input: (parameters, steps) => ({
      kind: 'cluster',
      cluster: parameters.name,
      profile: steps.validate.profileRef,
      environment: parameters.environment,
      files: steps.render.files,
      integrity: steps.render.integrity,
      branch: steps.render.branch,
      title: steps.render.title,
      reason: steps.render.reason,
      entityRef: steps.render.clusterEntityRef,
    }),
  },
];

import type { JsonObject } from '@backstage/config';
import type { z as zod } from 'zod/v3';
import {
  NamespaceRequestInput,
  namespaceRequestInputSchema,
} from '../namespace/namespaceRequest';
import type { Pipeline } from './pipeline';

type Zod = typeof zod;

/**
 * The parameters of templates/tenant-namespace/template.yaml: the namespace request without
 * `limits`, which the template's form does not offer (LimitRange defaults come from the profile).
 */
export type NamespaceParameters = Omit<NamespaceRequestInput, 'limits'>;

const FIELDS = [
  'cluster',
  'namespace',
  'team',
  'costCenter',
  'description',
  'quota',
  'roles',
  'reason',
] as const satisfies readonly (keyof NamespaceParameters)[];

/** The zod shape of the parameters: the namespace actions' own field schemas. */
export function namespaceParametersShape(z: Zod) {
  const shape = namespaceRequestInputSchema;
  return {
    cluster: shape.cluster(z),
    namespace: shape.namespace(z),
    team: shape.team(z),
    costCenter: shape.costCenter(z),
    description: shape.description(z),
    quota: shape.quota(z),
    roles: shape.roles(z),
    reason: shape.reason(z),
  } satisfies Record<(typeof FIELDS)[number], zod.ZodTypeAny>;
}

function request(parameters: NamespaceParameters): JsonObject {
  return Object.fromEntries(
    FIELDS.map(field => [field, parameters[field]]),
  ) as JsonObject;
}

/** The template's steps: validate, render, then commit or propose what render produced. */
export const namespacePipeline: Pipeline<NamespaceParameters> = [
  {
    id: 'validate',
    action: 'fleet:namespace:validate',
    input: parameters => request(parameters),
  },
  {
    id: 'render',
    action: 'fleet:namespace:render',
    input: parameters => request(parameters),
  },
  {
    id: 'propose',
    action: 'fleet:platform-repo:propose',
    input: (parameters, steps) => ({
      kind: 'namespace',
      cluster: steps.render.clusterRef,
      files: steps.render.files,
      integrity: steps.render.integrity,
      title: steps.render.title,
      reason: parameters.reason,
      entityRef: steps.render.entityRef,
    }),
  },
];

import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { fleetLabels, vPrefixed } from './labels';
import { apiVersionSchema, assertShape, objectMetaSchema } from './shapes';
import type { RenderContext } from './types';

/** Namespace the claims of the platform team live in on the Crossplane control plane. */
export const CLAIM_NAMESPACE = 'fleet-clusters';

// A Crossplane claim, as documented in Crossplane's "Claims" and "Composite Resource Definitions"
// concepts: a namespaced object of the claim kind the XRD offers (spec.claimNames), selecting its
// Composition with spec.compositionRef.name and writing the connection details (the kubeconfig) to
// the Secret named in spec.writeConnectionSecretToRef. spec.parameters follows the convention of
// Crossplane's own examples; the XRD of the platform defines what it contains.
export const crossplaneClaimSchema = z
  .object({
    apiVersion: apiVersionSchema.refine(
      v => v.includes('/'),
      'a claim belongs to an API group',
    ),
    kind: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
    metadata: objectMetaSchema.refine(
      m => !!m.namespace,
      'claims are namespaced',
    ),
    spec: z
      .object({
        compositionRef: z.object({ name: z.string().min(1) }).strict(),
        writeConnectionSecretToRef: z
          .object({ name: z.string().min(1) })
          .strict(),
        parameters: z
          .object({
            kubernetesVersion: z.string().min(1),
            region: z.string().min(1),
            site: z.string().optional(),
            nodes: z
              .object({
                controlPlane: z.number().int().min(1),
                workers: z.number().int().min(0),
              })
              .strict(),
            network: z
              .object({
                podCidr: z.string(),
                serviceCidr: z.string(),
                nodeCidr: z.string().optional(),
              })
              .strict(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

export type CrossplaneClaim = z.infer<typeof crossplaneClaimSchema>;

/** The claim of the profile's composite cluster type. */
export function renderCrossplaneClaim(
  context: RenderContext,
  file: string,
): CrossplaneClaim {
  const { profile, request } = context;
  const claim = profile.spec.provisioner?.claim;
  const composition = profile.spec.provisioner?.clusterClass;
  if (!claim || !composition) {
    throw new InputError(
      `profile ${profile.metadata.name} provisions with Crossplane but does not name its claim kind and Composition (spec.provisioner.claim, spec.provisioner.clusterClass)`,
    );
  }
  const rendered: CrossplaneClaim = {
    apiVersion: claim.apiVersion,
    kind: claim.kind,
    metadata: {
      name: request.name,
      namespace: CLAIM_NAMESPACE,
      labels: fleetLabels(context),
    },
    spec: {
      compositionRef: { name: composition },
      writeConnectionSecretToRef: { name: `${request.name}-kubeconfig` },
      parameters: {
        kubernetesVersion: vPrefixed(profile.spec.kubernetes.version),
        region: request.region,
        ...(request.site ? { site: request.site } : {}),
        nodes: { ...request.nodes },
        network: {
          podCidr: context.podCidr,
          serviceCidr: context.serviceCidr,
          ...(request.nodeCidr ? { nodeCidr: request.nodeCidr } : {}),
        },
      },
    },
  };
  assertShape(crossplaneClaimSchema, rendered, file);
  return rendered;
}

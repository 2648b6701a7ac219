import {
  isExplicitVersionPin,
  parseCidr,
  type ProfileComponent,
} from '@fleet-portal/plugin-fleet-common';
import { z } from 'zod';
import { assertShape } from './shapes';
import type { RenderContext } from './types';

/** The fleet's chart repositories, declared once in the platform repository (relative to this file). */
export const REPOSITORIES_BASE = '../../../helmfile/repositories.yaml';

// A helmfile.yaml as documented in Helmfile's configuration reference: `bases` merged before the
// file, and `releases` with name, namespace, chart (`repo/chart` or an oci:// reference), an exact
// chart version, labels and `values` (inline maps or files).
export const helmfileSchema = z
  .object({
    bases: z.array(z.string().min(1)).optional(),
    releases: z
      .array(
        z
          .object({
            name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/),
            namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/),
            chart: z
              .string()
              .regex(/^(oci:\/\/\S+|[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+)$/),
            version: z
              .string()
              .refine(isExplicitVersionPin, 'is not an exact chart version'),
            labels: z.record(z.string(), z.string()).optional(),
            values: z.array(z.record(z.string(), z.unknown())).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Helmfile = z.infer<typeof helmfileSchema>;

/** Components whose charts install into a namespace other than their own name. */
const NAMESPACES: Record<string, string> = { cilium: 'kube-system' };

/**
 * The Helmfile of the profile's pinned Kubernetes components (the component layer every
 * provisioner shares). Each release is pinned to the profile's version; the values are only what
 * is specific to this cluster — the pod CIDR for the CNI and the ownership id for ExternalDNS.
 * Components the profile pins without a chart are not Helm releases and are left out.
 */
export function renderHelmfile(
  context: RenderContext,
  file: string,
): { helmfile: Helmfile; withoutChart: string[] } {
  const charted = context.profile.spec.components.filter(c => !!c.chart);
  const helmfile: Helmfile = {
    bases: [REPOSITORIES_BASE],
    releases: charted.map(component => {
      const values = clusterValues(component, context);
      return {
        name: component.name,
        namespace: NAMESPACES[component.name] ?? component.name,
        chart: component.chart!,
        version: component.version,
        labels: {
          'fleet-portal.dev/role': component.role ?? 'component',
          'fleet-portal.dev/profile': context.profile.metadata.name,
        },
        ...(values ? { values: [values] } : {}),
      };
    }),
  };
  assertShape(helmfileSchema, helmfile, file);
  return {
    helmfile,
    withoutChart: context.profile.spec.components
      .filter(c => !c.chart)
      .map(c => `${c.name} ${c.version}`),
  };
}

function clusterValues(
  component: ProfileComponent,
  context: RenderContext,
): Record<string, unknown> | undefined {
  const chart = component.chart ?? '';
  const ipv6 = (() => {
    const parsed = parseCidr(context.podCidr);
    return parsed.ok && parsed.cidr.version === 6;
  })();
  if (/(^|\/)cilium$/.test(chart)) {
    // Cilium's cluster-pool IPAM hands out per-node blocks from these pod CIDRs.
    return {
      ipam: {
        mode: 'cluster-pool',
        operator: ipv6
          ? { clusterPoolIPv6PodCIDRList: [context.podCidr] }
          : { clusterPoolIPv4PodCIDRList: [context.podCidr] },
      },
    };
  }
  if (/(^|\/)tigera-operator$/.test(chart)) {
    return {
      installation: { calicoNetwork: { ipPools: [{ cidr: context.podCidr }] } },
    };
  }
  if (/(^|\/)external-dns$/.test(chart)) {
    // Keeps this cluster's DNS records apart from every other cluster's in shared zones.
    return { txtOwnerId: context.request.name };
  }
  return undefined;
}

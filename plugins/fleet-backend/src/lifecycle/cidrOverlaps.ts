import {
  CidrItem,
  findOverlaps,
  GovernanceFinding,
  parseCidr,
} from '@fleet-portal/plugin-fleet-common';
import { CidrParser } from './cidrParser';

export type ClusterCidrs = {
  entityRef: string;
  podCidr?: string;
  serviceCidr?: string;
};

type CidrKind = 'pod' | 'service';
type ClusterCidrItem = CidrItem & { entityRef: string; kind: CidrKind };

function cidrItems(
  clusters: readonly ClusterCidrs[],
  parse: CidrParser,
): ClusterCidrItem[] {
  return clusters.flatMap(cluster =>
    (['pod', 'service'] as const).flatMap(kind => {
      const text = kind === 'pod' ? cluster.podCidr : cluster.serviceCidr;
      const parsed = text === undefined ? undefined : parse(text);
      // Malformed CIDRs are reported by the governance validation instead.
      return parsed?.ok
        ? [
            {
              id: `${cluster.entityRef}#${kind}`,
              cidr: parsed.cidr,
              entityRef: cluster.entityRef,
              kind,
            },
          ]
        : [];
    }),
  );
}

function overlapFinding(
  own: ClusterCidrItem,
  other: ClusterCidrItem,
): GovernanceFinding {
  return {
    code: 'cidr-overlap',
    severity: 'critical',
    message: `The ${own.kind} CIDR ${own.cidr.text} overlaps the ${other.kind} CIDR ${other.cidr.text} of ${other.entityRef}.`,
    relatedEntityRef: other.entityRef,
  };
}

/**
 * `cidr-overlap` findings per cluster ref, for pod and service CIDRs overlapping another cluster's,
 * found with one sweep over the fleet (O(n log n + overlaps)).
 */
export function cidrOverlapFindings(
  clusters: readonly ClusterCidrs[],
  parse: CidrParser = parseCidr,
): Map<string, GovernanceFinding[]> {
  const findings = new Map<string, GovernanceFinding[]>();
  const add = (own: ClusterCidrItem, other: ClusterCidrItem) => {
    const list = findings.get(own.entityRef) ?? [];
    list.push(overlapFinding(own, other));
    findings.set(own.entityRef, list);
  };
  for (const { outer, inner } of findOverlaps(cidrItems(clusters, parse))) {
    if (outer.entityRef !== inner.entityRef) {
      add(outer, inner);
      add(inner, outer);
    }
  }
  return findings;
}

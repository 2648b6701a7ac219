import type { CidrItem } from '../cidr';
import type { ProfileNetwork } from '../types';
import { checkCidrs, CidrField } from './cidrs';
import { FleetValidationIssue, fieldPath, issue } from './issues';

/** Pools are canonical CIDRs that do not overlap, and the cluster prefixes fit them. */
export function checkProfileNetwork(
  network: ProfileNetwork | undefined,
): FleetValidationIssue[] {
  const pools = (key: 'podPools' | 'servicePools'): CidrField[] =>
    (network?.[key] ?? []).map((text, index) => ({
      path: fieldPath('spec.network', key, index),
      text,
    }));
  const podPools = pools('podPools');
  const { issues, parsed } = checkCidrs([
    ...podPools,
    ...pools('servicePools'),
  ]);
  const podPaths = new Set(podPools.map(pool => pool.path));
  return [
    ...issues,
    ...checkPrefixFits(
      'spec.network.podPrefix',
      network?.podPrefix,
      parsed.filter(pool => podPaths.has(pool.id)),
    ),
    ...checkPrefixFits(
      'spec.network.servicePrefix',
      network?.servicePrefix,
      parsed.filter(pool => !podPaths.has(pool.id)),
    ),
  ];
}

/** A cluster's block of /prefix must fit inside every pool it is allocated from. */
function checkPrefixFits(
  path: string,
  prefix: number | undefined,
  pools: CidrItem[],
): FleetValidationIssue[] {
  if (prefix === undefined) {
    return [];
  }
  return pools.flatMap(({ id, cidr }) => {
    const bits = cidr.version === 4 ? 32 : 128;
    if (prefix < cidr.prefix || prefix > bits) {
      return [
        issue(
          path,
          `/${prefix} does not fit inside ${id} (${cidr.text}): it must be from ${cidr.prefix} to ${bits}`,
        ),
      ];
    }
    return [];
  });
}

import {
  ClusterLifecycle,
  GovernanceFinding,
} from '@fleet-portal/plugin-fleet-common';
import { cidrOverlapFindings } from './cidrOverlaps';
import { CidrParser } from './cidrParser';
import { ClusterRecord } from './clusterRecords';
import { clusterFindings } from './findings';

/** Adds the governance verdict and findings to some clusters of a fleet. */
export type GovernanceJudge = (
  clusters: readonly ClusterRecord[],
) => ClusterLifecycle[];

/**
 * A judge for clusters of `fleet`. CIDR overlaps are found across the platform repository's
 * clusters of the whole fleet (a copy registered elsewhere claims no address space), with one
 * sweep run on first use; everything else is judged per cluster, so judging one page stays cheap.
 */
export function governanceJudge(
  fleet: readonly ClusterRecord[],
  today: string,
  parseCidr?: CidrParser,
): GovernanceJudge {
  let overlaps: Map<string, GovernanceFinding[]> | undefined;
  return clusters => {
    overlaps ??= cidrOverlapFindings(
      fleet
        .filter(record => record.fromPlatformRepository)
        .map(({ entityRef, entity }) => ({
          entityRef,
          podCidr: entity.spec.network?.podCidr,
          serviceCidr: entity.spec.network?.serviceCidr,
        })),
      parseCidr,
    );
    return clusters.map(record => {
      const {
        entity,
        profile,
        fromPlatformRepository,
        profileNotFromPlatformRepository,
        ...fields
      } = record;
      const findings = [
        ...clusterFindings(entity, {
          fromPlatformRepository,
          profileRef: fields.profileRef,
          profile,
          profileNotFromPlatformRepository,
          today,
        }),
        ...(overlaps!.get(fields.entityRef) ?? []),
      ];
      return {
        ...fields,
        governed: !findings.some(finding => finding.code === 'ungoverned'),
        findings,
      };
    });
  };
}

import type {
  ClusterEntity,
  ClusterLifecycle,
} from '@fleet-portal/plugin-fleet-common';
import { LifecycleStatusChip } from '../LifecycleStatus';
import { ProfileVersion } from '../ProfileVersion';
import { EntityLink } from '../EntityLink';

function joined(values: (string | undefined)[], separator: string) {
  const present = values.filter(Boolean);
  return present.length ? present.join(separator) : undefined;
}

/**
 * The rows of the overview: recorded facts from the entity, and the status once the fleet
 * backend has answered. Rows without a value are left out.
 */
export function clusterMetadata(
  cluster: ClusterEntity,
  lifecycle: ClusterLifecycle | undefined,
): Record<string, unknown> {
  const { spec } = cluster;
  const network = spec.network;
  const rows: Record<string, unknown> = {
    Owner: spec.owner && (
      <EntityLink entityRef={spec.owner} defaultKind="group" />
    ),
    Purpose: spec.purpose,
    Profile: spec.profile && (
      <ProfileVersion
        profileRef={spec.profile}
        version={spec.profileVersion}
        currentVersion={lifecycle?.profileCurrentVersion}
      />
    ),
    Environment: joined(
      [
        spec.environment,
        spec.environmentGroup && `group ${spec.environmentGroup}`,
      ],
      ', ',
    ),
    'Region / site': joined([spec.region, spec.site], ' / '),
    'Pod CIDR': network?.podCidr,
    'Service CIDR': network?.serviceCidr,
    'Node CIDR': network?.nodeCidr,
    Created: spec.lifetime?.created,
    'Review by': spec.lifetime?.reviewBy,
    'Retire by': spec.lifetime?.retireBy,
    Status: lifecycle && (
      <LifecycleStatusChip
        status={lifecycle.status}
        daysLeft={lifecycle.daysLeft}
      />
    ),
  };
  return Object.fromEntries(
    Object.entries(rows).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
}

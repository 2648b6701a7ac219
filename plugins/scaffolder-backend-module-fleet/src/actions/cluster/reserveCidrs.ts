import { InputError } from '@backstage/errors';
import type { CidrBlockPreview } from '@fleet-portal/plugin-fleet-common';
import type { CidrReservationsClient } from '@fleet-portal/plugin-fleet-node';

export type ClusterCidrs = {
  podCidr: string;
  serviceCidr: string;
  /** Absent in a dry run, which only previews. */
  reservationId?: string;
};

/** What the action needs of the fleet backend's CIDR API. */
export type CidrApi = Pick<CidrReservationsClient, 'preview' | 'reserve'>;

/**
 * Reserves the cluster's pod and service CIDRs (the previewed ones when the form passes them, so
 * the proposal holds what the requester saw, or a clear error if they were taken meanwhile).
 * A dry run only previews, so trying the template never holds address space.
 */
export async function reserveClusterCidrs(options: {
  cidrApi: CidrApi;
  cluster: string;
  profileRef: string;
  requestedBy: string;
  requested?: { podCidr?: string; serviceCidr?: string };
  /** The branch the cluster is proposed on: the reservation is held while it exists. */
  proposalBranch?: string;
  dryRun: boolean;
}): Promise<ClusterCidrs> {
  const { cidrApi, cluster, profileRef, requested } = options;
  const podCidr = requested?.podCidr?.trim() || undefined;
  const serviceCidr = requested?.serviceCidr?.trim() || undefined;
  if (options.dryRun) {
    const preview = await cidrApi.preview({
      profileRef,
      cluster,
      podCidr,
      serviceCidr,
    });
    const failed = [preview.pod, preview.service].filter(
      (block): block is Extract<CidrBlockPreview, { ok: false }> => !block.ok,
    );
    if (failed.length > 0 || !preview.pod.ok || !preview.service.ok) {
      throw new InputError(
        `No CIDRs for ${cluster}: ${failed
          .map(block => block.reason)
          .join('; ')}`,
      );
    }
    return { podCidr: preview.pod.cidr, serviceCidr: preview.service.cidr };
  }
  const { reservation } = await cidrApi.reserve({
    cluster,
    profileRef,
    podCidr,
    serviceCidr,
    requestedBy: options.requestedBy,
    ...(options.proposalBranch && { proposalBranch: options.proposalBranch }),
  });
  return {
    podCidr: reservation.podCidr,
    serviceCidr: reservation.serviceCidr,
    reservationId: reservation.id,
  };
}

import type { RenderContext } from './render/types';

/**
 * The commit of a cluster request: a subject naming the cluster and profile, and a body that
 * records what governance requires before a cluster exists — purpose, profile and version, CIDRs,
 * owner, environment group and dates — and who asked.
 */
export function clusterCommitMessage(
  context: RenderContext,
  requestedBy: string,
): string {
  const { request, profile, profileVersion } = context;
  const lines = [
    `Request cluster ${request.name} from profile ${profile.metadata.name} ${profileVersion}`,
    '',
    `Purpose: ${request.purpose.trim()}`,
    `Profile: ${context.profileRef} ${profileVersion} (${profile.spec.type}, ${profile.spec.provisioner?.type ?? 'cluster-api'})`,
    `Owner: ${context.ownerRef}`,
    `Environment: ${request.environment}, group ${request.environmentGroup.trim()}, region ${request.region.trim()}${request.site ? `, site ${request.site.trim()}` : ''}`,
    `Pod CIDR: ${context.podCidr}`,
    `Service CIDR: ${context.serviceCidr}`,
    ...(request.nodeCidr ? [`Node CIDR: ${request.nodeCidr}`] : []),
    `Nodes: ${request.nodes.controlPlane} control plane, ${request.nodes.workers} workers`,
    `Lifetime: ${request.lifetime.class}, created ${context.created}` +
      (request.lifetime.reviewBy ? `, review by ${request.lifetime.reviewBy}` : '') +
      (request.lifetime.retireBy ? `, retire by ${request.lifetime.retireBy}` : ''),
    `Requested-by: ${requestedBy}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The proposal branch of a cluster request. */
export function clusterBranchName(name: string): string {
  return `fleet/cluster/${name}`;
}

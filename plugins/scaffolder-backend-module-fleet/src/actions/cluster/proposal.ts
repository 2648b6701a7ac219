import { proposalBranchName } from '../platformRepo/proposalBranchName';
import type { RenderContext } from './render/types';

/** First line of the proposal's commit: the cluster and the profile it is built from. */
export function clusterCommitTitle(context: RenderContext): string {
  return `Request cluster ${context.request.name} from profile ${context.profile.metadata.name} ${context.profileVersion}`;
}

/**
 * The body of the proposal's commit: what governance requires to be recorded before a cluster
 * exists — purpose, profile and version, CIDRs, owner, environment group and dates. The propose
 * action adds who asked (Requested-by) and the task.
 */
export function clusterCommitBody(context: RenderContext): string {
  const { request, profile, profileVersion } = context;
  const where = [
    request.environment,
    `group ${request.environmentGroup.trim()}`,
    `region ${request.region.trim()}`,
    ...(request.site?.trim() ? [`site ${request.site.trim()}`] : []),
  ].join(', ');
  const dates = [
    `created ${context.created}`,
    ...(request.lifetime.reviewBy
      ? [`review by ${request.lifetime.reviewBy}`]
      : []),
    ...(request.lifetime.retireBy
      ? [`retire by ${request.lifetime.retireBy}`]
      : []),
  ].join(', ');
  return [
    `Purpose: ${request.purpose.trim()}`,
    `Profile: ${context.profileRef} ${profileVersion} (${profile.spec.type}, ${
      profile.spec.provisioner?.type ?? 'cluster-api'
    })`,
    `Owner: ${context.ownerRef}`,
    `Environment: ${where}`,
    `Pod CIDR: ${context.podCidr}`,
    `Service CIDR: ${context.serviceCidr}`,
    ...(request.nodeCidr?.trim()
      ? [`Node CIDR: ${request.nodeCidr.trim()}`]
      : []),
    `Nodes: ${request.nodes.controlPlane} control plane, ${request.nodes.workers} workers`,
    `Lifetime: ${request.lifetime.class}, ${dates}`,
  ].join('\n');
}

/** The proposal branch of a cluster request: its own per task (see proposalBranchName). */
export function clusterBranchName(name: string, taskId: string): string {
  return proposalBranchName('cluster', name, taskId);
}

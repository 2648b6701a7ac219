import { InputError } from '@backstage/errors';
import {
  type ClusterEntity,
  type Lifecycle,
  validateGovernedCluster,
} from '@fleet-portal/plugin-fleet-common';
import type { RenderContext } from './types';

/** Environments whose clusters run production traffic (edge stores serve customers too). */
const PRODUCTION_ENVIRONMENTS = new Set(['production', 'edge']);

/**
 * The cluster entity of the platform repository (docs/entity-model.md), checked with the same
 * validator the catalog applies to the platform repository, so a request never proposes a file
 * the catalog would reject.
 */
export function renderClusterEntity(context: RenderContext): ClusterEntity {
  const { request, profile, profileVersion, ownerRef } = context;
  const lifecycle: Lifecycle = PRODUCTION_ENVIRONMENTS.has(request.environment)
    ? 'production'
    : 'experimental';
  const lifetime: ClusterEntity['spec']['lifetime'] = {
    class: request.lifetime.class,
    created: context.created,
    ...(request.lifetime.reviewBy
      ? { reviewBy: request.lifetime.reviewBy }
      : {}),
    ...(request.lifetime.retireBy
      ? { retireBy: request.lifetime.retireBy }
      : {}),
  };
  const entity: ClusterEntity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: request.name,
      namespace: 'default',
      ...(request.description?.trim()
        ? { description: request.description.trim() }
        : {}),
    },
    spec: {
      type: 'kubernetes-cluster',
      owner: ownerRef,
      lifecycle,
      purpose: request.purpose.trim(),
      // a bare name means clusterprofile:default/<name>, as in the demo repository
      profile:
        (profile.metadata.namespace ?? 'default') === 'default'
          ? profile.metadata.name
          : context.profileRef,
      profileVersion,
      environment: request.environment,
      environmentGroup: request.environmentGroup.trim(),
      region: request.region.trim(),
      ...(request.site?.trim() ? { site: request.site.trim() } : {}),
      network: {
        podCidr: context.podCidr,
        serviceCidr: context.serviceCidr,
        ...(request.nodeCidr?.trim()
          ? { nodeCidr: request.nodeCidr.trim() }
          : {}),
      },
      lifetime,
      nodes: {
        controlPlane: request.nodes.controlPlane,
        workers: request.nodes.workers,
      },
    },
  };
  const issues = validateGovernedCluster(entity);
  if (issues.length > 0) {
    throw new InputError(
      `The cluster entity would be invalid: ${issues
        .map(i => i.message)
        .join('; ')}`,
    );
  }
  return entity;
}

import { InputError } from '@backstage/errors';
import type {
  ClusterEntity,
  ClusterProfileEntity,
} from '@fleet-portal/plugin-fleet-common';
import { platformRepoPaths } from '@fleet-portal/plugin-fleet-node';
import { renderClusterFiles } from '../cluster/render/renderClusterFiles';

/**
 * The provisioning files of a cluster as the new-cluster renderers make them for `version` of the
 * profile (`fleet:cluster:render`): the provisioner's artefact and the Helmfile, which carry what a
 * profile version pins — the Kubernetes (and Talos) version, the ClusterClass or Composition,
 * every component's chart version — and the `fleet-portal.dev/profile-version` label and header.
 * The profile entity is the one at `version` (its `spec.version`); the cluster's own values
 * (name, environment, nodes, CIDRs) come from its entity.
 *
 * @throws InputError naming the cluster when its entity lacks what the renderers need
 */
export function renderProvisioningFiles(options: {
  cluster: ClusterEntity;
  profile: ClusterProfileEntity;
  profileRef: string;
  version: string;
}): Record<string, string> {
  const { cluster, profile, profileRef, version } = options;
  const { spec } = cluster;
  const name = cluster.metadata.name;
  const missing = [
    ['spec.environment', spec.environment],
    ['spec.region', spec.region],
    ['spec.network.podCidr', spec.network?.podCidr],
    ['spec.network.serviceCidr', spec.network?.serviceCidr],
    ['spec.nodes.controlPlane', spec.nodes?.controlPlane],
    ['spec.nodes.workers', spec.nodes?.workers],
  ]
    .filter(([, value]) => value === undefined)
    .map(([field]) => field);
  if (missing.length > 0) {
    throw new InputError(
      `The provisioning files of ${name} cannot be rendered for ${version}: its entity has no ${missing.join(
        ', ',
      )}`,
    );
  }
  const context = {
    request: {
      name,
      profile: profileRef,
      profileVersion: version,
      owner: spec.owner,
      purpose: spec.purpose ?? '',
      description: cluster.metadata.description,
      environment: spec.environment!,
      environmentGroup: spec.environmentGroup ?? '',
      region: spec.region!,
      site: spec.site,
      nodes: {
        controlPlane: spec.nodes!.controlPlane!,
        workers: spec.nodes!.workers!,
      },
      lifetime: {
        class: spec.lifetime?.class ?? 'long-lived',
        reviewBy: spec.lifetime?.reviewBy,
        retireBy: spec.lifetime?.retireBy,
      },
      nodeCidr: spec.network?.nodeCidr,
    },
    profile,
    profileRef,
    profileVersion: version,
    ownerRef: spec.owner,
    podCidr: spec.network!.podCidr!,
    serviceCidr: spec.network!.serviceCidr!,
    created: spec.lifetime?.created ?? '',
    // only for people-facing text of a new request, which is not rendered here
    ownerTitle: spec.owner,
  };
  const rendered = renderClusterFiles(context);
  const entityPath = platformRepoPaths.cluster(name);
  return Object.fromEntries(
    rendered
      .filter(file => file.path !== entityPath)
      .map(file => [file.path, file.content]),
  );
}

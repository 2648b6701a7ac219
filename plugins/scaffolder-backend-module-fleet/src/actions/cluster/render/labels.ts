import type { RenderContext } from './types';

/** Labels every rendered Kubernetes object carries, so the management plane can be queried by them. */
export function fleetLabels(context: RenderContext): Record<string, string> {
  return {
    'fleet-portal.dev/cluster': context.request.name,
    'fleet-portal.dev/profile': context.profile.metadata.name,
    'fleet-portal.dev/profile-version': context.profileVersion,
    'fleet-portal.dev/environment': context.request.environment,
  };
}

/** Kubernetes versions are v-prefixed in Cluster API and Omni; profiles pin them without the v. */
export function vPrefixed(version: string): string {
  return version.startsWith('v') ? version : `v${version}`;
}

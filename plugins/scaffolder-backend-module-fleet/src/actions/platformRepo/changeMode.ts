import type {
  ClusterEntity,
  ClusterProfileEntity,
} from '@fleet-portal/plugin-fleet-common';

/** How a change reaches the platform repository, and why. */
export type ChangeMode = {
  mode: 'propose' | 'direct';
  reason: string;
};

/**
 * Production clusters, production and regulated profiles, and any profile that does
 * not allow ClickOps always get a proposal; only a non-production profile that
 * allows ClickOps lets a change land directly on the main branch.
 */
export function changeModeFor(
  cluster: ClusterEntity | undefined,
  profile: ClusterProfileEntity | undefined,
): ChangeMode {
  if (!profile) {
    return { mode: 'propose', reason: 'no cluster profile decides otherwise' };
  }
  const name = profile.metadata.name;
  if (cluster?.spec.environment === 'production') {
    return {
      mode: 'propose',
      reason: `${cluster.metadata.name} is a production cluster`,
    };
  }
  if (profile.spec.type === 'production' || profile.spec.type === 'regulated') {
    return {
      mode: 'propose',
      reason: `profile ${name} is a ${profile.spec.type} profile`,
    };
  }
  if (profile.spec.clickOps?.allowed !== true) {
    return {
      mode: 'propose',
      reason: `profile ${name} does not allow ClickOps`,
    };
  }
  return {
    mode: 'direct',
    reason: `profile ${name} allows ClickOps on ${
      cluster?.spec.environment ?? 'non-production'
    } clusters`,
  };
}

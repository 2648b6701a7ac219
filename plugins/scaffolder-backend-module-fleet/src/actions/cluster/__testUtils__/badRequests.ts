/** A bad new-cluster request: what it is, the form fields it changes in validClusterForm(), the field refused. */
export type BadClusterRequest = [string, Record<string, unknown>, string];

/**
 * The new-cluster form's data for a valid edge request (the template's parameters, which its
 * steps pass to fleet:cluster:validate as fleet-common's clusterRequestFromForm does).
 */
export function validClusterForm(): Record<string, unknown> {
  return {
    name: 'edg-ber03-store-01',
    profile: 'clusterprofile:default/edge',
    owner: 'group:default/team-checkout',
    purpose: 'Point of sale in the Berlin Mitte store',
    environment: 'edge',
    environmentGroup: 'far-edge',
    region: 'eu-central-1',
    site: 'ber03',
    controlPlaneNodes: 1,
    workerNodes: 0,
    lifetimeClass: 'long-lived',
    reviewBy: '2027-01-31',
  };
}

/** Bad new-cluster requests (tests run on 2026-05-15). */
export const BAD_CLUSTER_REQUESTS: BadClusterRequest[] = [
  ['a name off the convention', { name: 'edge-berlin-store-1' }, 'name'],
  ['a name that is no DNS label', { name: 'Edg_Ber03' }, 'name'],
  ['a name in use in the catalog', { name: 'edg-ber01-store-01' }, 'name'],
  [
    'a profile version not allowed',
    { profileVersion: '1.1.0' },
    'profileVersion',
  ],
  ['no purpose', { purpose: '   ' }, 'purpose'],
  ['no environment group', { environmentGroup: '' }, 'environmentGroup'],
  ['no region', { region: '' }, 'region'],
  [
    'an environment the profile does not build',
    { environment: 'production' },
    'environment',
  ],
  [
    'too many control plane nodes',
    { controlPlaneNodes: 3 },
    'nodes.controlPlane',
  ],
  ['too many workers', { workerNodes: 2 }, 'nodes.workers'],
  ['a negative node count', { workerNodes: -1 }, 'nodes.workers'],
  [
    'a review date beyond 12 months',
    { reviewBy: '2027-05-16' },
    'lifetime.reviewBy',
  ],
  [
    'a review date in the past',
    { reviewBy: '2026-05-01' },
    'lifetime.reviewBy',
  ],
  ['no review date', { reviewBy: undefined }, 'lifetime.reviewBy'],
  [
    'a project without a retire date',
    { lifetimeClass: 'project', reviewBy: undefined },
    'lifetime.retireBy',
  ],
  [
    'a project beyond its maximum lifetime',
    { lifetimeClass: 'project', reviewBy: undefined, retireBy: '2027-05-16' },
    'lifetime.retireBy',
  ],
  [
    'a retire date that is no date',
    { lifetimeClass: 'project', reviewBy: undefined, retireBy: '2026-02-30' },
    'lifetime.retireBy',
  ],
  ['an unknown owner', { owner: 'group:default/team-nobody' }, 'owner'],
  ['a user as owner', { owner: 'user:default/priya.platform' }, 'owner'],
  [
    'an unknown profile',
    { profile: 'clusterprofile:default/nowhere' },
    'profile',
  ],
];

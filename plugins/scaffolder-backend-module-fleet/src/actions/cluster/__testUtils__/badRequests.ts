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

/** A bad retirement: what it is, the fields it changes in validRetirement(), the field refused. */
export type BadRetirement = [string, Record<string, unknown>, string];

/** Marking the demo edge cluster edg-ber01-store-01 retiring (tests run on 2026-05-15). */
export function validRetirement(): Record<string, unknown> {
  return {
    cluster: 'resource:default/edg-ber01-store-01',
    mode: 'mark',
    retireBy: '2026-09-30',
    reason: 'The Berlin 01 store closes at the end of September',
  };
}

/** Bad retirements, each refused with a message naming the field and nothing written. */
export const BAD_RETIREMENTS: BadRetirement[] = [
  ['no reason', { reason: '' }, 'reason'],
  ['a reason of a word', { reason: 'closing' }, 'reason'],
  ['a reason too long', { reason: 'x'.repeat(501) }, 'reason'],
  ['no retire-by date to mark', { retireBy: undefined }, 'retireBy'],
  ['a retire-by that is no date', { retireBy: '2026-02-30' }, 'retireBy'],
  ['a retire-by in the past', { retireBy: '2026-05-01' }, 'retireBy'],
  ['a retire-by of today', { retireBy: '2026-05-15' }, 'retireBy'],
  [
    "a retire-by beyond the profile's review interval",
    { retireBy: '2027-05-16' },
    'retireBy',
  ],
  ['no cluster', { cluster: '' }, 'cluster'],
  ['an unknown mode', { mode: 'delete' }, 'mode'],
  [
    'a cluster not in the catalog',
    { cluster: 'resource:default/edg-xxx01-store-01' },
    'cluster',
  ],
  [
    'a namespace instead of a cluster',
    { cluster: 'resource:default/edg-ber01-store-01.pos' },
    'cluster',
  ],
];

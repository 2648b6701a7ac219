import yaml from 'yaml';

/** The template step of an edge cluster request, shared by the actions' examples. */
export function clusterRequestExamples(action: string) {
  return [
    {
      description: 'An edge cluster for a new store, reviewed within a year',
      example: yaml.stringify({
        steps: [
          {
            id: 'cluster',
            action,
            name: 'New edge cluster',
            input: {
              name: 'edg-ber03-store-01',
              profile: 'clusterprofile:default/edge',
              profileVersion: '1.3.0',
              owner: 'group:default/team-checkout',
              purpose:
                'Point of sale and offline payment buffering in the Berlin Mitte store',
              environment: 'edge',
              environmentGroup: 'far-edge',
              region: 'eu-central-1',
              site: 'ber03',
              nodes: { controlPlane: 1, workers: 0 },
              lifetime: { class: 'long-lived', reviewBy: '2027-06-30' },
            },
          },
        ],
      }),
    },
    {
      description: 'A project cluster that is decommissioned after a migration',
      example: yaml.stringify({
        steps: [
          {
            id: 'cluster',
            action,
            name: 'Migration cluster',
            input: {
              name: 'tst-euw1-migrate-01',
              profile: 'non-production',
              owner: 'team-payments',
              purpose: 'Rehearses the ledger database migration',
              environment: 'test',
              environmentGroup: 'non-production',
              region: 'eu-west-1',
              nodes: { controlPlane: 1, workers: 3 },
              lifetime: { class: 'project', retireBy: '2027-03-31' },
            },
          },
        ],
      }),
    },
  ];
}

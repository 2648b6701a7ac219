import { stringify } from 'yaml';

/** The template step examples of the namespace actions. */
export function namespaceExamples(action: string) {
  const input = {
    cluster: 'resource:default/stg-euw1-checkout-01',
    namespace: 'checkout-search',
    team: 'group:default/team-checkout',
    costCenter: 'cc-4711',
    reason: 'Staging namespace for the new checkout search service',
    quota: { 'requests.cpu': '2', 'limits.memory': '8Gi' },
    roles: ['edit'],
  };
  return [
    {
      description:
        'A namespace with the profile defaults except two quota values',
      example: stringify({
        steps: [{ id: 'namespace', action, name: 'Tenant namespace', input }],
      }),
    },
    {
      description: 'Values from the template form',
      example: stringify({
        steps: [
          {
            id: 'namespace',
            action,
            input: {
              cluster: '${{ parameters.cluster }}',
              namespace: '${{ parameters.namespace }}',
              team: '${{ parameters.team }}',
              costCenter: '${{ parameters.costCenter }}',
              reason: '${{ parameters.reason }}',
              quota: '${{ parameters.quota }}',
              roles: '${{ parameters.roles }}',
            },
          },
        ],
      }),
    },
  ];
}

import { stringify } from 'yaml';

/** The template step examples of fleet:namespace:change. */
export function changeExamples() {
  return [
    {
      description: 'Raise the pod quota of a staging namespace',
      example: stringify({
        steps: [
          {
            id: 'change',
            action: 'fleet:namespace:change',
            name: 'Change the namespace',
            input: {
              namespace: 'resource:default/stg-euw1-checkout-01.checkout',
              quota: { pods: '120' },
              reason: 'Load test of the new checkout flow needs more pods',
            },
          },
        ],
      }),
    },
    {
      description: 'Values from the template form',
      example: stringify({
        steps: [
          {
            id: 'change',
            action: 'fleet:namespace:change',
            input: {
              namespace: '${{ parameters.namespace }}',
              quota: '${{ parameters.quota }}',
              limits: '${{ parameters.limits }}',
              roles: '${{ parameters.roles }}',
              reason: '${{ parameters.reason }}',
            },
          },
        ],
      }),
    },
  ];
}

/** The template step examples of fleet:namespace:decommission. */
export function decommissionExamples() {
  return [
    {
      description: 'Give a namespace back; the confirmation is its name',
      example: stringify({
        steps: [
          {
            id: 'decommission',
            action: 'fleet:namespace:decommission',
            input: {
              namespace: 'resource:default/dev-euw1-shared-01.checkout-dev',
              confirmation: 'checkout-dev',
              reason: 'Development moved to the team cluster',
            },
          },
        ],
      }),
    },
  ];
}

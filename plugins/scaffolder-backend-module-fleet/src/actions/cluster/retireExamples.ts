import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** The template steps of fleet:cluster:retire: marking a cluster retiring, and removing one. */
export const retireExamples: TemplateExample[] = [
  {
    description:
      'Mark a cluster retiring by a date, with the reason, as a proposal',
    example: yaml.stringify({
      steps: [
        {
          id: 'retire',
          action: 'fleet:cluster:retire',
          name: 'Retire the cluster',
          input: {
            cluster: 'resource:default/stg-euw1-search-01',
            mode: 'mark',
            retireBy: '2027-01-31',
            reason: 'Search moved to the shared staging cluster',
          },
        },
      ],
    }),
  },
  {
    description:
      'Remove a de-provisioned cluster from the platform repository, as a proposal',
    example: yaml.stringify({
      steps: [
        {
          id: 'retire',
          action: 'fleet:cluster:retire',
          name: 'Remove the cluster',
          input: {
            cluster: 'resource:default/stg-euw1-search-01',
            mode: 'remove',
            reason: 'De-provisioned with Cluster API on 2026-12-01',
          },
        },
      ],
    }),
  },
];

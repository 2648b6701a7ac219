import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `fleet:rollout:promote`, each a template step; the examples test runs their input. */
export const promoteExamples: TemplateExample[] = [
  {
    description:
      'Promote the next wave of the production profile, whichever it is, when its gate is open',
    example: yaml.stringify({
      steps: [
        {
          id: 'promote',
          action: 'fleet:rollout:promote',
          name: 'Promote the next wave',
          input: {
            profile: 'clusterprofile:default/production',
            reason:
              'Canary clusters ran 3.2.0 for a business week without warnings; continue with the east coast',
          },
        },
      ],
    }),
  },
  {
    description:
      'Promote a named wave: refused unless it is the next one and the gate before it is open',
    example: yaml.stringify({
      steps: [
        {
          id: 'promote',
          action: 'fleet:rollout:promote',
          name: 'Promote production-east',
          input: {
            profile: 'production',
            wave: 'production-east',
            reason: 'Change CHG-4711 approved by the platform board',
          },
        },
      ],
    }),
  },
];

import { ConfigReader } from '@backstage/config';
import {
  fakeEdgeEnvironment,
  fakeEnvironment,
} from './__testUtils__/fakePortainer';
import { compileMappingRules } from './mappingRules';
import { PortainerSource } from './PortainerSource';

const nowSeconds = 1732000100;

describe('PortainerSource', () => {
  it('maps environments to observed clusters with facts, link and mapped fields', async () => {
    const source = new PortainerSource('prod', {
      baseUrl: 'https://portainer.example',
      now: () => nowSeconds * 1000,
      mapping: compileMappingRules(
        [
          new ConfigReader({ tag: 'env:(.+)', environment: '$1' }),
          new ConfigReader({ group: '(?!Unassigned$)(.+)', region: '$1' }),
        ],
        'mapping',
      ),
      client: {
        readInventory: async () => ({
          endpoints: [
            fakeEnvironment(3, 'prd-euw1-payments-01', { TagIds: [2] }),
            fakeEdgeEnvironment(
              7,
              'Shop 17',
              { nowSeconds, ageSeconds: 900 },
              {
                GroupId: 2,
                QueryDate: undefined,
                Agent: { Version: '2.21.5' },
              },
            ),
          ],
          groups: [
            { Id: 1, Name: 'Unassigned' },
            { Id: 2, Name: 'eu-central-1', TagIds: [5] },
          ],
          tags: [
            { ID: 2, Name: 'env:production' },
            { ID: 5, Name: 'env:edge' },
          ],
        }),
      },
    });
    expect(await source.listClusters()).toEqual([
      {
        name: 'prd-euw1-payments-01',
        externalId: '3',
        url: 'https://portainer.example/#!/3/kubernetes/dashboard',
        agent: 'portainer-agent',
        agentVersion: '2.21.4',
        status: 'connected',
        statusMessage: 'Portainer reports it up',
        kubernetesVersion: 'v1.30.4',
        lastSeen: '2024-11-19T07:06:40.000Z',
        environment: 'production',
      },
      {
        name: 'Shop 17',
        externalId: '7',
        url: 'https://portainer.example/#!/7/kubernetes/dashboard',
        agent: 'portainer-edge-agent',
        agentVersion: '2.21.5',
        status: 'disconnected',
        statusMessage: `no edge check-in since ${new Date(
          (nowSeconds - 900) * 1000,
        ).toISOString()} (checks in every 5 s, allowed 30 s)`,
        kubernetesVersion: 'v1.30.4',
        lastSeen: new Date((nowSeconds - 900) * 1000).toISOString(),
        environment: 'edge',
        region: 'eu-central-1',
      },
    ]);
  });
});

import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import type { Entity } from '@backstage/catalog-model';
import fleetPlugin from './alpha';
import { fleetApiRef } from './api/FleetApi';
import { PlatformRepoClient } from './api/PlatformRepoClient';
import {
  clusterEntity,
  lifecyclePage,
  mockFleetApi,
  schedule,
} from './__testUtils__/fleet';

const namespaceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'prd-euw1-payments-01.checkout' },
  spec: { type: 'kubernetes-namespace' },
};
const profileEntity: Entity = {
  apiVersion: 'fleet-portal.dev/v1alpha1',
  kind: 'ClusterProfile',
  metadata: { name: 'production' },
};

describe('fleet plugin (new frontend system)', () => {
  it('has the plugin id fleet', () => {
    expect(fleetPlugin.pluginId).toBe('fleet');
  });

  it.each([
    'api:fleet',
    'page:fleet/lifecycle',
    'entity-card:fleet/cluster-overview',
    'entity-card:fleet/tenant-namespace',
    'entity-content:fleet/profile',
    'api:fleet/health',
    'page:fleet/health',
    'entity-content:fleet/health',
    'entity-card:fleet/namespace-health',
    'entity-card:fleet/namespace-budget',
    'api:fleet/platform-repo',
    'page:fleet/platform-repository',
    'api:fleet/rollout',
    'page:fleet/rollouts',
    'entity-content:fleet/rollout',
  ] as const)('provides %s', id => {
    const [kind, name] = id.split(/[:/]/).filter((_, i) => i !== 1);
    expect(fleetPlugin.getExtension(id)).toMatchObject({ kind, name });
  });

  it('has no nav-item extension: the page is the nav item', () => {
    expect(() => fleetPlugin.getExtension('nav-item:fleet' as any)).toThrow();
  });

  it('mounts the lifecycle page at /fleet/lifecycle', () => {
    const tester = createExtensionTester(
      fleetPlugin.getExtension('page:fleet/lifecycle'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/fleet/lifecycle');
    expect(tester.get(coreExtensionData.title)).toBe('Fleet lifecycle');
  });

  it('renders the lifecycle page from its loader', async () => {
    const fleetApi = mockFleetApi({
      listClusters: jest.fn().mockResolvedValue(lifecyclePage([])),
      getSchedule: jest.fn().mockResolvedValue(schedule()),
    });
    const tester = createExtensionTester(
      fleetPlugin.getExtension('page:fleet/lifecycle'),
    );
    renderInTestApp(tester.reactElement(), { apis: [[fleetApiRef, fleetApi]] });
    expect(
      // The loader compiles the page on first import, which takes a while under Jest.
      await screen.findByRole(
        'heading',
        { name: 'Fleet lifecycle' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No clusters in the fleet yet'),
    ).toBeInTheDocument();
  }, 30_000);

  it.each([
    ['entity-card:fleet/cluster-overview', [true, false, false]],
    ['entity-card:fleet/tenant-namespace', [false, true, false]],
    ['entity-card:fleet/namespace-health', [false, true, false]],
  ] as const)('shows %s only on its entities', (id, expected) => {
    const tester = createExtensionTester(fleetPlugin.getExtension(id));
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect([clusterEntity, namespaceEntity, profileEntity].map(filter)).toEqual(
      expected,
    );
  });

  it('adds the Profile tab to cluster profiles only', () => {
    const tester = createExtensionTester(
      fleetPlugin.getExtension('entity-content:fleet/profile'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect([clusterEntity, namespaceEntity, profileEntity].map(filter)).toEqual(
      [false, false, true],
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('profile');
  });

  it('mounts the health page at /fleet/health', () => {
    const tester = createExtensionTester(
      fleetPlugin.getExtension('page:fleet/health'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/fleet/health');
    expect(tester.get(coreExtensionData.title)).toBe('Fleet health');
  });

  it('mounts the platform-repository page at /fleet/platform-repository, with its nav title', () => {
    const tester = createExtensionTester(
      fleetPlugin.getExtension('page:fleet/platform-repository'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/fleet/platform-repository',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Platform repository');
  });

  it('builds the platform-repository API from discovery and fetch', () => {
    const tester = createExtensionTester(
      fleetPlugin.getExtension('api:fleet/platform-repo'),
    );
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe('plugin.fleet.platform-repo');
    expect(Object.values(factory.deps).map(ref => ref.id)).toEqual([
      'core.discovery',
      'core.fetch',
    ]);
    const client = factory.factory({
      discoveryApi: { getBaseUrl: jest.fn() },
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(PlatformRepoClient);
  });

  it('adds the Fleet health tab to clusters only', () => {
    const tester = createExtensionTester(
      fleetPlugin.getExtension('entity-content:fleet/health'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect([clusterEntity, namespaceEntity, profileEntity].map(filter)).toEqual(
      [true, false, false],
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('health');
  });
});

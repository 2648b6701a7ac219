import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Table, type TableColumn } from '@backstage/core-components';
import {
  EntityKindFilter,
  EntityTypeFilter,
  type EntityListContextProps,
} from '@backstage/plugin-catalog-react';
import { fleetApiRef } from '../../api/FleetApi';
import {
  clusterEntity,
  clusterLifecycle,
  mockFleetApi,
  responseError,
} from '../../__testUtils__/fleet';
import { testRoutes } from '../../__testUtils__/render';
import {
  type CatalogRow,
  isClusterList,
  withFleetClusterColumns,
} from './clusterColumns';

const listOf = (kind: string, types?: string[]) =>
  ({
    filters: {
      kind: new EntityKindFilter(kind, kind),
      ...(types ? { type: new EntityTypeFilter(types) } : {}),
    },
    entities: [],
  } as unknown as EntityListContextProps);

const defaults = (): TableColumn<CatalogRow>[] => [
  { title: 'Name', field: 'resolved.entityRef' },
  { title: 'System', field: 'resolved.partOfSystemRelationTitle' },
  { title: 'Owner', field: 'resolved.ownedByRelationsTitle' },
  { title: 'Lifecycle', field: 'entity.spec.lifecycle' },
  { title: 'Description', field: 'entity.metadata.description' },
  { title: 'Tags', field: 'entity.metadata.tags' },
];
const DEFAULT_TITLES = [
  'Name',
  'System',
  'Owner',
  'Lifecycle',
  'Description',
  'Tags',
];

describe('withFleetClusterColumns', () => {
  it('adds profile, environment, review-by and status to the cluster list only', () => {
    const columns = withFleetClusterColumns(defaults);
    expect(
      columns(listOf('Resource', ['kubernetes-cluster'])).map(c => c.title),
    ).toEqual([
      'Name',
      'Owner',
      'Lifecycle',
      'Profile',
      'Environment',
      'Review by',
      'Status',
    ]);
    expect(columns(listOf('component')).map(c => c.title)).toEqual(
      DEFAULT_TITLES,
    );
    expect(
      columns(listOf('resource', ['kubernetes-namespace'])).map(c => c.title),
    ).toEqual(DEFAULT_TITLES);
    expect(
      columns(listOf('resource', ['kubernetes-cluster', 'database'])).map(
        c => c.title,
      ),
    ).toEqual(DEFAULT_TITLES);
  });

  it('reads the kind case-insensitively', () => {
    expect(isClusterList(listOf('RESOURCE', ['kubernetes-cluster']))).toBe(
      true,
    );
    expect(isClusterList(listOf('resource'))).toBe(false);
  });
});

describe('the fleet columns', () => {
  const render = async (
    fleetApi: ReturnType<typeof mockFleetApi>,
    entity = clusterEntity,
  ) => {
    const columns = withFleetClusterColumns(defaults)(
      listOf('resource', ['kubernetes-cluster']),
    );
    await renderInTestApp(
      <TestApiProvider apis={[[fleetApiRef, fleetApi]]}>
        <Table<CatalogRow>
          columns={columns}
          data={[{ entity }]}
          options={{ paging: false, search: false }}
        />
      </TestApiProvider>,
      testRoutes,
    );
  };

  it("show the entity's fields and the fleet's lifecycle verdict", async () => {
    const fleetApi = mockFleetApi({
      getCluster: jest
        .fn()
        .mockResolvedValue(
          clusterLifecycle({ status: 'review-due', daysLeft: 12 }),
        ),
    });
    await render(fleetApi);
    expect(await screen.findByText('Review due')).toBeInTheDocument();
    expect(screen.getByText('12 days left')).toBeInTheDocument();
    expect(screen.getByText('3.1.0')).toBeInTheDocument();
    expect(screen.getByText('2025-03-01')).toBeInTheDocument();
    expect(screen.getAllByText('production').length).toBeGreaterThan(0);
    expect(fleetApi.getCluster).toHaveBeenCalledWith({
      namespace: 'default',
      name: 'prd-euw1-payments-01',
    });
  });

  it('show a dash for the status when the fleet does not answer', async () => {
    const fleetApi = mockFleetApi({
      getCluster: jest.fn().mockImplementation(async () => {
        throw await responseError(403);
      }),
    });
    await render(fleetApi);
    expect(await screen.findByText('—')).toBeInTheDocument();
    expect(screen.queryByText('Review due')).not.toBeInTheDocument();
  });

  it("mark a project cluster's retire-by date in the review column", async () => {
    const project = {
      ...clusterEntity,
      spec: {
        ...clusterEntity.spec,
        lifetime: {
          class: 'project',
          created: '2026-07-14',
          retireBy: '2027-01-10',
        },
      },
    };
    await render(
      mockFleetApi({
        getCluster: jest.fn().mockResolvedValue(clusterLifecycle()),
      }),
      project,
    );
    expect(await screen.findByText('2027-01-10 (retire)')).toBeInTheDocument();
  });
});

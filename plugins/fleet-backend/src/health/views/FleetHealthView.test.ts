import { ConfigReader } from '@backstage/config';
import {
  HEALTH_GRID_MAX_ROWS,
  HEALTH_MAX_PAGE_SIZE,
  HealthClusterQuery,
} from '@fleet-portal/plugin-fleet-common';
import { readHealthConfig } from '../config';
import { HealthCatalogCluster } from '../fleetSnapshot';
import { MetricsRound } from '../metricsRound';
import { resolveSignals } from '../signals';
import { FleetHealthView } from './FleetHealthView';

const NOW = new Date('2026-11-22T10:00:00Z');
const T = NOW.getTime() / 1000 - 30;
const SETTINGS = {
  maxSampleAgeSeconds: 600,
  cacheSeconds: 30,
  requiredLabels: ['cluster'],
};

const signals = resolveSignals(
  readHealthConfig(
    new ConfigReader({
      fleet: {
        health: {
          sources: [{ name: 'central', type: 'prometheus', url: 'http://p' }],
        },
      },
    }),
  )!,
);

/** A value per signal that is ok, and one that crosses its critical or warning threshold. */
function valueFor(signalId: string, state: 'ok' | 'warning' | 'critical') {
  const { thresholds } = signals.find(s => s.id === signalId)!;
  if (state === 'ok') return thresholds.direction === 'above' ? 0 : 1000;
  return thresholds[state]!;
}

type Spec = {
  name: string;
  environment?: string;
  owner?: string;
  registered?: boolean;
  /** Signal id → state; every other signal ok; `silent` reports nothing. */
  states?: Record<string, 'warning' | 'critical'>;
  silent?: boolean;
};

/** The round and catalog of a fleet; every cluster runs Cilium (Calico's signal does not apply). */
function fleetOf(specs: Spec[]) {
  const reporting = specs.filter(s => !s.silent);
  const round: MetricsRound = {
    time: NOW,
    sources: [{ name: 'central', type: 'prometheus', status: 'up' }],
    signals: new Map(
      signals.map(signal => [
        signal.id,
        {
          ok: true as const,
          warnings: [],
          byCluster: new Map(
            reporting
              .filter(() => signal.id !== 'cni-calico')
              .map(s => [
                s.name,
                {
                  value: valueFor(signal.id, s.states?.[signal.id] ?? 'ok'),
                  time: T,
                },
              ]),
          ),
        },
      ]),
    ),
    freshness: new Map([
      [
        'central',
        {
          ok: true as const,
          warnings: [],
          byCluster: new Map(reporting.map(s => [s.name, T])),
        },
      ],
    ]),
  };
  const catalog: HealthCatalogCluster[] = specs
    .filter(s => s.registered !== false)
    .map(s => ({
      name: s.name,
      entityRef: `resource:default/${s.name}`,
      ...(s.environment ? { environment: s.environment } : {}),
      profileRef: 'clusterprofile:default/production',
      owner: s.owner ?? 'group:default/team-a',
      components: [{ name: 'cilium', role: 'cni' }],
    }));
  return new FleetHealthView(
    round,
    signals,
    catalog,
    new Set(catalog.map(c => c.name)),
    SETTINGS,
  );
}

const DEMO: Spec[] = [
  // an unregistered cluster that is fine: it must not come first
  { name: 'aaa-legacy-01', registered: false },
  {
    name: 'dev-a-01',
    environment: 'development',
    states: { 'node-readiness': 'warning' },
  },
  { name: 'prd-b-01', environment: 'production' },
  { name: 'prd-a-01', environment: 'production' },
  {
    name: 'stg-a-01',
    environment: 'staging',
    states: { 'certificate-expiry': 'critical' },
  },
  {
    name: 'prd-c-01',
    environment: 'production',
    states: { 'certificate-expiry': 'critical' },
  },
  { name: 'prd-silent-01', environment: 'production', silent: true },
  {
    name: 'dev-b-01',
    environment: 'development',
    states: { 'backup-freshness': 'warning' },
  },
];

const names = (view: FleetHealthView, query: HealthClusterQuery = {}) =>
  view
    .page({ limit: HEALTH_MAX_PAGE_SIZE, ...query })
    .items.map(c => c.cluster);

describe('FleetHealthView ordering', () => {
  const view = fleetOf(DEMO);

  it('puts the worst first, ties by environment then name', () => {
    expect(names(view)).toEqual([
      'prd-c-01', // critical, production
      'stg-a-01', // critical, staging
      'dev-a-01', // warning, development
      'dev-b-01',
      'prd-silent-01', // unknown
      'prd-a-01', // ok, production
      'prd-b-01',
      'aaa-legacy-01', // ok, no environment: last among ok
    ]);
  });

  it('groups worst first: a group comes where its worst cluster does', () => {
    const page = view.page({ groupBy: 'environment', limit: 50 });
    expect(page.items.map(c => c.cluster)).toEqual([
      'prd-c-01',
      'prd-silent-01',
      'prd-a-01',
      'prd-b-01',
      'stg-a-01',
      'dev-a-01',
      'dev-b-01',
      'aaa-legacy-01',
    ]);
    expect(page.groups).toEqual([
      'production',
      'production',
      'production',
      'production',
      'staging',
      'development',
      'development',
      '(no environment)',
    ]);
  });

  it('sorts by one signal, worst first, then by overall status', () => {
    expect(
      names(view, { orderBy: 'signal', signal: 'backup-freshness' }).slice(
        0,
        2,
      ),
    ).toEqual(['dev-b-01', 'prd-silent-01']);
  });

  it('sorts by name and by environment in either direction', () => {
    expect(names(view, { orderBy: 'name' })[0]).toBe('aaa-legacy-01');
    expect(names(view, { orderBy: 'name', order: 'desc' })[0]).toBe('stg-a-01');
    expect(names(view, { orderBy: 'environment' }).slice(0, 2)).toEqual([
      'dev-a-01',
      'dev-b-01',
    ]);
    // absent values last in both directions
    expect(names(view, { orderBy: 'environment', order: 'desc' }).at(-1)).toBe(
      'aaa-legacy-01',
    );
  });

  it('filters by environment, owner, status, cluster and name', () => {
    expect(
      names(view, { environment: ['Production'], status: ['ok'] }),
    ).toEqual(['prd-a-01', 'prd-b-01']);
    expect(names(view, { owner: ['team-a'], search: 'DEV-' })).toEqual([
      'dev-a-01',
      'dev-b-01',
    ]);
    expect(names(view, { cluster: ['aaa-legacy-01'] })).toEqual([
      'aaa-legacy-01',
    ]);
    expect(names(view, { owner: ['group:default/nobody'] })).toEqual([]);
  });
});

describe('FleetHealthView paging', () => {
  const view = fleetOf(DEMO);
  const all = names(view);

  it.each([
    [0, 3],
    [3, 3],
    [6, 3], // the last page holds two
    [7, 1],
    [8, 5], // just past the end: empty, with the total
    [50, 5],
  ])('offset %i limit %i', (offset, limit) => {
    const page = view.page({ offset, limit });
    expect(page).toMatchObject({ offset, limit, totalItems: DEMO.length });
    expect(page.items.map(c => c.cluster)).toEqual(
      all.slice(offset, offset + limit),
    );
  });

  it('pages the grid the same way, with the overview only on the first chunk', () => {
    const first = view.grid({ limit: 5 });
    const second = view.grid({ offset: 5, limit: 5 });
    expect([...first.clusters, ...second.clusters]).toEqual(all);
    expect(first.overview).toBe('ccwwuooo');
    expect(second.overview).toBeUndefined();
    expect(second.clusters).toHaveLength(3);
  });
});

describe('FleetHealthView verdicts of a page', () => {
  const view = fleetOf(DEMO);

  it('gives only the deciding verdict when asked', () => {
    const page = view.page({ verdicts: 'worst', limit: 50 });
    expect(page.items[0]).toMatchObject({
      cluster: 'prd-c-01',
      worstSignal: 'certificate-expiry',
      signals: [
        expect.objectContaining({
          signal: 'certificate-expiry',
          status: 'critical',
        }),
      ],
    });
    const ok = page.items.find(c => c.cluster === 'prd-a-01')!;
    expect(ok.signals).toEqual([
      expect.objectContaining({
        signal: 'apiserver-availability',
        status: 'ok',
      }),
    ]);
    expect(view.page({ limit: 1 }).items[0].signals).toHaveLength(
      signals.length,
    );
  });
});

describe('FleetHealthView grid', () => {
  const view = fleetOf(DEMO);

  it('codes every cell, not-applicable included', () => {
    const grid = view.grid({});
    const width = grid.signals.length;
    const row = (name: string) => {
      const i = grid.clusters.indexOf(name);
      return Object.fromEntries(
        grid.signals.map((id, s) => [id, grid.cells[i * width + s]]),
      );
    };
    expect(row('prd-c-01')).toMatchObject({
      'certificate-expiry': 'c',
      'cni-health': 'o',
      'cni-calico': 'n',
      'node-readiness': 'o',
    });
    expect(row('prd-silent-01')['node-readiness']).toBe('u');
    expect(grid.entityRefs[grid.clusters.indexOf('aaa-legacy-01')]).toBeNull();
    expect(grid.environments[grid.environment[0]]).toBe('production');
    expect(grid.environment[grid.clusters.indexOf('aaa-legacy-01')]).toBe(-1);
    expect(grid.status).toBe('ccwwuooo');
  });

  it('agrees with the verdicts of the page', () => {
    const grid = view.grid({});
    const page = view.page({ limit: 50 });
    const codes = {
      critical: 'c',
      warning: 'w',
      unknown: 'u',
      ok: 'o',
      'not-applicable': 'n',
    };
    page.items.forEach((cluster, i) => {
      expect(cluster.signals.map(v => codes[v.status]).join('')).toBe(
        grid.cells.slice(
          i * grid.signals.length,
          (i + 1) * grid.signals.length,
        ),
      );
    });
  });

  it('carries each group with its counts when grouped', () => {
    const grid = view.grid({ groupBy: 'environment' });
    expect(grid.groupLabels).toEqual([
      'production',
      'staging',
      'development',
      '(no environment)',
    ]);
    expect(grid.groupCounts!.production).toEqual({
      total: 4,
      byStatus: { critical: 1, warning: 0, unknown: 1, ok: 2 },
    });
  });
});

describe('FleetHealthView summary', () => {
  it('counts environments × status, worst environment first', () => {
    const summary = fleetOf(DEMO).summary();
    expect(summary.environments.map(e => e.environment)).toEqual([
      'production',
      'staging',
      'development',
      undefined,
    ]);
    expect(summary.kpis).toMatchObject({
      clusters: 8,
      byStatus: { critical: 2, warning: 2, unknown: 1, ok: 3 },
      unregistered: 1,
    });
    expect(summary.unregistered).toEqual({
      total: 1,
      names: ['aaa-legacy-01'],
    });
    expect(summary.facets.environment).toEqual([
      'development',
      'production',
      'staging',
    ]);
  });

  it('agrees with the full snapshot', () => {
    const view = fleetOf(DEMO);
    expect(view.summary().kpis).toEqual(view.snapshot().kpis);
  });
});

describe('FleetHealthView at 10,000 clusters', () => {
  const environments = ['production', 'staging', 'development', 'edge'];
  const view = fleetOf(
    Array.from({ length: 10_000 }, (_, i) => ({
      name: `p${String(i % 200).padStart(3, '0')}-c${String(i).padStart(
        5,
        '0',
      )}`,
      environment: environments[i % 4],
      owner: `group:default/team-${String(i % 50).padStart(2, '0')}`,
      states:
        i % 10 === 0
          ? ({ 'certificate-expiry': 'critical' } as const)
          : undefined,
    })),
  );
  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

  it('keeps every view response under 300 KB', () => {
    expect(bytes(view.summary())).toBeLessThan(300_000);
    // what the list view asks for: the deciding verdict of each cluster
    expect(
      bytes(view.page({ limit: HEALTH_MAX_PAGE_SIZE, verdicts: 'worst' })),
    ).toBeLessThan(100_000);
    expect(bytes(view.page({ limit: HEALTH_MAX_PAGE_SIZE }))).toBeLessThan(
      300_000,
    );
    expect(bytes(view.grid({ limit: HEALTH_GRID_MAX_ROWS }))).toBeLessThan(
      300_000,
    );
    expect(
      bytes(view.grid({ limit: HEALTH_GRID_MAX_ROWS, groupBy: 'owner' })),
    ).toBeLessThan(300_000);
  });

  it('answers a page, a filter and a grid chunk in milliseconds once indexed', () => {
    view.page({});
    view.grid({ groupBy: 'environment' });
    const started = process.hrtime.bigint();
    view.page({ owner: ['team-07'], limit: 50 });
    view.page({ offset: 5000, limit: 50 });
    view.grid({ offset: 2000, groupBy: 'environment' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // generous for a shared machine; the first build of an order is what costs
    expect(ms).toBeLessThan(500);
    const first = view.page({ limit: 1 }).items[0];
    expect(first).toMatchObject({
      status: 'critical',
      environment: 'development',
    });
  });
});

/* eslint-disable no-console */
// Portainer ingestion at fleet scale: 10,000 environments served in pages by the module's
// HTTP fake (in this process), read by PortainerSource (shape checks, mapping rules, check-in
// status) and merged by ManagementPlaneEntityProvider (catalog lookup, facts store, ungoverned
// entities) up to the full mutation, which goes to a recording connection — not the real
// catalog. Baseline: fetching and JSON-parsing the same pages only.
//   node --expose-gc --require @backstage/cli/config/nodeTransform.cjs bench/portainer-ingestion.bench.ts
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  Entity,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import type {
  CatalogService,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  ManagementPlaneEntityProvider,
  ManagementPlaneFactsProcessor,
  ManagementPlaneFactsStore,
} from '@fleet-portal/plugin-fleet-node';
import {
  PortainerClient,
  PortainerSource,
} from '@fleet-portal/plugin-catalog-backend-module-fleet-portainer';
import knexFactory, { Knex } from 'knex';
import { ConfigReader } from '@backstage/config';
import {
  fakeEdgeEnvironment,
  fakeEnvironment,
  startFakePortainer,
} from '../plugins/catalog-backend-module-fleet-portainer/src/__testUtils__/fakePortainer';
import { compileMappingRules } from '../plugins/catalog-backend-module-fleet-portainer/src/mappingRules';
import { peakHeapMiB, ratio, report } from './lib/measure';

const ENVIRONMENTS = 10_000;
const PAGE_SIZE = 100;
/** Half of them are already in the catalog (from the platform repository). */
const GOVERNED = ENVIRONMENTS / 2;
const API_KEY = 'bench-key';
const RUNS = 7;

async function openDatabase(kind: 'sqlite' | 'postgres'): Promise<Knex> {
  if (kind === 'sqlite') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  }
  const name = `fleet_bench_portainer_${process.pid}`;
  const admin = knexFactory({
    client: 'pg',
    connection: 'postgresql://postgres@127.0.0.1:5432/postgres',
  });
  await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
  await admin.raw(`CREATE DATABASE ${name}`);
  await admin.destroy();
  return knexFactory({
    client: 'pg',
    connection: `postgresql://postgres@127.0.0.1:5432/${name}`,
  });
}

async function main() {
  let nowSeconds = Math.floor(Date.now() / 1000);
  const portainer = await startFakePortainer({
    apiKey: API_KEY,
    data: {
      endpoints: Array.from({ length: ENVIRONMENTS }, (_, i) => {
        const name = `cluster-${String(i).padStart(5, '0')}`;
        const groupTags = { GroupId: 2 + (i % 20), TagIds: [1 + (i % 5)] };
        return i % 3 === 0
          ? fakeEdgeEnvironment(
              i + 1,
              name,
              { nowSeconds, ageSeconds: i % 60 },
              groupTags,
            )
          : fakeEnvironment(i + 1, name, groupTags);
      }),
      groups: [
        { Id: 1, Name: 'Unassigned', TagIds: [] },
        ...Array.from({ length: 20 }, (_, i) => ({
          Id: 2 + i,
          Name: `region-${i}`,
          TagIds: [],
        })),
      ],
      tags: ['production', 'staging', 'development', 'test', 'edge'].map(
        (env, i) => ({ ID: i + 1, Name: `env:${env}` }),
      ),
    },
  });
  portainer.setNow(nowSeconds);

  // Baseline: the same requests, fetched and parsed, nothing else.
  const fetchAndParse = async () => {
    const get = async (path: string) =>
      (
        await fetch(`${portainer.baseUrl}${path}`, {
          headers: { 'X-API-KEY': API_KEY },
        })
      ).json();
    let count = 0;
    for (let start = 0; start < ENVIRONMENTS; start += PAGE_SIZE) {
      const page = (await get(
        `/api/endpoints?start=${start}&limit=${PAGE_SIZE}&sort=Name&order=asc&types[]=5&types[]=6&types[]=7`,
      )) as unknown[];
      count += page.length;
    }
    await get('/api/endpoint_groups');
    await get('/api/tags');
    if (count !== ENVIRONMENTS) throw new Error(`read ${count}`);
  };

  const catalogClusters: Entity[] = Array.from(
    { length: GOVERNED },
    (_, i) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: `cluster-${String(i * 2).padStart(5, '0')}`,
        namespace: 'default',
      },
    }),
  );
  const catalog = {
    async *streamEntities() {
      for (let i = 0; i < catalogClusters.length; i += 1000) {
        yield catalogClusters.slice(i, i + 1000);
      }
    },
  } as unknown as CatalogService;

  const results: Record<string, unknown> = {
    environments: ENVIRONMENTS,
    pageSize: PAGE_SIZE,
    governedInCatalog: GOVERNED,
    mutation: 'recorded by a stand-in connection (not the real catalog)',
  };
  await fetchAndParse(); // warm-up
  const baselineHeap = await peakHeapMiB(fetchAndParse);

  for (const kind of ['sqlite', 'postgres'] as const) {
    let knex: Knex;
    try {
      knex = await openDatabase(kind);
    } catch (error) {
      results[kind] = `skipped: ${(error as Error).message}`;
      continue;
    }
    const store = await ManagementPlaneFactsStore.create({
      database: mockServices.database({ knex }),
    });
    let mutation: EntityProviderMutation | undefined;
    const connection: EntityProviderConnection = {
      applyMutation: async m => {
        mutation = m;
      },
      refresh: async () => {},
    };
    const logger: LoggerService = {
      error: () => {},
      warn: () => {},
      info: () => {},
      debug: () => {},
      child: () => logger,
    };
    const makeProvider = () =>
      new ManagementPlaneEntityProvider({
        source: new PortainerSource('bench', {
          client: new PortainerClient({
            baseUrl: portainer.baseUrl,
            apiKey: API_KEY,
            pageSize: PAGE_SIZE,
            timeoutMs: 60_000,
          }),
          baseUrl: portainer.baseUrl,
          mapping: compileMappingRules(
            [
              new ConfigReader({ tag: 'env:(.+)', environment: '$1' }),
              new ConfigReader({ group: '(?!Unassigned$)(.+)', region: '$1' }),
            ],
            'mapping',
          ),
        }),
        defaultOwner: 'group:default/platform-team',
        store,
        catalog,
        auth: {
          getOwnServiceCredentials: async () => ({}),
        } as unknown as AuthService,
        logger,
        taskRunner: { run: async () => {} },
      });
    const provider = makeProvider();
    await provider.connect(connection);

    const clear = () =>
      store.replaceSource({ type: 'portainer', id: 'bench' }, new Map());
    // Edge agents checked in again: every edge cluster's last-seen moves (a third of the fleet).
    const edgeCheckIns = () => {
      nowSeconds += 300;
      portainer.setNow(nowSeconds);
      for (const endpoint of portainer.data.endpoints) {
        if (endpoint.Type === 7) endpoint.LastCheckInDate! += 300;
      }
    };
    await provider.refresh(); // warm-up
    // Baseline and each scenario alternate, so that load from other processes hits both alike.
    const samples: Record<string, number[]> = {
      baseline: [],
      firstRun: [],
      edgeCheckInsMoved: [],
      unchanged: [],
    };
    let factsChangedOnCheckIns = 0;
    const timed = async (key: string, fn: () => Promise<unknown>) => {
      const begin = process.hrtime.bigint();
      await fn();
      samples[key].push(Number(process.hrtime.bigint() - begin) / 1e6);
    };
    for (let i = 0; i < RUNS; i++) {
      await timed('baseline', fetchAndParse);
      await clear();
      await timed('firstRun', () => provider.refresh());
      edgeCheckIns();
      await timed('edgeCheckInsMoved', async () => {
        factsChangedOnCheckIns = (await provider.refresh()).factsChanged;
      });
      await timed('unchanged', () => provider.refresh());
    }
    const median = (key: string) => {
      const sorted = [...samples[key]].sort((a, b) => a - b);
      return Math.round(sorted[Math.floor(sorted.length / 2)]);
    };
    const steadyHeap = await peakHeapMiB(() => provider.refresh());
    const firstHeap = await peakHeapMiB(async () => {
      await clear();
      await provider.refresh();
    });
    const last = await provider.refresh();

    // The processor's share of catalog processing: one indexed facts lookup per cluster
    // entity and cycle, against the built-in Resource validation of the same entities.
    const processor = new ManagementPlaneFactsProcessor({
      store,
      sourceType: 'portainer',
    });
    const clusterEntities: Entity[] = Array.from(
      { length: ENVIRONMENTS },
      (_, i) => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: `cluster-${String(i).padStart(5, '0')}` },
        spec: { type: 'kubernetes-cluster', owner: 'group:default/x' },
      }),
    );
    const location = { type: 'url', target: 'bench' };
    const processorSamples: number[] = [];
    const validationSamples: number[] = [];
    for (let i = 0; i < 3; i++) {
      let begin = process.hrtime.bigint();
      for (const entity of clusterEntities) {
        await resourceEntityV1alpha1Validator.check(entity);
      }
      validationSamples.push(Number(process.hrtime.bigint() - begin) / 1e6);
      begin = process.hrtime.bigint();
      for (const entity of clusterEntities) {
        await processor.preProcessEntity(entity, location, () => {});
      }
      processorSamples.push(Number(process.hrtime.bigint() - begin) / 1e6);
    }
    processorSamples.sort((a, b) => a - b);
    validationSamples.sort((a, b) => a - b);

    results[kind] = {
      factsProcessorPer10000Entities: {
        medianMs: Math.round(processorSamples[1]),
        perEntityUs: Math.round((processorSamples[1] * 1000) / ENVIRONMENTS),
        builtinResourceValidationMs: Math.round(validationSamples[1]),
        ratio: ratio(processorSamples[1], validationSamples[1]),
      },
      runs: RUNS,
      medianMs: {
        baselineFetchAndParse: median('baseline'),
        firstRun: median('firstRun'),
        edgeCheckInsMoved: median('edgeCheckInsMoved'),
        unchanged: median('unchanged'),
      },
      ratioToBaseline: {
        firstRun: ratio(median('firstRun'), median('baseline')),
        edgeCheckInsMoved: ratio(
          median('edgeCheckInsMoved'),
          median('baseline'),
        ),
        unchanged: ratio(median('unchanged'), median('baseline')),
      },
      peakHeapMiB: {
        baselineFetchAndParse: Math.round(baselineHeap * 10) / 10,
        firstRun: Math.round(firstHeap * 10) / 10,
        unchanged: Math.round(steadyHeap * 10) / 10,
        ratioFirstRun: ratio(firstHeap, baselineHeap),
        ratioUnchanged: ratio(steadyHeap, baselineHeap),
      },
      factsChangedOnCheckIns,
      lastRun: last,
      mutationEntities:
        mutation?.type === 'full' ? mutation.entities.length : undefined,
    };
    await knex.destroy();
  }
  await portainer.close();
  report('portainer-ingestion', results);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

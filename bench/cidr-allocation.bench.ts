/* eslint-disable no-console */
// CIDR allocation (issue #6) with 10,000 catalog clusters and 1,000 pending reservations:
//   1. the allocator (free-gap search over an IntervalSet) against a naive pairwise check of each
//      candidate block against every occupied block, both in this process on the same input;
//   2. a whole reservation through CidrService on PostgreSQL (read held blocks in the transaction,
//      plan, insert), released again after each run;
//   3. the preview endpoint, POST /api/fleet/cidr/preview, over HTTP through the real fleet plugin and
//      router in an in-process test backend (startTestBackend), on PostgreSQL, with the 10,000
//      clusters in an in-memory catalog.
//   node --expose-gc --require @backstage/cli/config/nodeTransform.cjs bench/cidr-allocation.bench.ts
// Needs PostgreSQL at 127.0.0.1:5432 (creates and drops the database fleet_cidr_bench).
//
// The layout is the hard case for first fit: each older cluster holds a /23 pod CIDR at the start of
// a /22, so every /22 of the used part of the pool has a hole too small for a new /22 block, and the
// first free /22 lies after all 10,000 clusters and 1,000 reservations.
import {
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  cidrsOverlap,
  formatCidr,
  parseCidr,
  ParsedCidr,
  platformRepoEntityPath,
} from '@fleet-portal/plugin-fleet-common';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { platformRepoSourceAnnotations } from '@fleet-portal/plugin-fleet-node';
import { CatalogNetworks } from '../plugins/fleet-backend/src/cidr/CatalogNetworks';
import { CidrService } from '../plugins/fleet-backend/src/cidr/CidrService';
import {
  Occupancy,
  Occupant,
} from '../plugins/fleet-backend/src/cidr/occupancy';
import { planBlocks } from '../plugins/fleet-backend/src/cidr/planBlocks';
import { profilePools } from '../plugins/fleet-backend/src/cidr/profilePools';
import { ReservationStore } from '../plugins/fleet-backend/src/cidr/ReservationStore';
import { clockServiceRef } from '../plugins/fleet-backend/src/clock';
import { fleetPlugin } from '../plugins/fleet-backend/src/plugin';
import { ratio, report, time } from './lib/measure';

const CLUSTERS = 10_000;
const RESERVATIONS = 1_000;
const DATABASE = 'fleet_cidr_bench';
const PG = 'postgresql://postgres@127.0.0.1:5432';

const NETWORK = {
  podPools: ['10.0.0.0/8'],
  servicePools: ['100.64.0.0/10'],
  podPrefix: 22,
  servicePrefix: 24,
};
/** The platform repository the bench's profile and clusters come from (only its entities count). */
const ORIGIN = { remote: '/srv/git/platform-config.git', branch: 'main' };
const fromPlatformRepo = (entity: Entity): Entity => ({
  ...entity,
  metadata: {
    ...entity.metadata,
    annotations: platformRepoSourceAnnotations(
      ORIGIN,
      platformRepoEntityPath(entity)!,
    ),
  },
});

const profile: Entity = fromPlatformRepo({
  apiVersion: 'fleet-portal.dev/v1alpha1',
  kind: 'ClusterProfile',
  metadata: { name: 'bench', namespace: 'default' },
  spec: { type: 'production', version: '1.0.0', network: NETWORK },
});

const v4 = (text: string) => (parseCidr(text) as { cidr: ParsedCidr }).cidr;
const POD_BASE = v4('10.0.0.0/8').start;
const SERVICE_BASE = v4('100.64.0.0/10').start;
/** i-th /22 of the pod pool as a /23 (half of it), i-th /24 of the service pool as a /25. */
const podOf = (i: number) => formatCidr(4, POD_BASE + BigInt(i) * 1024n, 23);
const serviceOf = (i: number) =>
  formatCidr(4, SERVICE_BASE + BigInt(i) * 256n, 25);

function clusterEntity(i: number): Entity {
  return fromPlatformRepo({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: `prd-bench-c${i}-01`, namespace: 'default' },
    spec: {
      type: 'kubernetes-cluster',
      owner: 'group:default/platform-team',
      network: { podCidr: podOf(i), serviceCidr: serviceOf(i) },
    },
  });
}

/** The baseline: each aligned candidate of the pool, in order, against every occupied block. */
function naiveFirstFree(
  pool: ParsedCidr,
  prefix: number,
  occupied: ParsedCidr[],
) {
  const size = 1n << BigInt(32 - prefix);
  for (let start = pool.start; start + size - 1n <= pool.end; start += size) {
    const candidate: ParsedCidr = {
      text: '',
      version: 4,
      prefix,
      start,
      end: start + size - 1n,
    };
    if (!occupied.some(o => cidrsOverlap(o, candidate))) {
      return formatCidr(4, start, prefix);
    }
  }
  return undefined;
}

/** Stays quiet: the benchmark prints only its results. */
const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

function psql(sql: string) {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-qc', sql], {
    env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
  });
}

async function freshDatabase(): Promise<Knex> {
  psql(`DROP DATABASE IF EXISTS ${DATABASE}`);
  psql(`CREATE DATABASE ${DATABASE}`);
  const knex = knexFactory({ client: 'pg', connection: `${PG}/${DATABASE}` });
  await knex.migrate.latest({
    directory: path.resolve(__dirname, '../plugins/fleet-backend/migrations'),
  });
  return knex;
}

/** 1,000 pending reservations right after the clusters, written straight into the tables. */
async function seedReservations(knex: Knex) {
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const reservations = [];
  const blocks = [];
  for (let j = 0; j < RESERVATIONS; j++) {
    const i = CLUSTERS + j;
    const id = randomUUID();
    reservations.push({
      id,
      cluster: `prd-bench-r${j}-01`,
      profile_ref: 'clusterprofile:default/bench',
      requested_by: 'user:default/priya.platform',
      status: 'pending',
      pod_cidr: podOf(i),
      pod_pool: NETWORK.podPools[0],
      service_cidr: serviceOf(i),
      service_pool: NETWORK.servicePools[0],
      created_at: now,
      expires_at: expires,
    });
    blocks.push(
      {
        cidr: podOf(i),
        reservation_id: id,
        role: 'pod',
        family: 4,
        pool: NETWORK.podPools[0],
      },
      {
        cidr: serviceOf(i),
        reservation_id: id,
        role: 'service',
        family: 4,
        pool: NETWORK.servicePools[0],
      },
    );
  }
  await knex.batchInsert('fleet_cidr_reservations', reservations, 500);
  await knex.batchInsert('fleet_cidr_blocks', blocks, 500);
}

async function main() {
  const entities = [
    profile,
    ...Array.from({ length: CLUSTERS }, (_, i) => clusterEntity(i)),
  ];
  const knex = await freshDatabase();
  await seedReservations(knex);
  const store = new ReservationStore(knex);

  // 1. The allocator against the naive pairwise check, on the same occupied blocks.
  const pools = profilePools('clusterprofile:default/bench', NETWORK);
  const catalogOccupants: Occupant[] = entities.slice(1).flatMap(e => {
    const network = (e.spec as any).network;
    const holder = `resource:default/${e.metadata.name}`;
    return [
      {
        cidr: v4(network.podCidr),
        kind: 'cluster' as const,
        name: holder,
        role: 'pod' as const,
      },
      {
        cidr: v4(network.serviceCidr),
        kind: 'cluster' as const,
        name: holder,
        role: 'service' as const,
      },
    ];
  });
  const reservedOccupants = await store.occupants();
  const occupants = [...catalogOccupants, ...reservedOccupants];
  // Cold: everything indexed for this request (the first after a new catalog snapshot).
  const cold = () =>
    planBlocks({
      pools,
      occupancy: new Occupancy(occupants),
      requested: {},
      holder: 'new',
    });
  // Warm: the catalog's blocks indexed once per snapshot, the reservations layered per request.
  const catalogIndex = new Occupancy(catalogOccupants);
  const fast = () =>
    planBlocks({
      pools,
      occupancy: catalogIndex.with(reservedOccupants),
      requested: {},
      holder: 'new',
    });
  const naive = () => {
    const cidrs = occupants.map(o => o.cidr);
    const pod = naiveFirstFree(pools.pod.pools[0], 22, cidrs)!;
    return {
      pod,
      service: naiveFirstFree(pools.service.pools[0], 24, [...cidrs, v4(pod)]),
    };
  };
  const planned = fast();
  const naivePlanned = naive();
  if (!planned.pod.ok || !planned.service.ok) throw new Error('no allocation');
  if (
    planned.pod.cidr !== naivePlanned.pod ||
    planned.service.cidr !== naivePlanned.service
  ) {
    throw new Error(
      `allocators disagree: ${JSON.stringify([planned, naivePlanned])}`,
    );
  }
  const coldTiming = await time(cold, { runs: 21, warmup: 3 });
  const fastTiming = await time(fast, { runs: 21, warmup: 3 });
  const naiveTiming = await time(naive, { runs: 3, warmup: 1 });
  const requested = () =>
    planBlocks({
      pools,
      occupancy: catalogIndex.with(reservedOccupants),
      requested: { podCidr: '10.0.0.0/22' },
      holder: 'new',
    });
  const requestedTiming = await time(requested, { runs: 21, warmup: 3 });
  const requestedPreview = requested().pod;

  // 2. A whole reservation through the service on PostgreSQL, released after each run.
  const catalog = catalogServiceMock({ entities });
  const service = new CidrService({
    store,
    catalog: new CatalogNetworks(catalog, mockServices.auth(), {
      snapshotMs: 60_000,
      origins: [ORIGIN],
    }),
    config: {
      reservedRanges: [],
      reservationTtlMinutes: 1440,
      retiredGracePeriodMs: 7 * 24 * 3600_000,
      catalogSnapshotMs: 60_000,
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
    },
    clock: { now: () => new Date() },
    logger: silentLogger,
  });
  let run = 0;
  const reserveOnce = async () => {
    const { reservation } = await service.reserve({
      cluster: `prd-bench-new${run++}-01`,
      profileRef: 'bench',
      requestedBy: 'user:default/priya.platform',
    });
    await store.release(reservation.id, {
      by: 'bench',
      at: new Date(),
      reason: 'bench run',
    });
    return reservation;
  };
  const reserved = await reserveOnce();
  const reserveTiming = await time(reserveOnce, { runs: 21, warmup: 3 });

  // 3. The preview endpoint through the real plugin and router.
  const backend = await startTestBackend({
    features: [
      fleetPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          fleet: { cidr: { catalogSnapshotSeconds: 60 } },
          catalog: { providers: { fleetPlatformRepo: ORIGIN } },
        },
      }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalogServiceMock({ entities }),
      }),
      createServiceFactory({
        service: clockServiceRef,
        deps: {},
        factory: () => ({ now: () => new Date() }),
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
    ],
  });
  const address = backend.server.address() as { port: number };
  const preview = async () => {
    const res = await fetch(
      `http://127.0.0.1:${address.port}/api/fleet/cidr/preview`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.user.header(
            'user:default/priya.platform',
          ),
        },
        body: JSON.stringify({
          profileRef: 'bench',
          cluster: 'prd-bench-new-01',
        }),
      },
    );
    if (!res.ok) throw new Error(`preview: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const coldStart = process.hrtime.bigint();
  const firstPreview = await preview();
  const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
  const previewTiming = await time(preview, { runs: 21, warmup: 3 });
  await backend.stop();
  await knex.destroy();
  psql(`DROP DATABASE IF EXISTS ${DATABASE}`);

  report('cidr-allocation', {
    clusters: CLUSTERS,
    pendingReservations: RESERVATIONS,
    occupiedBlocks: occupants.length,
    allocated: { pod: planned.pod.cidr, service: planned.service.cidr },
    allocatorCold: coldTiming,
    allocatorWarm: fastTiming,
    naivePairwise: naiveTiming,
    naiveToColdRatio: ratio(naiveTiming.medianMs, coldTiming.medianMs),
    naiveToWarmRatio: ratio(naiveTiming.medianMs, fastTiming.medianMs),
    validateRequested: { ...requestedTiming, verdict: requestedPreview },
    reserveThroughServicePostgres: {
      ...reserveTiming,
      first: reserved.podCidr,
    },
    previewEndpoint: {
      coldFirstRequestMs: Math.round(coldMs),
      warm: previewTiming,
      answer: {
        pod: firstPreview.pod.cidr,
        service: firstPreview.service.cidr,
      },
    },
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

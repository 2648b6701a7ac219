import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cidrsOverlap, parseCidr } from '@fleet-portal/plugin-fleet-common';
import {
  MetricsServer,
  startPrometheus,
} from '../../../plugins/fleet-backend/src/__testUtils__/metricsServers';
import { ReplicaSet, startReplicas } from '../harness';
import { RecordingProxy, startRecordingProxy } from '../recordingProxy';

// Two real backends of this app on one PostgreSQL and one Redis (../harness.ts), started once for
// the whole file; the tests run in order and the last one kills a replica.
test.describe.configure({ mode: 'serial' });

let set: ReplicaSet;
let prometheus: MetricsServer;
let proxy: RecordingProxy;

const PLATFORM_OWNER = 'priya.platform';
const DEVELOPER = 'devon.developer';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const [a, b] = [0, 1];

async function json(res: Response) {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${res.status}: ${text.slice(0, 300)}`);
  }
}

/** Every cluster entity of the catalog, as one replica sees it. */
async function catalogClusters(replica: number) {
  const res = await set.replicas[replica].request(
    '/api/catalog/entities/by-query?limit=1000&filter=kind=resource,spec.type=kubernetes-cluster',
    { as: PLATFORM_OWNER },
  );
  return (await json(res)).items as Array<{
    metadata: { name: string; uid: string; etag: string };
    spec: { network?: { podCidr?: string; serviceCidr?: string } };
  }>;
}

function git(args: string[], cwd?: string) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Replica test',
      GIT_AUTHOR_EMAIL: 'replicas@fleet-portal.invalid',
      GIT_COMMITTER_NAME: 'Replica test',
      GIT_COMMITTER_EMAIL: 'replicas@fleet-portal.invalid',
    },
  });
}

function isoDate(daysFromNow: number) {
  return new Date(Date.now() + daysFromNow * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** Pushes staging clusters of team Checkout whose review is due in 5 days onto main. */
function pushDueClusters(names: string[], seed: number) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-replicas-push-'));
  try {
    git(['clone', '--quiet', set.repo, work]);
    names.forEach((name, i) => {
      const dir = path.join(work, 'clusters', name);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'cluster.yaml'),
        `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${name}
  namespace: default
  description: Replica test cluster, review due
spec:
  type: kubernetes-cluster
  owner: group:default/team-checkout
  lifecycle: production
  purpose: Shows that a lifecycle notification is sent once across replicas
  profile: non-production
  profileVersion: 2.4.0
  environment: staging
  environmentGroup: non-production
  region: eu-west-1
  network: { podCidr: 10.${240 + seed}.${i}.0/24, serviceCidr: 10.${
          250 + seed
        }.${i}.0/24, nodeCidr: 10.20.200.0/24 }
  lifetime: { class: long-lived, created: "${isoDate(
    -300,
  )}", reviewBy: "${isoDate(5)}" }
  nodes: { controlPlane: 1, workers: 2 }
`,
      );
    });
    git(['add', '-A'], work);
    git(
      ['commit', '--quiet', '-m', `Replica test: ${names.length} clusters due`],
      work,
    );
    git(['push', '--quiet', 'origin', 'HEAD:main'], work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Notification rows (one per recipient user) of the given clusters' lifecycle notices. */
async function notificationsOf(clusters: string[]) {
  const rows: Array<{ user: string; scope: string; updated: Date | null }> =
    await set
      .db('notifications')('notification')
      .where('scope', 'like', 'fleet-lifecycle:%')
      .select('user', 'scope', 'updated');
  return rows.filter(row => clusters.some(c => row.scope.includes(`/${c}:`)));
}

async function ledgerOf(clusters: string[]) {
  const rows: Array<{
    cluster_ref: string;
    sent_at: string | null;
    attempts: number;
  }> = await set
    .db('fleet')('fleet_lifecycle_notifications')
    .select('cluster_ref', 'sent_at', 'attempts');
  return rows.filter(row =>
    clusters.some(c => row.cluster_ref.endsWith(`/${c}`)),
  );
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  prometheus = await startPrometheus();
  proxy = await startRecordingProxy(prometheus.url);
  set = await startReplicas({ count: 2, metricsUrl: proxy.url });
  // both replicas answer from the catalog once the platform repository and the org are ingested
  await expect(async () => {
    for (const replica of [a, b]) {
      expect((await catalogClusters(replica)).length).toBeGreaterThanOrEqual(
        16,
      );
    }
  }).toPass({ timeout: 120_000 });
});

test.afterAll(async () => {
  try {
    await set?.stop();
  } finally {
    await proxy?.stop();
    await prometheus?.stop();
  }
});

test('20 concurrent CIDR reservations across both replicas get 20 distinct blocks, none overlapping the catalog', async () => {
  const names = Array.from(
    { length: 20 },
    (_, i) => `dev-rpl1-cidr${String(i).padStart(2, '0')}-01`,
  );
  const responses = await Promise.all(
    names.map((cluster, i) =>
      set.replicas[i % 2].request('/api/fleet/cidr/reservations', {
        as: PLATFORM_OWNER,
        method: 'POST',
        body: JSON.stringify({
          cluster,
          profileRef: 'clusterprofile:default/non-production',
        }),
      }),
    ),
  );
  const reservations = await Promise.all(
    responses.map(async res => {
      expect(res.status, await res.clone().text()).toBe(201);
      return json(res) as Promise<{
        cluster: string;
        podCidr: string;
        serviceCidr: string;
      }>;
    }),
  );
  expect(reservations.map(r => r.cluster).sort()).toEqual(names);

  const blocks = reservations.flatMap(r => [r.podCidr, r.serviceCidr]);
  expect(new Set(blocks).size).toBe(40);
  const parsed = blocks.map(block => {
    const result = parseCidr(block);
    if (!result.ok) throw new Error(`not a CIDR: ${block}`);
    return result.cidr;
  });
  for (let i = 0; i < parsed.length; i++) {
    for (let j = i + 1; j < parsed.length; j++) {
      expect(
        cidrsOverlap(parsed[i], parsed[j]),
        `${blocks[i]} / ${blocks[j]}`,
      ).toBe(false);
    }
  }
  const catalogBlocks = (await catalogClusters(a)).flatMap(c =>
    [c.spec.network?.podCidr, c.spec.network?.serviceCidr].filter(
      (x): x is string => !!x,
    ),
  );
  for (const block of catalogBlocks) {
    const held = parseCidr(block);
    if (!held.ok) continue;
    for (const [i, mine] of parsed.entries()) {
      expect(
        cidrsOverlap(held.cidr, mine),
        `${blocks[i]} overlaps ${block}`,
      ).toBe(false);
    }
  }
  // both replicas list the same 20 reservations from the shared database
  for (const replica of [a, b]) {
    const listed = await json(
      await set.replicas[replica].request('/api/fleet/cidr/reservations', {
        as: PLATFORM_OWNER,
      }),
    );
    const items = (Array.isArray(listed) ? listed : listed.items) as Array<{
      cluster: string;
    }>;
    expect(items.filter(r => names.includes(r.cluster))).toHaveLength(20);
  }
});

test('the platform-repo provider on both replicas keeps its entities stable between runs', async () => {
  const snapshot = async (replica: number) =>
    Object.fromEntries(
      (await catalogClusters(replica)).map(c => [
        c.metadata.name,
        `${c.metadata.uid}@${c.metadata.etag}`,
      ]),
    );
  const before = [await snapshot(a), await snapshot(b)];
  expect(before[1]).toEqual(before[0]);
  const observed: Array<Record<string, string>> = [];
  // the provider runs every 3 s, on one replica or the other: watch 4 periods from both sides
  for (let i = 0; i < 6; i++) {
    await sleep(2_000);
    observed.push(await snapshot(i % 2));
  }
  for (const seen of observed) {
    expect(seen).toEqual(before[0]);
  }
  const status = await json(
    await set.replicas[b].request('/api/catalog/fleet/platform-repositories', {
      as: PLATFORM_OWNER,
    }),
  );
  const head = git(['--git-dir', set.repo, 'rev-parse', 'main']).trim();
  expect(JSON.stringify(status)).toContain(head);
});

test('two racing requests for the same namespace on different replicas: one lands, the other gets a conflict', async () => {
  const namespace = 'checkout-race';
  const before = git(['--git-dir', set.repo, 'rev-parse', 'main']).trim();
  const start = (replica: number) =>
    set.replicas[replica]
      .request('/api/scaffolder/v2/tasks', {
        as: DEVELOPER,
        method: 'POST',
        body: JSON.stringify({
          templateRef: 'template:default/tenant-namespace',
          values: {
            cluster: 'resource:default/stg-euw1-checkout-01',
            namespace,
            team: 'group:default/team-checkout',
            costCenter: 'cc-4711',
            roles: ['edit'],
            reason: `Race test from ${set.replicas[replica].name}`,
          },
        }),
      })
      .then(json) as Promise<{ id: string }>;
  const tasks = await Promise.all([start(a), start(b)]);

  const outcome = async (replica: number, id: string) => {
    for (;;) {
      const task = await json(
        await set.replicas[replica].request(`/api/scaffolder/v2/tasks/${id}`, {
          as: DEVELOPER,
        }),
      );
      if (['completed', 'failed', 'cancelled'].includes(task.status)) {
        const events = await json(
          await set.replicas[replica].request(
            `/api/scaffolder/v2/tasks/${id}/events`,
            { as: DEVELOPER },
          ),
        );
        const log = (events as Array<{ body: { message?: string } }>)
          .map(e => e.body.message ?? '')
          .join('\n');
        return { status: task.status as string, log };
      }
      await sleep(500);
    }
  };
  const results = await Promise.all([
    outcome(a, tasks[0].id),
    outcome(b, tasks[1].id),
  ]);
  const statuses = results.map(r => r.status).sort();
  expect(statuses, results.map(r => r.log).join('\n----\n')).toEqual([
    'completed',
    'failed',
  ]);
  const failed = results.find(r => r.status === 'failed')!;
  expect(failed.log).toMatch(/already/i);

  // the repository: exactly one new commit on main, adding the namespace's files once
  const log = git([
    '--git-dir',
    set.repo,
    'log',
    '--format=%H',
    `${before}..main`,
  ])
    .split('\n')
    .filter(Boolean);
  expect(log).toHaveLength(1);
  const files = git([
    '--git-dir',
    set.repo,
    'ls-tree',
    '-r',
    '--name-only',
    'main',
    `clusters/stg-euw1-checkout-01/namespaces/${namespace}/`,
  ])
    .split('\n')
    .filter(Boolean);
  expect(files).toContain(
    `clusters/stg-euw1-checkout-01/namespaces/${namespace}/namespace.yaml`,
  );
  // the refs and every object they reach are intact (a rejected push may leave unreachable objects)
  expect(
    git(['--git-dir', set.repo, 'fsck', '--no-progress', '--no-dangling']),
  ).toBe('');
});

test('fleet health with cacheSeconds 30: one round of queries per period for both replicas together', async () => {
  test.setTimeout(90_000);
  proxy.requests.length = 0;
  const summary = (replica: number) =>
    set.replicas[replica]
      .request('/api/fleet/health/summary', { as: PLATFORM_OWNER })
      .then(res => {
        expect(res.status).toBe(200);
      });
  // both replicas asked at the same moment, then every 250 ms one of them, for 33 s
  const started = Date.now();
  await Promise.all([summary(a), summary(b), summary(a), summary(b)]);
  for (let i = 0; Date.now() - started < 33_000; i++) {
    await summary(i % 2);
    await sleep(250);
  }
  const queries = proxy.requests.filter(r => r.path === '/api/v1/query');
  // a round sends all its queries with one evaluation time
  const rounds = new Map<string, number>();
  for (const query of queries) {
    rounds.set(query.form.time, (rounds.get(query.form.time) ?? 0) + 1);
  }
  expect([...rounds.keys()], 'rounds (evaluation times)').toHaveLength(2);
  const [first, second] = [...rounds.values()];
  expect(first).toBeGreaterThan(5);
  expect(second).toBe(first);
});

test('a lifecycle notification due for 10 clusters is sent exactly once with both replicas running the schedule', async () => {
  const clusters = Array.from(
    { length: 10 },
    (_, i) => `stg-rpl1-due${String(i).padStart(2, '0')}-01`,
  );
  pushDueClusters(clusters, 0);
  await expect(async () => {
    const rows = await notificationsOf(clusters);
    expect(new Set(rows.map(r => r.scope)).size).toBe(10);
  }).toPass({ timeout: 60_000 });
  // several more runs of the schedule (every 2 s) on both replicas
  await sleep(8_000);
  const rows = await notificationsOf(clusters);
  expect(new Set(rows.map(r => r.scope)).size).toBe(10);
  // a second send of the same notice would have restored the row (updated set)
  expect(rows.filter(r => r.updated !== null)).toEqual([]);
  const ledger = await ledgerOf(clusters);
  expect(ledger).toHaveLength(10);
  expect(ledger.filter(r => !r.sent_at || Number(r.attempts) !== 1)).toEqual(
    [],
  );
});

test('a replica killed mid-run loses no notification and doubles none beyond what the ledger records', async () => {
  test.setTimeout(120_000);
  const clusters = Array.from(
    { length: 10 },
    (_, i) => `stg-rpl2-due${String(i).padStart(2, '0')}-01`,
  );
  // Hold the notifications table, so that the run which picks these clusters up stops at its first
  // send: that run's replica is the one waiting on the lock.
  const notificationsDb = set.db('notifications');
  const lock = await notificationsDb.transaction();
  let killed: string | undefined;
  try {
    await lock.raw('LOCK TABLE notification IN ACCESS EXCLUSIVE MODE');
    pushDueClusters(clusters, 1);
    await expect(async () => {
      const { rows } = await notificationsDb.raw(
        `SELECT application_name FROM pg_stat_activity
          WHERE datname = ? AND wait_event_type = 'Lock' AND application_name LIKE 'replica-%'`,
        [`${set.prefix}notifications`],
      );
      expect(rows.length).toBeGreaterThan(0);
      killed = rows[0].application_name;
    }).toPass({ timeout: 60_000 });
    const runner = set.replicas.find(r => r.name === killed)!;
    await runner.kill();
  } finally {
    await lock.rollback();
  }
  const survivor = set.replicas.find(r => r.name !== killed)!;
  expect(survivor.alive()).toBe(true);

  // the survivor takes the task over when the killed run's timeout (8 s) has passed, and the claim
  // the killed replica left unsent once that claim's time is up
  await expect(async () => {
    const rows = await notificationsOf(clusters);
    expect(new Set(rows.map(r => r.scope)).size).toBe(10);
    const ledger = await ledgerOf(clusters);
    expect(ledger.filter(r => r.sent_at)).toHaveLength(10);
  }).toPass({ timeout: 90_000 });
  const rows = await notificationsOf(clusters);
  const ledger = await ledgerOf(clusters);
  // the killed replica claimed one notice and was stopped before sending it: that key was claimed
  // twice and sent once; every other key was claimed and sent once
  const retaken = ledger.filter(r => Number(r.attempts) > 1);
  expect(retaken).toHaveLength(1);
  expect(Number(retaken[0].attempts)).toBe(2);
  // doubles: at most one per retaken key (the ledger's attempts), here none as the send never ran
  expect(rows.filter(r => r.updated !== null)).toEqual([]);
});

/* eslint-disable no-console */
// The multi-replica harness: real backends of this app (packages/backend, through
// scripts/run-backend.sh) in the production shape — app-config.yaml + app-config.production.yaml —
// on one PostgreSQL and one Redis, with e2e/replicas/app-config.replicas.yaml on top: throwaway
// databases under a unique prefix, a Redis key namespace of the run, each replica on its own port,
// test sign-in. Everything it creates (databases, Redis keys, processes, temp dirs) it removes in
// stop(); it never touches another program's processes, databases or keys.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

const root = path.resolve(__dirname, '..', '..');
export const PG_URL = 'postgresql://postgres@127.0.0.1:5432';
export const REDIS_HOST = '127.0.0.1';
export const REDIS_PORT = 6379;

export type Replica = {
  name: string;
  baseUrl: string;
  logFile: string;
  /** A user token of a demo persona (e.g. priya.platform), or of the guest without one. */
  token(persona?: string): Promise<string>;
  /** fetch against this replica, signed in as `as` (a persona, or the guest). */
  request(
    pathAndQuery: string,
    init?: RequestInit & { as?: string },
  ): Promise<Response>;
  /** SIGKILL to this replica's process group: a crash, no shutdown hooks. */
  kill(): Promise<void>;
  alive(): boolean;
};

export type ReplicaSet = {
  /** Database name prefix of this run; plugin databases are `<prefix><pluginId>`. */
  prefix: string;
  redisNamespace: string;
  dataDir: string;
  /** The platform repository (bare) the replicas read and the scaffolder writes. */
  repo: string;
  replicas: Replica[];
  /** A knex client on one plugin's database of this run (closed by stop()). */
  db(pluginId: string): Knex;
  /** Redis keys of this run's namespace. */
  redisKeys(): string[];
  stop(): Promise<void>;
};

export type StartReplicasOptions = {
  count: number;
  /** The fleet health source (e.g. a recording proxy in front of Prometheus). */
  metricsUrl: string;
  /** More config files, after the harness overlay. */
  configs?: string[];
  /**
   * Start the replicas at the same time. Off by default: on fresh databases Backstage's own plugins
   * (auth, catalog) fail with "Migration table is already locked" when two replicas migrate at once,
   * so the first replica starts (and migrates) alone, as in a rolling deployment.
   */
  together?: boolean;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function redisCli(...args: string[]): string {
  return execFileSync(
    'redis-cli',
    ['-h', REDIS_HOST, '-p', String(REDIS_PORT), ...args],
    { encoding: 'utf8' },
  );
}

/** The demo platform repository, dates shifted to today (scripts/demo-platform-repo.js). */
function createPlatformRepo(target: string) {
  execFileSync('node', [path.join(root, 'scripts', 'demo-platform-repo.js')], {
    env: { ...process.env, FLEET_DEMO_REPO: target, FLEET_RESET_DEMO: '1' },
    stdio: 'pipe',
  });
}

async function waitReady(
  baseUrl: string,
  child: ChildProcess,
  logFile: string,
) {
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      const tail = fs.existsSync(logFile)
        ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')
        : '';
      throw new Error(`replica did not start; ${logFile}:\n${tail}`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

function startReplica(
  name: string,
  port: number,
  run: {
    prefix: string;
    redisNamespace: string;
    dataDir: string;
    repo: string;
  },
  options: StartReplicasOptions,
): { replica: Replica; ready: Promise<void> } {
  const dataDir = path.join(run.dataDir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(run.dataDir, `${name}.log`);
  const log = fs.openSync(logFile, 'w');
  const baseUrl = `http://localhost:${port}`;
  const child = spawn(
    'bash',
    [
      path.join(root, 'scripts', 'run-backend.sh'),
      ...[
        path.join(root, 'app-config.yaml'),
        path.join(root, 'app-config.production.yaml'),
        path.join(__dirname, 'app-config.replicas.yaml'),
        ...(options.configs ?? []),
      ].flatMap(file => ['--config', file]),
    ],
    {
      cwd: path.join(root, 'packages', 'backend'),
      env: {
        ...process.env,
        // test sign-in: the demo providers need NODE_ENV=development and auth.environment development
        NODE_ENV: 'development',
        APP_BASE_URL: baseUrl,
        POSTGRES_HOST: '127.0.0.1',
        POSTGRES_PORT: '5432',
        POSTGRES_USER: 'postgres',
        POSTGRES_PASSWORD: '',
        REDIS_URL: `redis://${REDIS_HOST}:${REDIS_PORT}`,
        BACKEND_SECRET: randomBytes(24).toString('hex'),
        AUTH_SESSION_SECRET: randomBytes(24).toString('hex'),
        FLEET_REPLICA_NAME: name,
        FLEET_REPLICA_PORT: String(port),
        FLEET_REPLICA_DB_PREFIX: run.prefix,
        FLEET_REPLICA_REDIS_NAMESPACE: run.redisNamespace,
        FLEET_REPLICA_DATA: dataDir,
        FLEET_REPLICA_REPO: run.repo,
        FLEET_REPLICA_METRICS_URL: options.metricsUrl,
      },
      stdio: ['ignore', log, log],
      // its own process group, so that kill() reaches the node process behind bash and nothing else
      detached: true,
    },
  );
  const tokens = new Map<string, Promise<string>>();
  const token = (persona?: string) => {
    const key = persona ?? 'guest';
    let cached = tokens.get(key);
    if (!cached) {
      cached = (async () => {
        const res = await fetch(
          persona
            ? `${baseUrl}/api/auth/demoPersona/refresh?env=development`
            : `${baseUrl}/api/auth/guest/refresh?env=development`,
          {
            headers: {
              'X-Requested-With': 'XMLHttpRequest',
              ...(persona && { 'x-fleet-demo-persona': persona }),
            },
          },
        );
        if (!res.ok) {
          throw new Error(
            `sign-in as ${key} on ${name}: ${res.status} ${await res.text()}`,
          );
        }
        return (await res.json()).backstageIdentity.token as string;
      })();
      cached.catch(() => tokens.delete(key));
      tokens.set(key, cached);
    }
    return cached;
  };
  const replica: Replica = {
    name,
    baseUrl,
    logFile,
    token,
    async request(pathAndQuery, init = {}) {
      const { as, headers, ...rest } = init;
      return fetch(`${baseUrl}${pathAndQuery}`, {
        ...rest,
        headers: {
          ...(rest.body && { 'Content-Type': 'application/json' }),
          ...(headers as Record<string, string>),
          Authorization: `Bearer ${await token(as)}`,
        },
      });
    },
    async kill() {
      // exitCode stays null for a process ended by a signal
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) {
        return;
      }
      const exited = new Promise(resolve => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
    alive: () => child.exitCode === null && child.signalCode === null,
  };
  return { replica, ready: waitReady(baseUrl, child, logFile) };
}

/** Starts `count` replicas on one PostgreSQL and one Redis; resolves when all answer. */
export async function startReplicas(
  options: StartReplicasOptions,
): Promise<ReplicaSet> {
  const id = randomBytes(4).toString('hex');
  const prefix = `fleet_replicas_${id}_`;
  const redisNamespace = `fleet-replicas-${id}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-replicas-'));
  const repo = path.join(dataDir, 'platform-config.git');
  createPlatformRepo(repo);
  const run = { prefix, redisNamespace, dataDir, repo };

  const clients = new Map<string, Knex>();
  const replicas: Replica[] = [];
  const set: ReplicaSet = {
    prefix,
    redisNamespace,
    dataDir,
    repo,
    replicas,
    db(pluginId) {
      let client = clients.get(pluginId);
      if (!client) {
        client = knexFactory({
          client: 'pg',
          connection: `${PG_URL}/${prefix}${pluginId}`,
          pool: { min: 0, max: 2 },
        });
        clients.set(pluginId, client);
      }
      return client;
    },
    redisKeys() {
      return redisCli('--scan', '--pattern', `${redisNamespace}*`)
        .split('\n')
        .filter(Boolean);
    },
    async stop() {
      await Promise.all(replicas.map(r => r.kill()));
      await Promise.all([...clients.values()].map(c => c.destroy()));
      const admin = knexFactory({ client: 'pg', connection: PG_URL });
      try {
        const { rows } = await admin.raw(
          'SELECT datname FROM pg_database WHERE datname LIKE ?',
          [`${prefix}%`],
        );
        for (const { datname } of rows as Array<{ datname: string }>) {
          // only this run's databases: the prefix carries its random id
          if (datname.startsWith(prefix)) {
            await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
              datname,
            ]);
          }
        }
      } finally {
        await admin.destroy();
      }
      const keys = set.redisKeys();
      for (let i = 0; i < keys.length; i += 500) {
        redisCli('DEL', ...keys.slice(i, i + 500));
      }
      if (!process.env.FLEET_REPLICAS_KEEP) {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };

  try {
    const started: Array<Promise<void>> = [];
    for (let i = 0; i < options.count; i++) {
      const name = `replica-${String.fromCharCode(97 + i)}`;
      const { replica, ready } = startReplica(
        name,
        await freePort(),
        run,
        options,
      );
      replicas.push(replica);
      if (options.together || i > 0) started.push(ready);
      else await ready;
    }
    await Promise.all(started);
  } catch (error) {
    await set.stop();
    throw error;
  }
  return set;
}

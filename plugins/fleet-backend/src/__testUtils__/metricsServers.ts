// Real metrics stores for tests and benchmarks: Prometheus and VictoriaMetrics from their Debian
// packages, each on 127.0.0.1 at a free port with a throwaway data directory. A missing binary is an
// error (the tests fail, they never skip): the project's setup installs them.

import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pushTimeseries } from 'prometheus-remote-write';

export const PROMETHEUS_BIN = '/usr/bin/prometheus';
export const PROMTOOL_BIN = '/usr/bin/promtool';
export const VICTORIA_METRICS_BIN = '/usr/bin/victoria-metrics';

export type MetricsServer = {
  kind: 'prometheus' | 'victoriametrics';
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Makes pushed samples visible to queries (VictoriaMetrics buffers them). */
  flush(): Promise<void>;
  stop(): Promise<void>;
};

/** One series with samples in time order; timestamps in milliseconds. */
export type PushSeries = {
  labels: Record<string, string> & { __name__: string };
  samples: Array<{ value: number; timestamp: number }>;
};

function requireBinary(path: string, pkg: string) {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: install the Debian package ${pkg} (the project's setup does) — these tests need a real server`,
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
}

async function waitReady(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `the server exited with ${
          child.exitCode
        } before it was ready:\n${output()}`,
      );
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready after 30 s:\n${output()}`);
}

function stopper(child: ChildProcess, dataDir: string) {
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
}

function collect(child: ChildProcess): () => string {
  let text = '';
  const add = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => text;
}

export type StartPrometheusOptions = {
  /** OpenMetrics text backfilled with promtool before the server starts (history for range queries). */
  backfill?: string;
  /** Extra command line flags. */
  args?: string[];
};

export async function startPrometheus(
  options: StartPrometheusOptions = {},
): Promise<MetricsServer> {
  requireBinary(PROMETHEUS_BIN, 'prometheus');
  const dataDir = await mkdtemp(join(tmpdir(), 'fleet-prometheus-'));
  const tsdb = join(dataDir, 'data');
  const configFile = join(dataDir, 'prometheus.yml');
  await writeFile(configFile, 'global: {}\nscrape_configs: []\n');
  if (options.backfill !== undefined) {
    requireBinary(PROMTOOL_BIN, 'prometheus');
    const file = join(dataDir, 'backfill.om');
    await writeFile(file, options.backfill);
    await promisify(execFile)(
      PROMTOOL_BIN,
      ['tsdb', 'create-blocks-from', 'openmetrics', file, tsdb],
      { maxBuffer: 64 * 1024 * 1024 },
    );
  }
  const port = await freePort();
  const child = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${tsdb}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-remote-write-receiver',
      '--storage.tsdb.retention.time=30d',
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = collect(child);
  const url = `http://127.0.0.1:${port}`;
  const server: MetricsServer = {
    kind: 'prometheus',
    url,
    port,
    dataDir,
    process: child,
    flush: async () => {},
    stop: stopper(child, dataDir),
  };
  try {
    await waitReady(`${url}/-/ready`, child, output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

export async function startVictoriaMetrics(): Promise<MetricsServer> {
  requireBinary(VICTORIA_METRICS_BIN, 'victoria-metrics');
  const dataDir = await mkdtemp(join(tmpdir(), 'fleet-victoriametrics-'));
  const port = await freePort();
  const child = spawn(
    VICTORIA_METRICS_BIN,
    [
      `-storageDataPath=${dataDir}`,
      `-httpListenAddr=127.0.0.1:${port}`,
      // Fresh samples are otherwise hidden for 30 s, and cached answers would hide new pushes.
      '-search.latencyOffset=0s',
      '-search.disableCache',
      '-retentionPeriod=1y',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = collect(child);
  const url = `http://127.0.0.1:${port}`;
  const server: MetricsServer = {
    kind: 'victoriametrics',
    url,
    port,
    dataDir,
    process: child,
    flush: async () => {
      const res = await fetch(`${url}/internal/force_flush`);
      if (!res.ok) throw new Error(`force_flush: HTTP ${res.status}`);
    },
    stop: stopper(child, dataDir),
  };
  try {
    await waitReady(`${url}/health`, child, output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/**
 * Pushes series by remote write (in batches). `headers` e.g. for a tenant (`X-Scope-OrgID`); the
 * protocol headers Mimir requires are always sent.
 */
export async function pushSeries(
  url: string,
  series: readonly PushSeries[],
  options: { headers?: Record<string, string>; batchSize?: number } = {},
): Promise<void> {
  const batchSize = options.batchSize ?? 5000;
  for (let i = 0; i < series.length; i += batchSize) {
    const result = await pushTimeseries(
      series.slice(i, i + batchSize) as PushSeries[],
      {
        url: `${url}/api/v1/write`,
        fetch: globalThis.fetch as any,
        headers: {
          // The remote write 1.0 headers the library leaves out; Mimir rejects writes without them.
          'X-Prometheus-Remote-Write-Version': '0.1.0',
          'Content-Encoding': 'snappy',
          ...options.headers,
        },
        timeout: 60_000,
      },
    );
    if (result.status < 200 || result.status >= 300) {
      throw new Error(
        `remote write to ${url}: HTTP ${result.status} ${result.statusText} ${
          result.errorMessage ?? ''
        }`,
      );
    }
  }
}

/** Pushes and makes the series visible to queries. */
export async function pushAndFlush(
  server: MetricsServer,
  series: readonly PushSeries[],
): Promise<void> {
  await pushSeries(server.url, series);
  await server.flush();
}

import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

export type RunningBackend = {
  baseUrl: string;
  /** A guest user token (the demo's guest sign-in). */
  token(): Promise<string>;
  get(pathAndQuery: string, token?: string): Promise<Response>;
  /** A token of a demo persona (auth.providers.demoPersona). */
  personaToken(userName: string): Promise<string>;
  stop(): Promise<void>;
};

/**
 * Fails when another program listens on the port: the benchmark would otherwise measure that
 * program. The occupant is left alone.
 */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(
              `127.0.0.1:${port} is in use by another program, which the benchmark leaves alone; free the port or choose another one`,
            )
          : err,
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/** Starts the real backend (serving the built app) with bench/app-config.bench.yaml. */
export async function startBackend(options: {
  port: number;
  dataDir: string;
  repo: string;
  logFile: string;
  /** More config files, after bench/app-config.bench.yaml (e.g. a metrics source). */
  configs?: string[];
}): Promise<RunningBackend> {
  await assertPortFree(options.port);
  fs.mkdirSync(path.join(options.dataDir, 'sqlite'), { recursive: true });
  const log = fs.openSync(options.logFile, 'w');
  const child: ChildProcess = spawn(
    'bash',
    [
      path.join(root, 'scripts', 'run-backend.sh'),
      '--config',
      path.join(root, 'app-config.yaml'),
      '--config',
      path.join(root, 'bench', 'app-config.bench.yaml'),
      ...(options.configs ?? []).flatMap(file => ['--config', file]),
    ],
    {
      cwd: path.join(root, 'packages', 'backend'),
      env: {
        ...process.env,
        // the demo's guest and persona sign-in, which the benchmark signs in with, is development only
        NODE_ENV: 'development',
        FLEET_BENCH_PORT: String(options.port),
        FLEET_BENCH_DATA: options.dataDir,
        FLEET_BENCH_REPO: options.repo,
      },
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  const baseUrl = `http://localhost:${options.port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`backend did not start; see ${options.logFile}`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  const token = async () => {
    const res = await fetch(
      `${baseUrl}/api/auth/guest/refresh?env=development`,
      {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      },
    );
    return (await res.json()).backstageIdentity.token as string;
  };
  let cached: string | undefined;
  return {
    baseUrl,
    token,
    async get(pathAndQuery, as) {
      cached ??= await token();
      return fetch(`${baseUrl}${pathAndQuery}`, {
        headers: { Authorization: `Bearer ${as ?? cached}` },
      });
    },
    async personaToken(userName) {
      const res = await fetch(
        `${baseUrl}/api/auth/demoPersona/refresh?env=development`,
        {
          headers: {
            'X-Requested-With': 'XMLHttpRequest',
            'x-fleet-demo-persona': userName,
          },
        },
      );
      return (await res.json()).backstageIdentity.token as string;
    },
    async stop() {
      try {
        // the process group of the backend this function started (detached), nothing else
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise(r => setTimeout(r, 1000));
    },
  };
}

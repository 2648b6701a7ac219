import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { testCertificates } from './testCertificates';

export type FakeArgoCdFault =
  | 'unauthorized'
  | 'hang'
  | 'malformed'
  /** 200 with a ClusterList that never ends (until the client hangs up). */
  | 'endless-body';

/** One cluster as Argo CD's API lists it, with the connection state Argo CD observed. */
export function argoCdApiCluster(
  name: string,
  status: 'Successful' | 'Failed' | 'Unknown',
  options: { server?: string; message?: string; serverVersion?: string } = {},
): Record<string, unknown> {
  const connectionState = {
    status,
    message: options.message ?? '',
    attemptedAt: '2025-01-12T10:00:00Z',
  };
  return {
    server: options.server ?? `https://api.${name}.k8s.example:6443`,
    name,
    config: { tlsClientConfig: { insecure: false } },
    namespaces: [],
    labels: {},
    annotations: {},
    connectionState,
    serverVersion: options.serverVersion ?? '1.30',
    info: {
      connectionState,
      serverVersion: options.serverVersion ?? '1.30',
      applicationsCount: status === 'Unknown' ? 0 : 4,
      cacheInfo: { resourcesCount: 120, apisCount: 40 },
    },
  };
}

/**
 * A local stand-in for Argo CD's API server (a real one cannot run here): serves
 * `GET /api/v1/clusters` as a ClusterList over HTTPS, with bearer-token auth
 * answered by 401 and injectable faults.
 */
export class FakeArgoCdApi {
  readonly token = 'fake-argocd-api-token';
  clusters: Record<string, unknown>[] = [];
  fault?: FakeArgoCdFault;
  private readonly server: https.Server;

  private constructor(server: https.Server) {
    this.server = server;
  }

  static async start(): Promise<FakeArgoCdApi> {
    const started: { fake?: FakeArgoCdApi } = {};
    const server = https.createServer(
      {
        key: testCertificates().serverKeyPem,
        cert: testCertificates().serverCertPem,
      },
      (req, res) => {
        const fake = started.fake!;
        const json = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (
          fake.fault === 'unauthorized' ||
          req.headers.authorization !== `Bearer ${fake.token}`
        ) {
          json(401, {
            error: 'invalid session',
            code: 16,
            message: 'invalid session',
          });
          return;
        }
        if (req.url?.split('?')[0] !== '/api/v1/clusters') {
          json(404, { error: 'Not Found', code: 5 });
          return;
        }
        if (fake.fault === 'hang') {
          return;
        }
        if (fake.fault === 'endless-body') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"metadata":{},"items":[');
          const item = Buffer.from(
            `${JSON.stringify(argoCdApiCluster('padding', 'Unknown'))},`,
          );
          const timer = setInterval(() => res.write(item), 1);
          res.on('close', () => clearInterval(timer));
          return;
        }
        if (fake.fault === 'malformed') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"metadata":{},"items":[{"server"');
          return;
        }
        json(200, {
          metadata: {},
          items: fake.clusters.length ? fake.clusters : null,
        });
      },
    );
    started.fake = new FakeArgoCdApi(server);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return started.fake;
  }

  get url(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get caData(): string {
    return Buffer.from(testCertificates().caPem).toString('base64');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }
}

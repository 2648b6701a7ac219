import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';

/** One request the fake received. */
export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType?: string;
  authorization?: string;
  body?: any;
};

const RESOURCES: Record<
  string,
  Array<{ name: string; kind: string; namespaced: boolean }>
> = {
  '/api/v1': [
    { name: 'namespaces', kind: 'Namespace', namespaced: false },
    { name: 'resourcequotas', kind: 'ResourceQuota', namespaced: true },
    { name: 'limitranges', kind: 'LimitRange', namespaced: true },
  ],
  '/apis/networking.k8s.io/v1': [
    { name: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
  ],
  '/apis/rbac.authorization.k8s.io/v1': [
    { name: 'rolebindings', kind: 'RoleBinding', namespaced: true },
  ],
};

/**
 * A local stand-in for a Kubernetes API server (none can run here). It speaks the
 * documented shapes the client needs for server-side apply: API discovery
 * (`GET /api/v1`, `GET /apis/<group>/<version>` → APIResourceList) and
 * `PATCH .../<resource>/<name>?fieldManager=..` with
 * `Content-Type: application/apply-patch+yaml`, answering with the applied object, and
 * `GET /api/v1/namespaces/<name>` (200 for `namespaces`, else 404 NotFound, or
 * `namespaceReadStatus`).
 * It records every request; a wrong bearer token gets 401 like a real server.
 */
export class FakeKubernetesApi {
  readonly requests: RecordedRequest[] = [];
  /** Namespaces that exist on the fake cluster: `GET /api/v1/namespaces/<name>` answers 200. */
  readonly namespaces = new Set<string>();
  /** `status.used` of the one ResourceQuota of a namespace (`GET .../resourcequotas`). */
  readonly quotaUsed = new Map<string, Record<string, string>>();
  /** When set, every `GET /api/v1/namespaces/<name>` answers this status (e.g. 403, 500). */
  namespaceReadStatus?: number;
  #server?: http.Server;

  constructor(private readonly token: string) {}

  async start(): Promise<string> {
    this.#server = http.createServer((req, res) => this.#handle(req, res));
    await new Promise<void>(resolve =>
      this.#server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop() {
    await new Promise(resolve => this.#server?.close(resolve));
  }

  /** The server-side apply requests, in order. */
  get applies(): RecordedRequest[] {
    return this.requests.filter(r => r.method === 'PATCH');
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const raw = Buffer.concat(chunks).toString('utf8');
      const contentType = req.headers['content-type'];
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        contentType,
        authorization: req.headers.authorization,
        body: raw ? parse(raw) : undefined,
      };
      this.requests.push(recorded);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${this.token}`) {
        send(401, {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: 'Unauthorized',
          code: 401,
        });
        return;
      }
      if (req.method === 'GET' && RESOURCES[url.pathname]) {
        const groupVersion = url.pathname.replace(/^\/apis?\//, '');
        send(200, {
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion,
          resources: RESOURCES[url.pathname].map(r => ({
            ...r,
            singularName: '',
            verbs: [
              'create',
              'delete',
              'get',
              'list',
              'patch',
              'update',
              'watch',
            ],
          })),
        });
        return;
      }
      const namespaceRead = /^\/api\/v1\/namespaces\/([^/]+)$/.exec(
        url.pathname,
      );
      if (req.method === 'GET' && namespaceRead) {
        const name = decodeURIComponent(namespaceRead[1]);
        if (this.namespaceReadStatus) {
          send(this.namespaceReadStatus, {
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            code: this.namespaceReadStatus,
          });
          return;
        }
        if (this.namespaces.has(name)) {
          send(200, {
            kind: 'Namespace',
            apiVersion: 'v1',
            metadata: { name, uid: `uid-${name}` },
            status: { phase: 'Active' },
          });
          return;
        }
        // falls through to the NotFound status below, as a real server answers
      }
      const quotaList = /^\/api\/v1\/namespaces\/([^/]+)\/resourcequotas$/.exec(
        url.pathname,
      );
      if (req.method === 'GET' && quotaList) {
        const name = decodeURIComponent(quotaList[1]);
        const used = this.quotaUsed.get(name);
        send(200, {
          kind: 'ResourceQuotaList',
          apiVersion: 'v1',
          metadata: {},
          items: used
            ? [
                {
                  kind: 'ResourceQuota',
                  apiVersion: 'v1',
                  metadata: { name: 'tenant-quota', namespace: name },
                  status: { hard: {}, used },
                },
              ]
            : [],
        });
        return;
      }
      if (req.method === 'PATCH') {
        if (contentType !== 'application/apply-patch+yaml') {
          send(415, { kind: 'Status', status: 'Failure', code: 415 });
          return;
        }
        send(200, {
          ...recorded.body,
          metadata: {
            ...recorded.body?.metadata,
            uid: `uid-${this.requests.length}`,
          },
        });
        return;
      }
      send(404, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'NotFound',
        code: 404,
      });
    });
  }
}

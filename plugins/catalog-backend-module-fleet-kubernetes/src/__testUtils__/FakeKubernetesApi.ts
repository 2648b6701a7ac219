import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { testCertificates } from './testCertificates';

/** A resource the fake serves, e.g. `{ prefix: '/apis/cluster.x-k8s.io/v1beta2', plural: 'clusters', kind: 'Cluster', namespaced: true }`. */
export type FakeResource = {
  /** `/api/v1` for core resources, `/apis/<group>/<version>` for the others. */
  prefix: string;
  plural: string;
  kind: string;
  namespaced: boolean;
};

/**
 * How the fake answers a list request:
 * - `unauthorized`: 401, as the API server does for a token it does not accept
 * - `forbidden`: 403 with a metav1.Status naming the verb and resource
 * - `hang`: accepts the request and never answers (a timeout)
 * - `malformed`: 200 with a truncated JSON body
 * - `not-a-list`: 200 with JSON that is not a list
 * - `server-error`: 500 with a metav1.Status
 * - `expired-continue`: first page as usual, 410 Expired for any `continue`
 * - `repeat-continue`: every page is the first one, with the same continue token (paging stuck)
 * - `endless-continue`: every page is the first one, each with a new continue token (a list without end)
 * - `endless-body`: 200 with a body that never ends (until the client hangs up)
 * - `huge-content-length`: 200 announcing a 1 GiB body, one byte of it, then nothing
 */
export type FakeFault =
  | 'unauthorized'
  | 'forbidden'
  | 'hang'
  | 'malformed'
  | 'not-a-list'
  | 'server-error'
  | 'expired-continue'
  | 'repeat-continue'
  | 'endless-continue'
  | 'endless-body'
  | 'huge-content-length';

export type RecordedRequest = {
  path: string;
  query: Record<string, string>;
  /** Whether the request carried the expected bearer token (the token itself is not recorded). */
  authorized: boolean;
};

type Collection = FakeResource & { items: Record<string, any>[] };

/**
 * A local stand-in for a Kubernetes API server (a real one cannot run here). It
 * serves list endpoints of registered resources with the documented shapes:
 * bearer-token auth answered with 401, `limit`/`continue` paging with an opaque
 * `metadata.continue`, label selectors of the `key=value` form, a 404 metav1.Status
 * for any group/version/resource not registered (what a missing CRD looks like),
 * and injectable faults.
 */
export class FakeKubernetesApi {
  readonly token = 'fake-service-account-token';
  readonly requests: RecordedRequest[] = [];
  private readonly collections = new Map<string, Collection>();
  private readonly faults = new Map<string, FakeFault>();
  private readonly issuedContinueTokens = new Set<string>();
  private stuckPages = 0;
  private readonly server: http.Server;
  private readonly tls: boolean;

  private constructor(server: http.Server, tls: boolean) {
    this.server = server;
    this.tls = tls;
  }

  /** Starts on a random local port; over TLS (certificate signed by {@link caData}) unless `tls: false`. */
  static async start(
    options: { tls?: boolean } = {},
  ): Promise<FakeKubernetesApi> {
    const tls = options.tls ?? true;
    const started: { fake?: FakeKubernetesApi } = {};
    const handler: http.RequestListener = (req, res) =>
      started.fake!.handle(req, res);
    const server = tls
      ? https.createServer(
          {
            key: testCertificates().serverKeyPem,
            cert: testCertificates().serverCertPem,
          },
          handler,
        )
      : http.createServer(handler);
    started.fake = new FakeKubernetesApi(server, tls);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return started.fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `${this.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  }

  /** Base64 of the PEM CA bundle, as in a kubeconfig's `certificate-authority-data`. */
  get caData(): string {
    return Buffer.from(testCertificates().caPem).toString('base64');
  }

  /** Registers (or replaces) the objects of a resource. */
  setObjects(resource: FakeResource, items: Record<string, any>[]): void {
    this.collections.set(this.key(resource), { ...resource, items });
  }

  /** Unregisters a resource: its endpoints answer 404 like an uninstalled CRD. */
  removeResource(resource: FakeResource): void {
    this.collections.delete(this.key(resource));
  }

  /** Makes every list request of a resource fail (until cleared with `undefined`). */
  setFault(resource: FakeResource, fault: FakeFault | undefined): void {
    if (fault) {
      this.faults.set(this.key(resource), fault);
    } else {
      this.faults.delete(this.key(resource));
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  private key(resource: FakeResource): string {
    return `${resource.prefix}/${resource.plural}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams.entries());
    const authorized = req.headers.authorization === `Bearer ${this.token}`;
    this.requests.push({ path: url.pathname, query, authorized });

    if (!authorized) {
      // kube-apiserver answers an unknown or missing token with a bare 401 Status.
      this.sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
      return;
    }
    if (req.method !== 'GET') {
      this.sendStatus(
        res,
        405,
        'MethodNotAllowed',
        'the fake only serves lists',
      );
      return;
    }
    const match = this.route(url.pathname);
    if (!match) {
      this.sendStatus(
        res,
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
      return;
    }
    const { collection, namespace } = match;
    switch (this.faults.get(this.key(collection))) {
      case 'unauthorized':
        this.sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
        return;
      case 'forbidden':
        this.sendStatus(
          res,
          403,
          'Forbidden',
          `${collection.plural} is forbidden: User "system:serviceaccount:fleet:fleet-portal" cannot list resource "${collection.plural}" at the cluster scope`,
        );
        return;
      case 'hang':
        return; // never answer; the connection is closed with the server
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"kind":"List","items":[{"metadata":');
        return;
      case 'not-a-list':
        this.sendJson(res, 200, { kind: 'Status', status: 'Success' });
        return;
      case 'server-error':
        this.sendStatus(
          res,
          500,
          'InternalError',
          'etcdserver: request timed out',
        );
        return;
      case 'endless-body': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(`{"kind":"${collection.kind}List","items":[`);
        const item = Buffer.from(
          `${JSON.stringify(collection.items[0] ?? {})},`,
        );
        const timer = setInterval(() => res.write(item), 1);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'huge-content-length':
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(1024 ** 3),
        });
        res.write('{');
        return; // the rest never comes; the connection is closed with the server
      case 'repeat-continue':
        this.sendStuckPage(res, collection, 'repeat-continue');
        return;
      case 'endless-continue':
        this.sendStuckPage(res, collection, 'endless-continue');
        return;
      default:
        this.sendPage(res, collection, namespace, query);
    }
  }

  private route(
    pathname: string,
  ): { collection: Collection; namespace?: string } | undefined {
    for (const collection of this.collections.values()) {
      if (pathname === `${collection.prefix}/${collection.plural}`) {
        return { collection };
      }
      const namespaced = new RegExp(
        `^${escape(collection.prefix)}/namespaces/([a-z0-9-]+)/${escape(
          collection.plural,
        )}$`,
      ).exec(pathname);
      if (namespaced && collection.namespaced) {
        return { collection, namespace: namespaced[1] };
      }
    }
    return undefined;
  }

  private sendPage(
    res: http.ServerResponse,
    collection: Collection,
    namespace: string | undefined,
    query: Record<string, string>,
  ): void {
    const selected = collection.items.filter(
      item =>
        (!namespace || item.metadata?.namespace === namespace) &&
        matchesLabelSelector(item.metadata?.labels, query.labelSelector),
    );
    let offset = 0;
    if (query.continue) {
      if (
        !this.issuedContinueTokens.has(query.continue) ||
        this.faults.get(this.key(collection)) === 'expired-continue'
      ) {
        this.sendStatus(
          res,
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result.',
        );
        return;
      }
      offset = JSON.parse(
        Buffer.from(query.continue, 'base64').toString(),
      ).offset;
    }
    const limit = query.limit ? Number(query.limit) : selected.length;
    const items = selected.slice(offset, offset + limit);
    const next = offset + items.length;
    const metadata: Record<string, unknown> = { resourceVersion: '4711' };
    if (next < selected.length) {
      const token = Buffer.from(
        JSON.stringify({ rv: 4711, offset: next }),
      ).toString('base64');
      this.issuedContinueTokens.add(token);
      metadata.continue = token;
      metadata.remainingItemCount = selected.length - next;
    }
    const apiVersion = collection.prefix.replace(/^\/apis?\//, '');
    this.sendJson(res, 200, {
      apiVersion,
      kind: `${collection.kind}List`,
      metadata,
      items,
    });
  }

  /** The first page again, with the same continue token or a new one each time. */
  private sendStuckPage(
    res: http.ServerResponse,
    collection: Collection,
    fault: 'repeat-continue' | 'endless-continue',
  ): void {
    this.stuckPages += 1;
    const token = Buffer.from(
      fault === 'repeat-continue' ? 'stuck' : `page-${this.stuckPages}`,
    ).toString('base64');
    this.sendJson(res, 200, {
      apiVersion: collection.prefix.replace(/^\/apis?\//, ''),
      kind: `${collection.kind}List`,
      metadata: { resourceVersion: '4711', continue: token },
      items: collection.items.slice(0, 1),
    });
  }

  private sendStatus(
    res: http.ServerResponse,
    code: number,
    reason: string,
    message: string,
  ): void {
    this.sendJson(res, code, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      code,
    });
  }

  private sendJson(
    res: http.ServerResponse,
    code: number,
    body: unknown,
  ): void {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

function matchesLabelSelector(
  labels: Record<string, string> | undefined,
  selector: string | undefined,
): boolean {
  if (!selector) {
    return true;
  }
  return selector.split(',').every(requirement => {
    const [key, value] = requirement.split('=');
    return labels?.[key.trim()] === value?.trim();
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

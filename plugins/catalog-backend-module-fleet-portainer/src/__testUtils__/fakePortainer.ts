import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type {
  PortainerEndpoint,
  PortainerEndpointGroup,
  PortainerTag,
} from '../portainerApi';

/**
 * A local HTTP fake of the parts of Portainer's API this module reads, speaking the
 * documented shapes (see /work/shared/reference/inventory-api-shapes.md and the
 * package README): X-API-KEY auth (header, case-insensitive, or `x-api-key` query),
 * `/api/endpoints` paged with `start`/`limit` and filtered by `types[]`, answering
 * `X-Total-Count`/`X-Total-Available` and `QueryDate`; `/api/endpoint_groups`;
 * `/api/tags` (note `ID`). Real Portainer cannot run here.
 *
 * It can fail on purpose, on every request or on one path from a given `start`.
 */
export type PortainerFailure =
  | 'unauthorized' // 401, as for a wrong key
  | 'unavailable' // 503
  | 'reset' // the connection is dropped without an answer
  | 'timeout' // no answer at all
  | 'malformed' // 200 with truncated JSON
  | 'wrong-shape' // 200 with JSON that is not the documented shape
  | 'huge-total-count' // X-Total-Count 1,000,000,000, and a full page of made-up environments for any `start`
  | 'endless-pages' // a full page of made-up environments for any `start`, without X-Total-Count
  | 'ignores-start' // the first page whatever `start` asks for, with the true X-Total-Count
  | 'endless-body' // 200 with a body that never ends (until the client hangs up)
  | 'huge-content-length'; // announces a 1 GiB body, sends one byte and then nothing

export type FakePortainerData = {
  endpoints: PortainerEndpoint[];
  groups: PortainerEndpointGroup[];
  tags: PortainerTag[];
};

export type FakePortainer = {
  baseUrl: string;
  port: number;
  data: FakePortainerData;
  /** Paths and queries served, in order. */
  requests: string[];
  /** Fails requests from now on; `path` limits it to `/api/endpoints` (from `start`), groups or tags. */
  fail(
    failure: PortainerFailure | undefined,
    where?: { path?: string; fromStart?: number },
  ): void;
  /** Portainer's clock, unix seconds; by default the real one. */
  setNow(seconds: number | undefined): void;
  close(): Promise<void>;
};

/** The global edge check-in interval the list handler fills in for 0 (Portainer's default). */
const DEFAULT_EDGE_CHECKIN_INTERVAL = 5;

export async function startFakePortainer(options: {
  apiKey: string;
  data?: Partial<FakePortainerData>;
  port?: number;
  host?: string;
}): Promise<FakePortainer> {
  const data: FakePortainerData = {
    endpoints: options.data?.endpoints ?? [],
    groups: options.data?.groups ?? [{ Id: 1, Name: 'Unassigned', TagIds: [] }],
    tags: options.data?.tags ?? [],
  };
  const requests: string[] = [];
  let failure:
    | { mode: PortainerFailure; path?: string; fromStart?: number }
    | undefined;
  let now: number | undefined;
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, body: unknown, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };

    if (url.pathname === '/api/system/status') {
      send(200, { Version: '2.21.4', InstanceID: 'fake' });
      return;
    }
    const key =
      req.headers['x-api-key'] ?? url.searchParams.get('x-api-key') ?? '';
    if (key !== options.apiKey) {
      send(401, { message: 'Unauthorized', details: 'Invalid API key' });
      return;
    }
    const start = Number(url.searchParams.get('start') ?? 0);
    const active =
      failure &&
      (!failure.path || failure.path === url.pathname) &&
      (failure.fromStart === undefined || start >= failure.fromStart)
        ? failure.mode
        : undefined;
    if (active) {
      switch (active) {
        case 'unauthorized':
          send(401, { message: 'Unauthorized', details: 'Invalid API key' });
          return;
        case 'unavailable':
          send(503, { message: 'Service Unavailable' });
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'timeout':
          return; // never answers; close() drops the socket
        case 'malformed':
          send(200, '[{"Id": 1, "Name": "prd-', { 'X-Total-Count': '1' });
          return;
        case 'wrong-shape':
          send(200, { endpoints: [], groups: [], tags: [] });
          return;
        case 'endless-body': {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.write('[');
          const padding = Buffer.from(
            `${JSON.stringify(fakeEnvironment(1, 'padding'))},`,
          );
          const timer = setInterval(() => res.write(padding), 1);
          res.on('close', () => clearInterval(timer));
          return;
        }
        case 'huge-content-length':
          res.writeHead(200, {
            'Content-Type': 'application/json',
            'Content-Length': String(1024 ** 3),
          });
          res.write('[');
          return; // the rest never comes; close() drops the socket
        default:
          break;
      }
    }

    switch (url.pathname) {
      case '/api/endpoints': {
        const types = url.searchParams.getAll('types[]').map(Number);
        const matching = data.endpoints
          .filter(e => types.length === 0 || types.includes(e.Type))
          .sort((a, b) => a.Name.localeCompare(b.Name) || a.Id - b.Id);
        const limit = Number(url.searchParams.get('limit') ?? 0);
        const from = active === 'ignores-start' ? 0 : start;
        const page =
          active === 'huge-total-count' || active === 'endless-pages'
            ? Array.from({ length: limit || 100 }, (_, i) =>
                fakeEnvironment(100_000 + from + i, `made-up-${from + i}`),
              )
            : matching.slice(from, limit > 0 ? from + limit : undefined);
        const queryDate = now ?? Math.floor(Date.now() / 1000);
        send(
          200,
          page.map(endpoint => ({
            ...endpoint,
            EdgeCheckinInterval:
              endpoint.EdgeCheckinInterval || DEFAULT_EDGE_CHECKIN_INTERVAL,
            QueryDate: queryDate,
          })),
          active === 'endless-pages'
            ? {}
            : {
                'X-Total-Count':
                  active === 'huge-total-count'
                    ? '1000000000'
                    : String(matching.length),
                'X-Total-Available': String(data.endpoints.length),
              },
        );
        return;
      }
      case '/api/endpoint_groups':
        send(200, data.groups);
        return;
      case '/api/tags':
        send(200, data.tags);
        return;
      default:
        send(404, { message: 'Not found' });
    }
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    data,
    requests,
    fail(mode, where) {
      failure = mode ? { mode, ...where } : undefined;
    },
    setNow(seconds) {
      now = seconds;
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

/** A Portainer environment in the documented shape; Kubernetes via the agent unless told. */
export function fakeEnvironment(
  id: number,
  name: string,
  extra: Partial<PortainerEndpoint> & Record<string, unknown> = {},
): PortainerEndpoint {
  return {
    Id: id,
    Name: name,
    Type: 6,
    URL: '10.0.0.5:9001',
    GroupId: 1,
    PublicURL: '',
    TagIds: [],
    Status: 1,
    EdgeID: '',
    EdgeKey: '',
    EdgeCheckinInterval: 0,
    LastCheckInDate: 0,
    Heartbeat: false,
    Edge: {
      AsyncMode: false,
      PingInterval: 60,
      SnapshotInterval: 60,
      CommandInterval: 60,
    },
    Agent: { Version: '2.21.4' },
    ContainerEngine: '',
    Kubernetes: {
      Snapshots: [
        {
          Time: 1732000000,
          KubernetesVersion: 'v1.30.4',
          NodeCount: 3,
          TotalCPU: 12,
          TotalMemory: 50465865728,
        },
      ],
      Configuration: {},
      Flags: {
        IsServerMetricsDetected: true,
        IsServerIngressClassDetected: true,
        IsServerStorageDetected: true,
      },
    },
    Snapshots: [],
    UserAccessPolicies: {},
    TeamAccessPolicies: {},
    Gpus: [],
    ...extra,
  } as PortainerEndpoint;
}

/** An edge agent on Kubernetes that last checked in `ageSeconds` before `nowSeconds`. */
export function fakeEdgeEnvironment(
  id: number,
  name: string,
  options: { nowSeconds: number; ageSeconds: number; interval?: number },
  extra: Partial<PortainerEndpoint> & Record<string, unknown> = {},
): PortainerEndpoint {
  return fakeEnvironment(id, name, {
    Type: 7,
    URL: '',
    EdgeID: `edge-${id}`,
    EdgeCheckinInterval: options.interval ?? 5,
    LastCheckInDate: options.nowSeconds - options.ageSeconds,
    Heartbeat: true,
    ...extra,
  });
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  ResponseError,
} from '@backstage/errors';
import { CidrReservationsClient } from './CidrReservationsClient';

type Handler = (req: {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}) => { status: number; body: unknown };

describe('CidrReservationsClient', () => {
  let server: http.Server;
  let handler: Handler;
  let baseUrl: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', chunk => (raw += chunk));
      req.on('end', () => {
        const { status, body } = handler({
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: raw ? JSON.parse(raw) : undefined,
        });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/fleet`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  function client() {
    return new CidrReservationsClient({
      discovery: {
        getBaseUrl: async (pluginId: string) => {
          expect(pluginId).toBe('fleet');
          return baseUrl;
        },
        getExternalBaseUrl: async () => baseUrl,
      },
      auth: mockServices.auth(),
    });
  }

  const reservation = {
    id: 'r1',
    cluster: 'edg-ber03-store-01',
    profileRef: 'clusterprofile:default/edge',
    podCidr: '172.16.12.0/22',
    podPool: '172.16.0.0/13',
    serviceCidr: '172.24.3.0/24',
    servicePool: '172.24.0.0/16',
    status: 'pending',
    requestedBy: 'user:default/priya.platform',
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-02T00:00:00.000Z',
  };

  it('reserves as its own service principal on behalf of fleet and tells a new reservation from a repeat', async () => {
    const seen: any[] = [];
    handler = req => {
      seen.push(req);
      return { status: seen.length === 1 ? 201 : 200, body: reservation };
    };
    const request = {
      cluster: 'edg-ber03-store-01',
      profileRef: 'clusterprofile:default/edge',
      requestedBy: 'user:default/priya.platform',
    };
    await expect(client().reserve(request)).resolves.toEqual({
      reservation,
      created: true,
    });
    await expect(client().reserve(request)).resolves.toEqual({
      reservation,
      created: false,
    });
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url).toBe('/api/fleet/cidr/reservations');
    expect(seen[0].body).toEqual(request);
    expect(seen[0].headers.authorization).toMatch(/^Bearer .+/);
    const token = JSON.parse(
      seen[0].headers.authorization.slice('Bearer mock-service-token:'.length),
    );
    // the mock auth service encodes the principal and target: its own plugin principal, for fleet
    expect(token).toEqual({ sub: 'plugin:test', target: 'fleet' });
  });

  it('posts previews to /cidr/preview', async () => {
    const preview = {
      profileRef: 'clusterprofile:default/edge',
      pod: {
        ok: true,
        role: 'pod',
        cidr: '172.16.12.0/22',
        pool: '172.16.0.0/13',
        source: 'allocated',
      },
      service: {
        ok: true,
        role: 'service',
        cidr: '172.24.3.0/24',
        pool: '172.24.0.0/16',
        source: 'allocated',
      },
    };
    let url: string | undefined;
    handler = req => {
      url = req.url;
      return { status: 200, body: preview };
    };
    await expect(
      client().preview({ profileRef: 'clusterprofile:default/edge' }),
    ).resolves.toEqual(preview);
    expect(url).toBe('/api/fleet/cidr/preview');
  });

  it.each([
    [400, 'InputError', InputError],
    [403, 'NotAllowedError', NotAllowedError],
    [409, 'ConflictError', ConflictError],
  ])(
    'maps %s %s back to the backend error with its cause',
    async (status, name, ErrorType) => {
      const cause = {
        name: 'CidrPoolExhaustedError',
        message: 'no /22 left',
        role: 'pod',
        pools: ['172.16.0.0/13'],
      };
      handler = () => ({
        status,
        body: {
          error: {
            name,
            message: `pod pool 172.16.0.0/13 of profile edge is exhausted`,
            cause,
          },
          response: { statusCode: status },
        },
      });
      const error = await client()
        .reserve({
          cluster: 'x',
          profileRef: 'edge',
          requestedBy: 'user:default/a',
        })
        .catch(e => e);
      expect(error).toBeInstanceOf(ErrorType);
      expect(error.message).toBe(
        'pod pool 172.16.0.0/13 of profile edge is exhausted',
      );
      expect(error.cause).toMatchObject({
        name: 'CidrPoolExhaustedError',
        pools: ['172.16.0.0/13'],
      });
    },
  );

  it('keeps other failures as a ResponseError', async () => {
    handler = () => ({ status: 502, body: { nonsense: true } });
    const error = await client()
      .preview({ profileRef: 'edge' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(502);
  });
});

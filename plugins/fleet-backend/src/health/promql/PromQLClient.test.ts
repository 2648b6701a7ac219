import { ConfigReader, JsonObject } from '@backstage/config';
import { freePort } from '../../__testUtils__/metricsServers';
import {
  json,
  startRecorder,
  vectorOf,
} from '../../__testUtils__/httpRecorder';
import { readHealthConfig } from '../config';
import { PromQLClient } from './PromQLClient';

const TIME = new Date('2026-11-22T10:00:00Z');
const T = TIME.getTime() / 1000;

function clientFor(
  source: JsonObject,
  options?: ConstructorParameters<typeof PromQLClient>[1],
) {
  const config = readHealthConfig(
    new ConfigReader({
      fleet: {
        health: {
          sources: [{ name: 'central', type: 'prometheus', ...source }],
        },
      },
    }),
  )!;
  return new PromQLClient(config.sources[0], options);
}

describe('PromQLClient', () => {
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  beforeEach(async () => {
    recorder = await startRecorder((_req, res) =>
      json(res, 200, vectorOf({ a: '1', b: '0.5' }, T)),
    );
  });
  afterEach(() => recorder.stop());

  it('POSTs an instant query form-encoded and reads the vector', async () => {
    const client = clientFor({ url: recorder.url });
    const outcome = await client.instant('up', TIME);
    expect(outcome).toEqual({
      ok: true,
      warnings: [],
      data: [
        { labels: { cluster: 'a' }, value: 1, time: T },
        { labels: { cluster: 'b' }, value: 0.5, time: T },
      ],
    });
    expect(recorder.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/v1/query',
        form: { query: 'up', time: T.toFixed(3) },
      }),
    ]);
    expect(recorder.requests[0].headers['content-type']).toBe(
      'application/x-www-form-urlencoded',
    );
    expect(recorder.requests[0].headers.authorization).toBeUndefined();
  });

  it('sends range queries to query_range and reads the matrix', async () => {
    recorder.setReply((_req, res) =>
      json(res, 200, {
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: { cluster: 'a' },
              values: [
                [T - 60, '1'],
                [T, 'NaN'],
              ],
            },
          ],
        },
      }),
    );
    const client = clientFor({ url: recorder.url });
    const outcome = await client.range(
      'up',
      new Date(TIME.getTime() - 60_000),
      TIME,
      60,
    );
    expect(outcome.ok && outcome.data[0].points).toEqual([
      { time: T - 60, value: 1 },
      { time: T, value: NaN },
    ]);
    expect(recorder.requests[0]).toMatchObject({
      path: '/api/v1/query_range',
      form: {
        query: 'up',
        start: (T - 60).toFixed(3),
        end: T.toFixed(3),
        step: '60',
      },
    });
  });

  it('speaks to Mimir under its prefix with the tenant header and a bearer token', async () => {
    const client = clientFor({
      type: 'mimir',
      url: `${recorder.url}/prometheus/`,
      tenant: 'platform',
      auth: { token: 's3cret' },
    });
    await client.instant('up', TIME);
    expect(recorder.requests[0].path).toBe('/prometheus/api/v1/query');
    expect(recorder.requests[0].headers['x-scope-orgid']).toBe('platform');
    expect(recorder.requests[0].headers.authorization).toBe('Bearer s3cret');
  });

  it('sends basic auth', async () => {
    const client = clientFor({
      url: recorder.url,
      auth: { username: 'reader', password: 'pw' },
    });
    await client.instant('up', TIME);
    expect(recorder.requests[0].headers.authorization).toBe(
      `Basic ${Buffer.from('reader:pw').toString('base64')}`,
    );
  });

  it('sends Thanos its partial_response and dedup parameters, strict by default', async () => {
    await clientFor({ type: 'thanos', url: recorder.url }).instant('up', TIME);
    await clientFor({
      type: 'thanos',
      url: recorder.url,
      partialResponse: true,
      dedup: false,
    }).instant('up', TIME);
    expect(recorder.requests.map(r => r.form)).toEqual([
      expect.objectContaining({ partial_response: 'false', dedup: 'true' }),
      expect.objectContaining({ partial_response: 'true', dedup: 'false' }),
    ]);
    // Other types do not get them.
    await clientFor({ url: recorder.url }).instant('up', TIME);
    expect(recorder.requests[2].form.partial_response).toBeUndefined();
  });

  it("keeps Thanos's warnings of a partial response", async () => {
    recorder.setReply((_req, res) =>
      json(
        res,
        200,
        vectorOf({ a: 1 }, T, {
          warnings: ['No StoreAPIs matched for this query: store eu-2 down'],
        }),
      ),
    );
    const outcome = await clientFor({
      type: 'thanos',
      url: recorder.url,
      partialResponse: true,
    }).instant('up', TIME);
    expect(outcome).toMatchObject({
      ok: true,
      warnings: ['No StoreAPIs matched for this query: store eu-2 down'],
    });
  });

  describe('failures are outcomes, never exceptions', () => {
    it.each([
      [
        'HTTP 500 with a text body',
        (res: any) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end('internal error\n');
        },
        { kind: 'http', error: 'HTTP 500: internal error' },
      ],
      [
        "HTTP 400 with Prometheus's error envelope",
        (res: any) =>
          json(res, 400, {
            status: 'error',
            errorType: 'bad_data',
            error: 'parse error at char 4: unexpected end of input',
          }),
        {
          kind: 'http',
          error: 'HTTP 400: parse error at char 4: unexpected end of input',
        },
      ],
      [
        'status error with 200',
        (res: any) =>
          json(res, 200, {
            status: 'error',
            errorType: 'execution',
            error: 'query timed out in expression evaluation',
          }),
        {
          kind: 'query-error',
          error: 'execution: query timed out in expression evaluation',
        },
      ],
      [
        'a non-JSON body',
        (res: any) => {
          res.writeHead(200, { 'Content-Type': 'text/html' });
          res.end('<html>proxy login</html>');
        },
        {
          kind: 'invalid-response',
          error: 'the response is not JSON: <html>proxy login</html>',
        },
      ],
      [
        'JSON without data',
        (res: any) => json(res, 200, { status: 'success' }),
        { kind: 'invalid-response', error: 'the response has no data object' },
      ],
      [
        'a matrix where a vector was asked for',
        (res: any) =>
          json(res, 200, {
            status: 'success',
            data: { resultType: 'matrix', result: [] },
          }),
        {
          kind: 'invalid-response',
          error: 'the result type is "matrix", expected "vector"',
        },
      ],
      [
        'a value that is a number, not a string',
        (res: any) =>
          json(res, 200, {
            status: 'success',
            data: {
              resultType: 'vector',
              result: [{ metric: { cluster: 'a' }, value: [T, 1] }],
            },
          }),
        {
          kind: 'invalid-response',
          error:
            'data.result[0].value has a value that is not a number string: 1',
        },
      ],
      [
        'a label that is not a string',
        (res: any) =>
          json(res, 200, {
            status: 'success',
            data: {
              resultType: 'vector',
              result: [{ metric: { cluster: 7 }, value: [T, '1'] }],
            },
          }),
        {
          kind: 'invalid-response',
          error: 'data.result[0].metric.cluster is not a string',
        },
      ],
      [
        'a JSON array',
        (res: any) => json(res, 200, []),
        {
          kind: 'invalid-response',
          error: 'the response is not a JSON object',
        },
      ],
    ])('%s', async (_name, reply, expected) => {
      recorder.setReply((_req, res) => reply(res));
      const outcome = await clientFor({ url: recorder.url }).instant(
        'up',
        TIME,
      );
      expect(outcome).toEqual({ ok: false, ...expected });
    });

    it('an answer that never ends, stopped at maxResponseBytes', async () => {
      let closed = false;
      recorder.setReply((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write(
          '{"status":"success","data":{"resultType":"vector","result":[',
        );
        const sample = `${JSON.stringify({
          metric: { cluster: 'a' },
          value: [T, '1'],
        })},`;
        const timer = setInterval(() => res.write(sample), 1);
        res.on('close', () => {
          clearInterval(timer);
          closed = true;
        });
      });
      const outcome = await clientFor(
        { url: recorder.url, timeoutSeconds: 10 },
        { maxResponseBytes: 64 * 1024 },
      ).instant('up', TIME);
      expect(outcome).toEqual({
        ok: false,
        kind: 'invalid-response',
        error:
          'the response is larger than the limit of 64 KiB; the request was stopped there',
      });
      await new Promise(resolve => setTimeout(resolve, 100));
      expect(closed).toBe(true);
    });

    it('an answer announcing more than the default 32 MiB, refused on its Content-Length', async () => {
      recorder.setReply((_req, res) => {
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': String(64 * 1024 * 1024),
        });
        res.write('{');
      });
      const started = Date.now();
      const outcome = await clientFor({
        url: recorder.url,
        timeoutSeconds: 10,
      }).instant('up', TIME);
      expect(outcome).toEqual({
        ok: false,
        kind: 'invalid-response',
        error:
          'the response announces 64 MiB (Content-Length), more than the limit of 32 MiB; it was not read',
      });
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('a source that does not listen', async () => {
      const port = await freePort();
      const outcome = await clientFor({
        url: `http://127.0.0.1:${port}`,
      }).instant('up', TIME);
      expect(outcome).toEqual({
        ok: false,
        kind: 'unreachable',
        error: 'cannot connect (ECONNREFUSED)',
      });
    });

    it('a source that does not answer in time', async () => {
      recorder.setReply(() => {
        // never answers
      });
      const started = Date.now();
      const outcome = await clientFor({
        url: recorder.url,
        timeoutSeconds: 0.3,
      }).instant('up', TIME);
      expect(outcome).toEqual({
        ok: false,
        kind: 'timeout',
        error: 'the request timed out',
      });
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });

  it('never puts credentials in an error', async () => {
    const port = await freePort();
    const outcome = await clientFor({
      url: `http://127.0.0.1:${port}`,
      auth: { token: 'top-secret-token' },
    }).instant('up', TIME);
    expect(JSON.stringify(outcome)).not.toContain('top-secret-token');
  });
});

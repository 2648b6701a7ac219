import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export type ProxiedRequest = {
  method: string;
  path: string;
  /** The form-encoded body (PromQL queries are POSTed as forms), decoded. */
  form: Record<string, string>;
};

export type RecordingProxy = {
  url: string;
  requests: ProxiedRequest[];
  stop(): Promise<void>;
};

/**
 * An HTTP proxy on 127.0.0.1 in front of a real metrics server: forwards every request unchanged
 * and records it, so that a test counts what the metrics store actually received.
 */
export async function startRecordingProxy(
  target: string,
): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', target);
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      form: Object.fromEntries(
        new URLSearchParams(
          req.method === 'GET' ? url.search : body.toString('utf8'),
        ),
      ),
    });
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (
          typeof value === 'string' &&
          !['host', 'content-length', 'connection'].includes(name)
        ) {
          headers.set(name, value);
        }
      }
      const upstream = await fetch(url, {
        method: req.method,
        headers,
        body: ['GET', 'HEAD'].includes(req.method ?? 'GET') ? undefined : body,
      });
      res.writeHead(upstream.status, {
        'Content-Type':
          upstream.headers.get('content-type') ?? 'application/json',
      });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`proxy: ${(error as Error).message}`);
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

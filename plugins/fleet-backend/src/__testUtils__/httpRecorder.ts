import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The form-encoded body, decoded. */
  form: Record<string, string>;
};

export type Reply = (
  request: RecordedRequest,
  res: ServerResponse,
) => void | Promise<void>;

/**
 * A local HTTP server that records every request and answers with `reply` — for what a real
 * server cannot show here: Mimir's and Thanos's request details, and misbehaving upstreams.
 */
export async function startRecorder(reply: Reply) {
  const requests: RecordedRequest[] = [];
  let current = reply;
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const url = new URL(req.url ?? '/', 'http://recorder');
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      headers: req.headers,
      form: Object.fromEntries(new URLSearchParams(body)),
    };
    requests.push(recorded);
    await current(recorded, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setReply(next: Reply) {
      current = next;
    },
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A Prometheus vector answer with one sample per cluster. */
export function vectorOf(
  values: Record<string, number | string>,
  time: number,
  extra: Record<string, unknown> = {},
) {
  return {
    status: 'success',
    data: {
      resultType: 'vector',
      result: Object.entries(values).map(([cluster, value]) => ({
        metric: { cluster },
        value: [time, String(value)],
      })),
    },
    ...extra,
  };
}

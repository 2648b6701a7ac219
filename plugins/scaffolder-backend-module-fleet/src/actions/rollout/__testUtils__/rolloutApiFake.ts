import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RolloutView } from '@fleet-portal/plugin-fleet-common';

/**
 * The fleet backend's rollout API as a local HTTP fake (the real one is another plugin's):
 * `GET /api/fleet/rollouts/:profile` answers the view set with `answer` (or a status), and every
 * request is recorded with its Authorization header.
 */
export async function startRolloutApiFake() {
  const requests: Array<{
    method: string;
    path: string;
    authorization?: string;
  }> = [];
  let answer: { status: number; body: unknown } = {
    status: 404,
    body: { error: { name: 'NotFoundError', message: 'no rollout' } },
  };
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    requests.push({
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
    });
    const status = path.startsWith('/api/fleet/rollouts/')
      ? answer.status
      : 404;
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(status === answer.status ? answer.body : {}));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    requests,
    /** What the next requests are answered: a view, or a status with an error body. */
    answer(view: RolloutView | { status: number; body?: unknown }) {
      answer =
        'status' in view && !('profileRef' in view)
          ? { status: view.status, body: view.body ?? {} }
          : { status: 200, body: view };
    },
    /** A discovery service pointing the `fleet` plugin at the fake. */
    discovery: {
      getBaseUrl: async (pluginId: string) => `${url}/api/${pluginId}`,
      getExternalBaseUrl: async (pluginId: string) => `${url}/api/${pluginId}`,
    },
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

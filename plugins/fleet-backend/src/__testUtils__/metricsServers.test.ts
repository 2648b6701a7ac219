import { startRecorder } from './httpRecorder';
import { pushSeries } from './metricsServers';

describe('pushSeries', () => {
  it('sends remote write with the protocol version header Mimir requires, and a tenant', async () => {
    const recorder = await startRecorder((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    try {
      await pushSeries(
        recorder.url,
        [
          {
            labels: { __name__: 'up', cluster: 'a' },
            samples: [{ value: 1, timestamp: Date.now() }],
          },
        ],
        { headers: { 'X-Scope-OrgID': 'fleet' } },
      );
      expect(recorder.requests).toHaveLength(1);
      expect(recorder.requests[0]).toMatchObject({
        method: 'POST',
        path: '/api/v1/write',
      });
      expect(recorder.requests[0].headers).toMatchObject({
        'x-prometheus-remote-write-version': '0.1.0',
        'x-scope-orgid': 'fleet',
        'content-encoding': 'snappy',
        'content-type': 'application/x-protobuf',
      });
    } finally {
      await recorder.stop();
    }
  });

  it('fails, naming the status, when the store refuses the write', async () => {
    const recorder = await startRecorder((_req, res) => {
      res.writeHead(401);
      res.end('no org id');
    });
    try {
      await expect(
        pushSeries(recorder.url, [
          {
            labels: { __name__: 'up' },
            samples: [{ value: 1, timestamp: Date.now() }],
          },
        ]),
      ).rejects.toThrow(/HTTP 401/);
    } finally {
      await recorder.stop();
    }
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  formatBytes,
  readCappedBody,
  readCappedMessage,
  ResponseTooLargeError,
} from './readCappedBody';

type Reply = (res: http.ServerResponse) => void;

/** A local server whose reply each test sets; records when a reply's connection closed early. */
async function startServer() {
  let reply: Reply = res => res.end('ok');
  const closedEarly: string[] = [];
  const server = http.createServer((req, res) => {
    res.on('close', () => {
      if (!res.writableFinished) closedEarly.push(req.url ?? '');
    });
    reply(res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    closedEarly,
    setReply(next: Reply) {
      reply = next;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes 1 KiB chunks until the client goes away: a body with no end. */
function endless(res: http.ServerResponse) {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(1024, 'x');
  const timer = setInterval(() => {
    if (!res.destroyed) res.write(chunk);
  }, 1);
  res.on('close', () => clearInterval(timer));
}

/** Announces a gigabyte, sends a few bytes and then nothing. */
function hugeContentLength(res: http.ServerResponse) {
  res.writeHead(200, { 'content-length': String(1024 ** 3) });
  res.write('[');
}

const getMessage = (url: string) =>
  new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get(url, resolve).on('error', reject),
  );

describe('readCappedBody / readCappedMessage', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(() => server.close());

  const readers = {
    fetch: async (path: string, maxBytes: number) =>
      readCappedBody(await fetch(`${server.url}${path}`), maxBytes, {
        setting: 'maxResponseBytes',
      }),
    'http.get': async (path: string, maxBytes: number) =>
      (
        await readCappedMessage(
          await getMessage(`${server.url}${path}`),
          maxBytes,
          {
            setting: 'maxResponseBytes',
          },
        )
      ).toString('utf8'),
  };

  describe.each(Object.entries(readers))('with %s', (_name, read) => {
    it('returns a body up to the limit, multi-byte characters intact', async () => {
      const body = JSON.stringify({ name: 'Zürich-Ost ✓' });
      server.setReply(res => {
        const bytes = Buffer.from(body);
        res.write(bytes.subarray(0, 12)); // splits a character between chunks
        res.end(bytes.subarray(12));
      });
      await expect(read('/ok', Buffer.byteLength(body))).resolves.toBe(body);
    });

    it('stops an endless body at the limit and closes the connection', async () => {
      server.setReply(endless);
      const error = await read('/endless', 64 * 1024).catch(e => e);
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error.message).toBe(
        'the response is larger than the limit of 64 KiB (maxResponseBytes); the request was stopped there',
      );
      await waitFor(() => server.closedEarly.includes('/endless'));
    });

    it('refuses a Content-Length above the limit before reading the body', async () => {
      server.setReply(hugeContentLength);
      const started = Date.now();
      const error = await read('/huge', 16 * 1024 * 1024).catch(e => e);
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error.message).toBe(
        'the response announces 1 GiB (Content-Length), more than the limit of 16 MiB (maxResponseBytes); it was not read',
      );
      // The body never ends: only the header can have decided this.
      expect(Date.now() - started).toBeLessThan(2000);
      await waitFor(() => server.closedEarly.includes('/huge'));
    });
  });

  it('reads an empty body', async () => {
    server.setReply(res => {
      res.writeHead(204);
      res.end();
    });
    await expect(readCappedBody(await fetch(server.url), 10)).resolves.toBe('');
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 bytes'],
    [64 * 1024, '64 KiB'],
    [1536 * 1024, '1.5 MiB'],
    [16 * 1024 * 1024, '16 MiB'],
    [1024 ** 3, '1 GiB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error('the server never saw the connection close');
    }
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

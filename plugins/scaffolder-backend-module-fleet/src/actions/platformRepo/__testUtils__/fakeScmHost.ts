import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export type ScmRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
};

/**
 * A local stand-in for the REST APIs of GitHub and GitLab (neither is reachable here), speaking
 * the documented shapes of the two calls the suite makes:
 * - GitHub `POST /repos/{owner}/{repo}/pulls` with `{ title, head, base, body }` and
 *   `Authorization: Bearer <token>` → 201 `{ number, html_url, ... }`; 401
 *   `{ message: 'Bad credentials' }`; 422 `{ message: 'Validation Failed', errors: [{ message }] }`
 *   when the head branch already has a pull request.
 * - GitLab `POST /projects/:id/merge_requests` (id = URL-encoded project path) with
 *   `{ source_branch, target_branch, title, description }` and `PRIVATE-TOKEN: <token>` → 201
 *   `{ iid, web_url, ... }`; 401 `{ message: '401 Unauthorized' }`; 409
 *   `{ message: ['Another open merge request already exists for this source branch: !7'] }`.
 * Every request is recorded; `failWith` makes the next answers a given status.
 */
export class FakeScmHost {
  readonly requests: ScmRequest[] = [];
  /** When set, every request gets this status and a host-shaped error body. */
  failWith?: number;
  #server?: http.Server;
  #next = 12;
  /** `<path> <branch>` of open requests: a second request for a branch is refused, as the hosts do. */
  readonly #openHeads = new Set<string>();

  constructor(private readonly token: string) {}

  async start(): Promise<string> {
    this.#server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', chunk => {
        raw += chunk;
      });
      req.on('end', () => this.#handle(req, raw, res));
    });
    await new Promise<void>(resolve =>
      this.#server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>(resolve => this.#server?.close(() => resolve()));
  }

  #handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse) {
    const path = decodeURIComponent(req.url ?? '');
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    this.requests.push({
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
    });
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const github = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/pulls$/.exec(path);
    const gitlab = /^\/api\/v4\/projects\/(.+)\/merge_requests$/.exec(path);
    if (req.method !== 'POST' || (!github && !gitlab)) {
      send(404, { message: 'Not Found' });
      return;
    }
    if (github) {
      if (this.failWith) {
        send(this.failWith, { message: 'Server Error' });
      } else if (req.headers.authorization !== `Bearer ${this.token}`) {
        send(401, { message: 'Bad credentials' });
      } else if (this.#openHeads.has(`${path} ${body?.head}`)) {
        send(422, {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${github[1]}:${body.head}.`,
            },
          ],
        });
      } else {
        const number = this.#next++;
        this.#openHeads.add(`${path} ${body.head}`);
        send(201, {
          number,
          state: 'open',
          html_url: `https://git.example.test/${github[1]}/${github[2]}/pull/${number}`,
          head: { ref: body.head },
          base: { ref: body.base },
        });
      }
      return;
    }
    if (this.failWith) {
      send(this.failWith, { message: `${this.failWith} Server Error` });
    } else if (req.headers['private-token'] !== this.token) {
      send(401, { message: '401 Unauthorized' });
    } else if (this.#openHeads.has(`${path} ${body?.source_branch}`)) {
      send(409, {
        message: [
          'Another open merge request already exists for this source branch: !7',
        ],
      });
    } else {
      const iid = this.#next++;
      this.#openHeads.add(`${path} ${body.source_branch}`);
      send(201, {
        iid,
        state: 'opened',
        web_url: `https://gitlab.example.test/${
          gitlab![1]
        }/-/merge_requests/${iid}`,
        source_branch: body.source_branch,
        target_branch: body.target_branch,
      });
    }
  }
}

import http from 'node:http';
import https from 'node:https';
import {
  HttpLibrary,
  Observable,
  RequestContext,
  ResponseContext,
  SelfDecodingBody,
} from '@kubernetes/client-node';
import { readCappedMessage } from '@fleet-portal/plugin-fleet-node';

/**
 * The HTTP transport of the generated Kubernetes client, with a byte cap: it sends the
 * request as the client built it (URL, headers with the bearer token, the kubeconfig's
 * TLS agent, the abort signal) and reads the answer with `readCappedMessage`, so an
 * answer above `maxBytes` is refused on its Content-Length or stopped at the limit,
 * closing the connection, instead of being buffered whole as the default transport
 * does. It fails with `ResponseTooLargeError` then.
 */
export class CappedHttpLibrary implements HttpLibrary {
  readonly #maxBytes: number;
  readonly #setting?: string;

  constructor(options: { maxBytes: number; setting?: string }) {
    this.#maxBytes = options.maxBytes;
    this.#setting = options.setting;
  }

  send(request: RequestContext): Observable<ResponseContext> {
    return new Observable(this.#send(request));
  }

  async #send(request: RequestContext): Promise<ResponseContext> {
    const url = request.getUrl();
    const body = request.getBody();
    if (body !== undefined && typeof body !== 'string') {
      throw new Error(
        'CappedHttpLibrary sends only requests without a body or with a string body',
      );
    }
    const message = await new Promise<http.IncomingMessage>(
      (resolve, reject) => {
        const outgoing = (url.startsWith('https:') ? https : http).request(
          url,
          {
            method: request.getHttpMethod(),
            headers: request.getHeaders(),
            agent: request.getAgent(),
            signal: request.getSignal(),
          },
          resolve,
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      },
    );
    const bytes = await readCappedMessage(message, this.#maxBytes, {
      setting: this.#setting,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers)) {
      if (value !== undefined) {
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
    }
    return new ResponseContext(
      message.statusCode ?? 0,
      headers,
      new SelfDecodingBody(Promise.resolve(bytes)),
    );
  }
}

import {
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_RESPONSE_BYTES,
  PageGuard,
  readCappedBody,
  ResponseTooLargeError,
} from '@fleet-portal/plugin-fleet-node';
import {
  KUBERNETES_ENDPOINT_TYPES,
  parseEndpointGroups,
  parseEndpoints,
  parseTags,
  PortainerEndpoint,
  PortainerEndpointGroup,
  PortainerTag,
} from './portainerApi';

export type PortainerClientOptions = {
  /** Without a trailing slash. */
  baseUrl: string;
  apiKey: string;
  pageSize: number;
  /** Per request. */
  timeoutMs: number;
  /** Pages of /api/endpoints one read may take; 1000 by default. */
  maxPages?: number;
  /** Bytes one answer may have; 16 MiB by default. */
  maxResponseBytes?: number;
  /** Where a setting lives, for messages, e.g. `catalog.providers.fleetPortainer.prod.maxPages`. */
  settingPath?: (key: string) => string;
  fetch?: typeof fetch;
};

/** What a Portainer instance answered, as documented. */
export type PortainerInventory = {
  endpoints: PortainerEndpoint[];
  groups: PortainerEndpointGroup[];
  tags: PortainerTag[];
};

/**
 * Reads Portainer's Kubernetes environments (paged with start/limit until
 * X-Total-Count), environment groups and tags with the X-API-KEY header. Any failure
 * — unreachable, non-2xx, timeout, malformed JSON, a shape other than documented —
 * rejects with an error that says which request failed and how; the key never
 * appears in it.
 *
 * Portainer is not trusted to end its own lists: an X-Total-Count of more than
 * `maxPages` pages, a page with the same environments as an earlier one (a server
 * that ignores `start`) and more than `maxPages` pages each fail the read, and every
 * answer is read with a cap of `maxResponseBytes`.
 */
export class PortainerClient {
  readonly #options: PortainerClientOptions;
  readonly #fetch: typeof fetch;

  constructor(options: PortainerClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? fetch;
  }

  async readInventory(signal?: AbortSignal): Promise<PortainerInventory> {
    const [endpoints, groups, tags] = await Promise.all([
      this.listKubernetesEndpoints(signal),
      this.#get('/api/endpoint_groups', signal).then(r =>
        parseEndpointGroups(r.body),
      ),
      this.#get('/api/tags', signal).then(r => parseTags(r.body)),
    ]);
    return { endpoints, groups, tags };
  }

  /** Every Kubernetes environment, page by page. */
  async listKubernetesEndpoints(
    signal?: AbortSignal,
  ): Promise<PortainerEndpoint[]> {
    const { pageSize } = this.#options;
    const guard = new PageGuard({
      what: 'GET /api/endpoints',
      maxPages: this.#options.maxPages ?? DEFAULT_MAX_PAGES,
      setting: this.#setting('maxPages'),
      cursorName: 'set of environments',
    });
    const byId = new Map<number, PortainerEndpoint>();
    for (let start = 0; ; start += pageSize) {
      const query = new URLSearchParams({
        start: String(start),
        limit: String(pageSize),
        sort: 'Name',
        order: 'asc',
      });
      for (const type of KUBERNETES_ENDPOINT_TYPES) {
        query.append('types[]', String(type));
      }
      const { body, headers } = await this.#get(
        `/api/endpoints?${query}`,
        signal,
      );
      const page = parseEndpoints(body);
      for (const endpoint of page) {
        byId.set(endpoint.Id, endpoint);
      }
      const total = totalCount(headers);
      if (total !== undefined && start === 0) {
        guard.expectItems(total, pageSize);
      }
      const more =
        total !== undefined
          ? start + page.length < total
          : page.length === pageSize;
      // The same environments again mean Portainer ignores `start`.
      guard.page(
        page
          .map(endpoint => endpoint.Id)
          .sort((a, b) => a - b)
          .join(','),
      );
      if (!more || page.length === 0) {
        break;
      }
      guard.more();
    }
    // The type filter is the server's; keep only Kubernetes even if it ignored it.
    return [...byId.values()].filter(endpoint =>
      (KUBERNETES_ENDPOINT_TYPES as readonly number[]).includes(endpoint.Type),
    );
  }

  #setting(key: string): string {
    return this.#options.settingPath?.(key) ?? key;
  }

  async #get(
    path: string,
    signal?: AbortSignal,
  ): Promise<{ body: unknown; headers: Headers }> {
    const what = `GET ${path.replace(/\?.*/, '')}`;
    const timeout = AbortSignal.timeout(this.#options.timeoutMs);
    let response: Response;
    try {
      response = await this.#fetch(`${this.#options.baseUrl}${path}`, {
        headers: {
          'X-API-KEY': this.#options.apiKey,
          Accept: 'application/json',
        },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (timeout.aborted) {
        throw new Error(
          `${what}: no answer within ${this.#options.timeoutMs / 1000} s`,
        );
      }
      throw new Error(`${what}: ${describeFetchError(error)}`);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      const hint =
        response.status === 401 || response.status === 403
          ? ' (check the apiKey)'
          : '';
      throw new Error(
        `${what}: ${response.status} ${response.statusText}${hint}`,
      );
    }
    let text: string;
    try {
      text = await readCappedBody(
        response,
        this.#options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
        { setting: this.#setting('maxResponseBytes') },
      );
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        throw new Error(`${what}: ${error.message}`);
      }
      throw new Error(
        timeout.aborted
          ? `${what}: no complete answer within ${
              this.#options.timeoutMs / 1000
            } s`
          : `${what}: ${describeFetchError(error)}`,
      );
    }
    try {
      return { body: JSON.parse(text), headers: response.headers };
    } catch {
      throw new Error(`${what}: the answer is not JSON`);
    }
  }
}

/** X-Total-Count as a number, when Portainer sent a usable one. */
function totalCount(headers: Headers): number | undefined {
  const header = headers.get('x-total-count');
  if (header === null || !/^\d+$/.test(header.trim())) {
    return undefined;
  }
  return Number(header);
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })
    ?.cause;
  return (
    cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error)
  );
}

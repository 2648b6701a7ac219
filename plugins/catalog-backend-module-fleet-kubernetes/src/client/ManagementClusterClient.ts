import {
  ConfigurationOptions,
  CoreV1Api,
  CustomObjectsApi,
  Observable,
  ObservableMiddleware,
} from '@kubernetes/client-node';
import {
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_RESPONSE_BYTES,
  PageGuard,
} from '@fleet-portal/plugin-fleet-node';
import { CappedHttpLibrary } from './CappedHttpLibrary';
import { makeKubeConfig, ManagementClusterConnection } from './kubeConfig';
import { ListRequestError, toListError } from './listErrors';

/** A custom resource to list: `/apis/<group>/<version>/<plural>`. */
export type CustomResourceType = {
  group: string;
  version: string;
  plural: string;
  kind: string;
};

export type ManagementClusterClientOptions = {
  connection: ManagementClusterConnection;
  /** `limit` of each list request; the rest is fetched with `continue`. */
  pageSize: number;
  /** Deadline of each HTTP request. */
  requestTimeoutMs: number;
  /** Pages one list may take; 1000 by default. */
  maxPages?: number;
  /** Bytes one page may have; 16 MiB by default. */
  maxResponseBytes?: number;
  /** Where a setting lives, for messages, e.g. `catalog.providers.fleetKubernetes.hub.maxPages`. */
  settingPath?: (key: string) => string;
};

/** One page of a Kubernetes list response, checked to be list-shaped. */
type ListPage = { items: unknown[]; continueToken?: string };

/**
 * Lists objects on a management cluster page by page and turns every failure
 * (HTTP status, timeout, TLS, malformed body, a body above `maxResponseBytes`) into a
 * {@link ListRequestError}. The API server is not trusted to end its lists: a
 * continue token it already gave, or more than `maxPages` pages, ends the list with a
 * `PagingError`.
 */
export class ManagementClusterClient {
  readonly url: string;
  private readonly customObjects: CustomObjectsApi;
  private readonly core: CoreV1Api;
  private readonly options: ManagementClusterClientOptions;
  private readonly httpApi: CappedHttpLibrary;

  constructor(options: ManagementClusterClientOptions) {
    this.options = options;
    this.url = options.connection.url.replace(/\/+$/, '');
    const kubeConfig = makeKubeConfig(options.connection);
    this.customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.httpApi = new CappedHttpLibrary({
      maxBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      setting: this.setting('maxResponseBytes'),
    });
  }

  /** Every object of a custom resource: cluster-wide, or in one namespace. */
  async listCustomObjects(
    resource: CustomResourceType,
    options: { namespace?: string; signal?: AbortSignal } = {},
  ): Promise<unknown[]> {
    const { group, version, plural } = resource;
    const path = options.namespace
      ? `/apis/${group}/${version}/namespaces/${options.namespace}/${plural}`
      : `/apis/${group}/${version}/${plural}`;
    return this.listAll(path, options.signal, (continueToken, requestOptions) =>
      options.namespace
        ? this.customObjects.listNamespacedCustomObject(
            {
              group,
              version,
              plural,
              namespace: options.namespace,
              limit: this.options.pageSize,
              _continue: continueToken,
            },
            requestOptions,
          )
        : this.customObjects.listClusterCustomObject(
            {
              group,
              version,
              plural,
              limit: this.options.pageSize,
              _continue: continueToken,
            },
            requestOptions,
          ),
    );
  }

  /** Every Secret in a namespace matching a label selector. */
  async listSecrets(
    namespace: string,
    labelSelector: string,
    signal?: AbortSignal,
  ): Promise<unknown[]> {
    return this.listAll(
      `/api/v1/namespaces/${namespace}/secrets`,
      signal,
      (continueToken, requestOptions) =>
        this.core.listNamespacedSecret(
          {
            namespace,
            labelSelector,
            limit: this.options.pageSize,
            _continue: continueToken,
          },
          requestOptions,
        ),
    );
  }

  private async listAll(
    path: string,
    signal: AbortSignal | undefined,
    fetchPage: (
      continueToken: string | undefined,
      requestOptions: ConfigurationOptions,
    ) => Promise<unknown>,
  ): Promise<unknown[]> {
    const guard = new PageGuard({
      what: `list ${this.url}${path}`,
      maxPages: this.options.maxPages ?? DEFAULT_MAX_PAGES,
      setting: this.setting('maxPages'),
      cursorName: 'continue token',
    });
    const items: unknown[] = [];
    let continueToken: string | undefined;
    do {
      const page = await this.fetchPage(path, signal, continueToken, fetchPage);
      items.push(...page.items);
      continueToken = page.continueToken;
      guard.page(continueToken);
      if (continueToken) {
        guard.more();
      }
    } while (continueToken);
    return items;
  }

  private setting(key: string): string {
    return this.options.settingPath?.(key) ?? key;
  }

  private async fetchPage(
    path: string,
    signal: AbortSignal | undefined,
    continueToken: string | undefined,
    fetchPage: (
      continueToken: string | undefined,
      requestOptions: ConfigurationOptions,
    ) => Promise<unknown>,
  ): Promise<ListPage> {
    const timeout = AbortSignal.timeout(this.options.requestTimeoutMs);
    const requestSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let body: unknown;
    try {
      body = await fetchPage(continueToken, {
        ...abortWith(requestSignal),
        httpApi: this.httpApi,
      });
    } catch (error) {
      throw toListError(error, {
        url: `${this.url}${path}`,
        timedOut: timeout.aborted,
        timeoutMs: this.options.requestTimeoutMs,
      });
    }
    return readListPage(body, `${this.url}${path}`);
  }
}

/** Checks that a body is a Kubernetes list and reads its continue token. */
export function readListPage(body: unknown, url: string): ListPage {
  const list = body as
    | {
        items?: unknown;
        metadata?: { continue?: unknown; _continue?: unknown };
      }
    | undefined;
  if (!list || typeof list !== 'object' || !Array.isArray(list.items)) {
    throw new ListRequestError(
      `malformed response from ${url}: expected a Kubernetes list with an "items" array`,
    );
  }
  // Custom objects keep the wire name `continue`; typed lists (secrets) are
  // deserialised by the client into `_continue`.
  const continueToken = list.metadata?.continue ?? list.metadata?._continue;
  if (continueToken !== undefined && typeof continueToken !== 'string') {
    throw new ListRequestError(
      `malformed response from ${url}: metadata.continue is not a string`,
    );
  }
  return { items: list.items, continueToken: continueToken || undefined };
}

function abortWith(signal: AbortSignal): ConfigurationOptions {
  const middleware: ObservableMiddleware = {
    pre: context => {
      context.setSignal(signal);
      return new Observable(Promise.resolve(context));
    },
    post: context => new Observable(Promise.resolve(context)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}

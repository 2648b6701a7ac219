import type { ObservedCluster } from '@fleet-portal/plugin-fleet-node';
import type {
  ArgoCdApiClient,
  ArgoCdConnectionState,
} from '../client/ArgoCdApiClient';
import { KubernetesSource, KubernetesSourceOptions } from './KubernetesSource';
import { expandLinkTemplate, MapContext, mapLabels } from './labelMapping';
import { asString, asStringMap, field, readMetadata } from './objectFields';
import { ARGOCD_CLUSTER_SELECTOR, ARGOCD_SECRET_TYPE_LABEL } from './resources';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * One Argo CD cluster secret (label `argocd.argoproj.io/secret-type: cluster`) as an
 * observed cluster: `data.name` and `data.server` (base64), labels mapped like
 * Argo CD's own SecretToCluster does (every label but the secret-type one).
 * `data.config` holds the cluster's credentials and is never decoded.
 * A secret carries no connection state, so the status is `unknown`.
 */
export function mapArgoCdClusterSecret(
  object: unknown,
  context: MapContext,
): ObservedCluster {
  const metadata = readMetadata(object, 'Secret');
  const data = asStringMap(field(object, 'data'));
  const where = `Argo CD cluster secret ${metadata.namespace ?? ''}/${
    metadata.name
  }`;
  const server = decode(data.server, `${where}: data.server`);
  if (!server) {
    throw new Error(`${where} has no data.server`);
  }
  const name = decode(data.name, `${where}: data.name`);
  if (!name) {
    throw new Error(`${where} has no data.name`);
  }
  const { [ARGOCD_SECRET_TYPE_LABEL]: _secretType, ...labels } =
    metadata.labels;
  return {
    name,
    externalId: metadata.uid,
    url: context.link({
      name,
      namespace: metadata.namespace,
      uid: metadata.uid,
      server,
    }),
    agent: 'argocd',
    status: 'unknown',
    statusMessage: 'Argo CD cluster secrets carry no connection state',
    apiServerUrl: server,
    ...mapLabels(labels, context.labels),
  };
}

function decode(value: string | undefined, what: string): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const compact = value.replace(/\s+/g, '');
  if (!BASE64.test(compact) || compact.length % 4 !== 0) {
    throw new Error(`${what} is not base64`);
  }
  return asString(Buffer.from(compact, 'base64').toString('utf8').trim());
}

/**
 * A cluster with the connection state Argo CD's API reports for its server:
 * `Successful` is connected, `Failed` disconnected, anything else unknown (Argo CD
 * connects only to clusters that have applications).
 */
export function withConnectionState(
  cluster: ObservedCluster,
  state: ArgoCdConnectionState | undefined,
): ObservedCluster {
  if (!state) {
    return {
      ...cluster,
      statusMessage:
        "Argo CD's API reports no connection state for this server",
    };
  }
  const status: Record<string, ObservedCluster['status']> = {
    Successful: 'connected',
    Failed: 'disconnected',
  };
  return {
    ...cluster,
    status: status[state.status] ?? 'unknown',
    statusMessage: state.message
      ? `${state.status}: ${state.message}`
      : `Argo CD connection state ${state.status}`,
    lastSeen: state.attemptedAt,
    kubernetesVersion: state.serverVersion ?? cluster.kubernetesVersion,
  };
}

/** Argo CD matches clusters by server URL; a trailing slash makes no difference. */
function serverKey(server: string): string {
  return server.replace(/\/+$/, '');
}

/**
 * The clusters Argo CD knows from its cluster secrets, in Argo CD's namespace; with
 * `api`, their connection state from Argo CD's API server (a failure of either
 * fails the source).
 */
export class ArgoCdSource extends KubernetesSource {
  readonly type = 'argocd';
  private readonly namespace: string;
  private readonly api?: ArgoCdApiClient;

  constructor(
    options: KubernetesSourceOptions & {
      namespace: string;
      api?: ArgoCdApiClient;
    },
  ) {
    super(options);
    this.namespace = options.namespace;
    this.api = options.api;
  }

  async listClusters(signal?: AbortSignal): Promise<ObservedCluster[]> {
    const [clusters, states] = await Promise.all([
      super.listClusters(signal),
      this.connectionStates(signal),
    ]);
    if (!states) {
      return clusters;
    }
    return clusters.map(cluster =>
      withConnectionState(
        cluster,
        states.get(serverKey(cluster.apiServerUrl ?? '')),
      ),
    );
  }

  private async connectionStates(
    signal?: AbortSignal,
  ): Promise<Map<string, ArgoCdConnectionState> | undefined> {
    if (!this.api) {
      return undefined;
    }
    try {
      const states = await this.api.listConnectionStates(signal);
      return new Map(states.map(state => [serverKey(state.server), state]));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${this.type} source "${this.id}": Argo CD API: ${message}`,
      );
    }
  }

  protected listObjects(signal?: AbortSignal): Promise<unknown[]> {
    return this.client.listSecrets(
      this.namespace,
      ARGOCD_CLUSTER_SELECTOR,
      signal,
    );
  }

  protected mapObject(object: unknown): ObservedCluster {
    return mapArgoCdClusterSecret(object, {
      labels: this.labels,
      // Argo CD's UI has no stable per-cluster page without its base URL; link only when configured.
      link: values =>
        this.linkTemplate
          ? expandLinkTemplate(this.linkTemplate, values)
          : undefined,
    });
  }
}

import type { ObservedCluster } from '@fleet-portal/plugin-fleet-node';
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

/** The clusters Argo CD knows from its cluster secrets, in Argo CD's namespace. */
export class ArgoCdSource extends KubernetesSource {
  readonly type = 'argocd';
  private readonly namespace: string;

  constructor(options: KubernetesSourceOptions & { namespace: string }) {
    super(options);
    this.namespace = options.namespace;
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

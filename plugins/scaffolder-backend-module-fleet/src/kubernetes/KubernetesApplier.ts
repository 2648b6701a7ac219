import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { redact } from '@fleet-portal/plugin-fleet-node';
import { importEsm } from '../importEsm';

/** API access to one cluster, from the `kubernetes` config of the Kubernetes plugin. */
export type ClusterAccess = {
  name: string;
  url: string;
  serviceAccountToken?: string;
  caData?: string;
  skipTLSVerify?: boolean;
};

type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
};

export const FIELD_MANAGER = 'fleet-portal';

/**
 * Server-side applies manifests (`PATCH` with `application/apply-patch+yaml`, field
 * manager `fleet-portal`, force) to clusters listed in Backstage's `kubernetes` config
 * (`clusterLocatorMethods` of type `config`, service account token auth). Credentials
 * come only from that config; they are never logged and never part of a result or
 * an error message.
 */
export class KubernetesApplier {
  static fromConfig(config: Config): KubernetesApplier {
    const enabled =
      config.getOptionalBoolean('fleetPortal.scaffolder.applyDirectChanges') ??
      false;
    const clusters = new Map<string, ClusterAccess>();
    for (const method of config.getOptionalConfigArray(
      'kubernetes.clusterLocatorMethods',
    ) ?? []) {
      if (method.getString('type') !== 'config') {
        continue;
      }
      for (const cluster of method.getOptionalConfigArray('clusters') ?? []) {
        const name = cluster.getString('name');
        clusters.set(name, {
          name,
          url: cluster.getString('url'),
          serviceAccountToken: cluster.getOptionalString('serviceAccountToken'),
          caData: cluster.getOptionalString('caData'),
          skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify'),
        });
      }
    }
    return new KubernetesApplier(enabled, clusters);
  }

  constructor(
    readonly enabled: boolean,
    private readonly clusters: Map<string, ClusterAccess>,
  ) {}

  /**
   * Applies the manifests in order and resolves with `Kind/namespace/name` of each.
   * A cluster without access config is skipped (the change is in Git either way).
   */
  async apply(
    clusterName: string,
    manifests: Manifest[],
    options: { logger: LoggerService; signal?: AbortSignal },
  ): Promise<string[]> {
    const access = this.clusters.get(clusterName);
    if (!access) {
      options.logger.info(
        `Not applied: no access to cluster ${clusterName} in the kubernetes config; the change is in the platform repository`,
      );
      return [];
    }
    const secrets = access.serviceAccountToken
      ? [access.serviceAccountToken]
      : [];
    const k8s = await importEsm<typeof import('@kubernetes/client-node')>(
      '@kubernetes/client-node',
    );
    const kubeConfig = new k8s.KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [
        {
          name: access.name,
          server: access.url,
          caData: access.caData,
          skipTLSVerify: access.skipTLSVerify ?? false,
        },
      ],
      users: [{ name: FIELD_MANAGER, token: access.serviceAccountToken }],
      contexts: [
        { name: access.name, cluster: access.name, user: FIELD_MANAGER },
      ],
      currentContext: access.name,
    });
    const client = k8s.KubernetesObjectApi.makeApiClient(kubeConfig);
    const applied: string[] = [];
    for (const manifest of manifests) {
      options.signal?.throwIfAborted();
      const id = [
        manifest.kind,
        manifest.metadata.namespace,
        manifest.metadata.name,
      ]
        .filter(Boolean)
        .join('/');
      try {
        await client.patch(
          manifest as any,
          undefined,
          undefined,
          FIELD_MANAGER,
          true,
          k8s.PatchStrategy.ServerSideApply,
        );
      } catch (error) {
        throw new Error(
          redact(
            `Server-side apply of ${id} to cluster ${clusterName} failed: ${String(
              (error as Error)?.message ?? error,
            ).slice(0, 1000)}`,
            secrets,
          ),
        );
      }
      options.logger.info(`Applied ${id} to cluster ${clusterName}`);
      applied.push(id);
    }
    return applied;
  }
}

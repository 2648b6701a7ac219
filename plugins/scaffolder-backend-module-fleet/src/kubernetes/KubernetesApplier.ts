import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import { redact } from '@fleet-portal/plugin-fleet-node';
import { importEsm } from '../importEsm';
import {
  DirectApplyScope,
  directApplyProblems,
  manifestId,
} from './directApplyPolicy';

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

/** Whether a namespace exists on a cluster, as its API server answers. */
export type LiveNamespaceState = 'absent' | 'present' | 'no-access';

/**
 * Server-side applies manifests (`PATCH` with `application/apply-patch+yaml`, field
 * manager `fleet-portal`) to clusters listed in Backstage's `kubernetes` config
 * (`clusterLocatorMethods` of type `config`, service account token auth). Credentials
 * come only from that config; they are never logged and never part of a result or
 * an error message.
 *
 * Only the namespaced baseline kinds of one namespace are applied (`directApplyPolicy.ts`),
 * and without `force`: the apply creates a namespace nobody else manages (the caller checks
 * with `namespaceState` that it does not exist yet), so there is no other field manager
 * whose conflicts could need overriding — a conflict means someone else manages the
 * object, and the apply fails instead of taking it over.
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
   * Whether the namespace exists on the cluster (`GET /api/v1/namespaces/<name>`: 200 is
   * present, 404 absent), or `no-access` for a cluster without an entry in the kubernetes
   * config. Any other answer means the state cannot be verified: an error.
   */
  async namespaceState(
    clusterName: string,
    namespace: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<LiveNamespaceState> {
    const access = this.clusters.get(clusterName);
    if (!access) {
      return 'no-access';
    }
    const k8s = await loadClient();
    const api = (await this.#kubeConfig(access)).makeApiClient(k8s.CoreV1Api);
    options.signal?.throwIfAborted();
    try {
      await api.readNamespace({ name: namespace });
      return 'present';
    } catch (error) {
      if (error instanceof k8s.ApiException && error.code === 404) {
        return 'absent';
      }
      const status =
        error instanceof k8s.ApiException
          ? `the API server answered ${error.code}`
          : String((error as Error)?.message ?? error).slice(0, 500);
      throw new Error(
        redact(
          `Cannot verify whether namespace ${namespace} exists on cluster ${clusterName}: ${status}`,
          secretsOf(access),
        ),
      );
    }
  }

  /**
   * What the namespace uses now, from its ResourceQuotas' `status.used` (resource → quantity),
   * or undefined when the cluster has no entry in the kubernetes config or does not answer:
   * a Day-2 change checks quota against live usage only where it can be known.
   */
  async quotaUsed(
    clusterName: string,
    namespace: string,
    options: { signal?: AbortSignal; logger?: LoggerService } = {},
  ): Promise<Record<string, string> | undefined> {
    const access = this.clusters.get(clusterName);
    if (!access) {
      return undefined;
    }
    const k8s = await loadClient();
    const api = (await this.#kubeConfig(access)).makeApiClient(k8s.CoreV1Api);
    options.signal?.throwIfAborted();
    try {
      const list = await api.listNamespacedResourceQuota({ namespace });
      const used: Record<string, string> = {};
      for (const quota of list.items ?? []) {
        for (const [resource, value] of Object.entries(
          quota.status?.used ?? {},
        )) {
          used[resource] ??= String(value);
        }
      }
      return used;
    } catch (error) {
      options.logger?.warn(
        redact(
          `Live usage of ${namespace} on ${clusterName} unknown: ${String(
            (error as Error)?.message ?? error,
          ).slice(0, 300)}`,
          secretsOf(access),
        ),
      );
      return undefined;
    }
  }

  /**
   * Applies the manifests in order and resolves with `Kind/namespace/name` of each.
   * Manifests outside the scope are refused (NotAllowedError) before anything is applied.
   * A cluster without access config is skipped (the change is in Git either way).
   */
  async apply(
    clusterName: string,
    manifests: Manifest[],
    options: {
      logger: LoggerService;
      signal?: AbortSignal;
      scope: DirectApplyScope;
    },
  ): Promise<string[]> {
    const problems = directApplyProblems(manifests, options.scope);
    if (problems.length > 0) {
      throw new NotAllowedError(
        `Direct apply to cluster ${clusterName} refused: ${problems.join(
          '; ',
        )}`,
      );
    }
    const access = this.clusters.get(clusterName);
    if (!access) {
      options.logger.info(
        `Not applied: no access to cluster ${clusterName} in the kubernetes config; the change is in the platform repository`,
      );
      return [];
    }
    const k8s = await loadClient();
    const client = k8s.KubernetesObjectApi.makeApiClient(
      await this.#kubeConfig(access),
    );
    const applied: string[] = [];
    for (const manifest of manifests) {
      options.signal?.throwIfAborted();
      const id = manifestId(manifest);
      try {
        await client.patch(
          manifest as any,
          undefined,
          undefined,
          FIELD_MANAGER,
          undefined,
          k8s.PatchStrategy.ServerSideApply,
        );
      } catch (error) {
        throw new Error(
          redact(
            `Server-side apply of ${id} to cluster ${clusterName} failed: ${String(
              (error as Error)?.message ?? error,
            ).slice(0, 1000)}`,
            secretsOf(access),
          ),
        );
      }
      options.logger.info(`Applied ${id} to cluster ${clusterName}`);
      applied.push(id);
    }
    return applied;
  }

  async #kubeConfig(access: ClusterAccess) {
    const k8s = await loadClient();
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
    return kubeConfig;
  }
}

function loadClient() {
  return importEsm<typeof import('@kubernetes/client-node')>(
    '@kubernetes/client-node',
  );
}

function secretsOf(access: ClusterAccess): string[] {
  return access.serviceAccountToken ? [access.serviceAccountToken] : [];
}

import type { ObservedCluster } from '@fleet-portal/plugin-fleet-node';
import { ListRequestError } from '../client/listErrors';
import {
  Condition,
  describeCondition,
  findCondition,
  readConditions,
} from './conditions';
import { KubernetesSource, KubernetesSourceOptions } from './KubernetesSource';
import { expandLinkTemplate, MapContext, mapLabels } from './labelMapping';
import {
  asArray,
  asBoolean,
  asObject,
  asString,
  field,
  readMetadata,
} from './objectFields';
import {
  CLUSTER_API_VERSIONS,
  ClusterApiVersion,
  clusterApiCluster,
  crdName,
} from './resources';

type Verdict = { status: ObservedCluster['status']; message?: string };

/**
 * One Cluster API `Cluster` (cluster.x-k8s.io) as an observed cluster, in either
 * status shape:
 *
 * - v1beta2 (storage version since Cluster API 1.11): `status.initialization`
 *   `{infrastructureProvisioned, controlPlaneInitialized}`, metav1 conditions with
 *   `Available`, the old conditions and failure fields under `status.deprecated.v1beta1`;
 *   version in `spec.topology.version` (`spec.topology.classRef` names the class).
 * - v1beta1: `status.{infrastructureReady, controlPlaneReady, failureReason,
 *   failureMessage}`, conditions with `Ready`, and since 1.9 the new conditions
 *   under `status.v1beta2.conditions`; version in `spec.topology.version`.
 *
 * Phase `Failed` or a failure reason is failed; `Pending`/`Provisioning` or an
 * unfinished initialization is provisioning; then `Available` (or v1beta1 `Ready`)
 * True is connected, False is disconnected; without either condition, a v1beta1
 * cluster with infrastructure and control plane ready is connected.
 */
export function mapClusterApiCluster(
  object: unknown,
  context: MapContext,
): ObservedCluster {
  const metadata = readMetadata(object, 'Cluster');
  const version = clusterApiVersionOf(object);
  const verdict =
    version === 'v1beta2' ? v1beta2Status(object) : v1beta1Status(object);
  const endpointHost = asString(
    field(object, 'spec', 'controlPlaneEndpoint', 'host'),
  );
  const endpointPort = field(object, 'spec', 'controlPlaneEndpoint', 'port');
  return {
    name: metadata.name,
    externalId: metadata.uid,
    url: context.link({
      name: metadata.name,
      namespace: metadata.namespace,
      uid: metadata.uid,
      version,
    }),
    agent: 'cluster-api',
    status: metadata.deleting ? 'disconnected' : verdict.status,
    statusMessage: metadata.deleting
      ? 'being deleted (deletionTimestamp set)'
      : verdict.message,
    kubernetesVersion:
      asString(field(object, 'spec', 'topology', 'version')) ??
      singleControlPlaneVersion(object),
    apiServerUrl: endpointHost
      ? apiServerUrl(endpointHost, endpointPort)
      : undefined,
    ...mapLabels(metadata.labels, context.labels),
  };
}

/** Which status shape an object has: by its apiVersion, else by its fields. */
function clusterApiVersionOf(object: unknown): ClusterApiVersion {
  const apiVersion = asString(field(object, 'apiVersion'));
  if (apiVersion === 'cluster.x-k8s.io/v1beta1') {
    return 'v1beta1';
  }
  if (apiVersion === 'cluster.x-k8s.io/v1beta2') {
    return 'v1beta2';
  }
  const status = field(object, 'status');
  return asObject(field(status, 'initialization')) ||
    asObject(field(status, 'deprecated'))
    ? 'v1beta2'
    : 'v1beta1';
}

function v1beta2Status(object: unknown): Verdict {
  const status = field(object, 'status');
  const phase = asString(field(status, 'phase'));
  const conditions = readConditions(field(status, 'conditions'));
  const deprecated = field(status, 'deprecated', 'v1beta1');
  const failure =
    asString(field(deprecated, 'failureMessage')) ??
    asString(field(deprecated, 'failureReason'));
  const infrastructureProvisioned = asBoolean(
    field(status, 'initialization', 'infrastructureProvisioned'),
  );
  const controlPlaneInitialized = asBoolean(
    field(status, 'initialization', 'controlPlaneInitialized'),
  );
  const available = findCondition(conditions, 'Available');
  return decide({
    phase,
    failure,
    initialized:
      infrastructureProvisioned === true && controlPlaneInitialized === true,
    summary: available,
    readyWithoutConditions: false,
  });
}

function v1beta1Status(object: unknown): Verdict {
  const status = field(object, 'status');
  const phase = asString(field(status, 'phase'));
  const failure =
    asString(field(status, 'failureMessage')) ??
    asString(field(status, 'failureReason'));
  const infrastructureReady = asBoolean(field(status, 'infrastructureReady'));
  const controlPlaneReady = asBoolean(field(status, 'controlPlaneReady'));
  const available = findCondition(
    readConditions(field(status, 'v1beta2', 'conditions')),
    'Available',
  );
  const ready = findCondition(
    readConditions(field(status, 'conditions')),
    'Ready',
  );
  return decide({
    phase,
    failure,
    initialized: infrastructureReady === true,
    summary: available ?? ready,
    readyWithoutConditions:
      infrastructureReady === true && controlPlaneReady === true,
  });
}

function decide(facts: {
  phase?: string;
  failure?: string;
  initialized: boolean;
  summary?: Condition;
  readyWithoutConditions: boolean;
}): Verdict {
  const { phase, failure, summary } = facts;
  const phaseText = phase ? `phase ${phase}` : undefined;
  if (phase === 'Failed' || failure) {
    return {
      status: 'failed',
      message: failure ?? describeCondition(summary) ?? phaseText,
    };
  }
  if (phase === 'Pending' || phase === 'Provisioning' || !facts.initialized) {
    return {
      status: 'provisioning',
      message: describeCondition(summary) ?? phaseText,
    };
  }
  if (phase === 'Deleting') {
    return { status: 'disconnected', message: phaseText };
  }
  if (summary?.status === 'True') {
    return { status: 'connected', message: describeCondition(summary) };
  }
  if (summary?.status === 'False') {
    return { status: 'disconnected', message: describeCondition(summary) };
  }
  if (!summary && facts.readyWithoutConditions) {
    return { status: 'connected', message: phaseText };
  }
  return {
    status: 'unknown',
    message: describeCondition(summary) ?? phaseText,
  };
}

// v1beta2 status.controlPlane.versions lists the versions the control plane
// machines run; one entry means the control plane is on one version.
function singleControlPlaneVersion(object: unknown): string | undefined {
  const versions = asArray(field(object, 'status', 'controlPlane', 'versions'));
  return versions.length === 1
    ? asString(field(versions[0], 'version'))
    : undefined;
}

function apiServerUrl(host: string, port: unknown): string {
  const bracketed =
    host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return typeof port === 'number' && port > 0
    ? `https://${bracketed}:${port}`
    : `https://${bracketed}`;
}

/**
 * The Cluster API Clusters of a management cluster: in every namespace, or in the
 * configured ones. Reads `cluster.x-k8s.io/v1beta2` and falls back to `v1beta1` when
 * the API server does not serve v1beta2 (Cluster API before 1.11).
 */
export class ClusterApiSource extends KubernetesSource {
  readonly type = 'cluster-api';
  private readonly namespaces?: string[];
  /** The version the API server served last time, tried first. */
  private servedVersion?: ClusterApiVersion;

  constructor(options: KubernetesSourceOptions & { namespaces?: string[] }) {
    super(options);
    this.namespaces = options.namespaces?.length
      ? options.namespaces
      : undefined;
  }

  protected async listObjects(signal?: AbortSignal): Promise<unknown[]> {
    const versions = this.servedVersion
      ? [
          this.servedVersion,
          ...CLUSTER_API_VERSIONS.filter(v => v !== this.servedVersion),
        ]
      : [...CLUSTER_API_VERSIONS];
    for (const version of versions) {
      try {
        const objects = await this.listVersion(version, signal);
        this.servedVersion = version;
        return objects;
      } catch (error) {
        if (!(error instanceof ListRequestError && error.status === 404)) {
          throw error;
        }
      }
    }
    throw new ListRequestError(
      `the CRD ${crdName(
        clusterApiCluster('v1beta2'),
      )} (cluster.x-k8s.io/${CLUSTER_API_VERSIONS.join(
        ' or ',
      )}) is not installed on the management cluster ${this.client.url}`,
      404,
    );
  }

  private async listVersion(
    version: ClusterApiVersion,
    signal?: AbortSignal,
  ): Promise<unknown[]> {
    const resource = clusterApiCluster(version);
    if (!this.namespaces) {
      return this.client.listCustomObjects(resource, { signal });
    }
    const objects: unknown[] = [];
    for (const namespace of this.namespaces) {
      objects.push(
        ...(await this.client.listCustomObjects(resource, {
          namespace,
          signal,
        })),
      );
    }
    return objects;
  }

  protected mapObject(object: unknown): ObservedCluster {
    return mapClusterApiCluster(object, {
      labels: this.labels,
      link: values =>
        this.linkTemplate
          ? expandLinkTemplate(this.linkTemplate, values)
          : `${this.client.url}/apis/cluster.x-k8s.io/${
              values.version
            }/namespaces/${encodeURIComponent(
              values.namespace ?? '',
            )}/clusters/${encodeURIComponent(values.name!)}`,
    });
  }
}

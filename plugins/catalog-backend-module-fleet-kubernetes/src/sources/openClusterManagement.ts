import type { ObservedCluster } from '@fleet-portal/plugin-fleet-node';
import {
  Condition,
  describeCondition,
  findCondition,
  readConditions,
} from './conditions';
import { listOrExplainMissingCrd } from './crdNotInstalled';
import { KubernetesSource } from './KubernetesSource';
import { expandLinkTemplate, MapContext, mapLabels } from './labelMapping';
import { asArray, asString, field, readMetadata } from './objectFields';
import { MANAGED_CLUSTER } from './resources';

// Condition types of open-cluster-management-io/api cluster/v1/types.go.
const AVAILABLE = 'ManagedClusterConditionAvailable';
const JOINED = 'ManagedClusterJoined';
const HUB_ACCEPTED = 'HubAcceptedManagedCluster';
/** Reserved cluster claim with the Kubernetes version (cluster/v1alpha1 ReservedClusterClaimNames). */
const KUBE_VERSION_CLAIM = 'kubeversion.open-cluster-management.io';

/**
 * One Open Cluster Management `ManagedCluster` (cluster.open-cluster-management.io/v1)
 * as an observed cluster. Connection state from the hub's conditions:
 * Available=True is connected; Available=False, or not True after the cluster joined
 * (the klusterlet stopped renewing its lease), is disconnected; a cluster not yet
 * accepted or joined is provisioning.
 */
export function mapManagedCluster(
  object: unknown,
  context: MapContext,
): ObservedCluster {
  const metadata = readMetadata(object, 'ManagedCluster');
  const conditions = readConditions(field(object, 'status', 'conditions'));
  const { status, reportedBy } = managedClusterStatus(conditions);
  const claims = asArray(field(object, 'status', 'clusterClaims'));
  const versionClaim = claims.find(
    claim => field(claim, 'name') === KUBE_VERSION_CLAIM,
  );
  const apiServerUrl = asArray(
    field(object, 'spec', 'managedClusterClientConfigs'),
  )
    .map(config => asString(field(config, 'url')))
    .find(Boolean);
  return {
    name: metadata.name,
    externalId: metadata.uid,
    url: context.link({ name: metadata.name, uid: metadata.uid }),
    agent: 'klusterlet',
    status,
    statusMessage: metadata.deleting
      ? 'being removed from the hub (deletionTimestamp set)'
      : describeCondition(reportedBy),
    kubernetesVersion:
      asString(field(object, 'status', 'version', 'kubernetes')) ??
      asString(field(versionClaim, 'value')),
    lastSeen: reportedBy?.lastTransitionTime,
    apiServerUrl,
    ...mapLabels(metadata.labels, context.labels),
  };
}

function managedClusterStatus(conditions: Condition[]): {
  status: ObservedCluster['status'];
  reportedBy?: Condition;
} {
  const available = findCondition(conditions, AVAILABLE);
  const joined = findCondition(conditions, JOINED);
  const accepted = findCondition(conditions, HUB_ACCEPTED);
  if (available?.status === 'True') {
    return { status: 'connected', reportedBy: available };
  }
  if (available?.status === 'False') {
    return { status: 'disconnected', reportedBy: available };
  }
  if (joined?.status === 'True') {
    return { status: 'disconnected', reportedBy: available ?? joined };
  }
  if (accepted || joined) {
    return { status: 'provisioning', reportedBy: joined ?? accepted };
  }
  return { status: 'unknown' };
}

/** The ManagedClusters of an Open Cluster Management hub. */
export class OpenClusterManagementSource extends KubernetesSource {
  readonly type = 'open-cluster-management';

  protected listObjects(signal?: AbortSignal): Promise<unknown[]> {
    return listOrExplainMissingCrd(MANAGED_CLUSTER, this.client.url, () =>
      this.client.listCustomObjects(MANAGED_CLUSTER, { signal }),
    );
  }

  protected mapObject(object: unknown): ObservedCluster {
    return mapManagedCluster(object, {
      labels: this.labels,
      link: values =>
        this.linkTemplate
          ? expandLinkTemplate(this.linkTemplate, values)
          : `${this.client.url}/apis/${MANAGED_CLUSTER.group}/${
              MANAGED_CLUSTER.version
            }/${MANAGED_CLUSTER.plural}/${encodeURIComponent(values.name!)}`,
    });
  }
}

import type { ObservedCluster } from './types';

/**
 * On an entity a management-plane provider emitted itself (a cluster the platform
 * repository lacks): `<source type>:<source id>` of the emitting source.
 */
export const ANNOTATION_MANAGEMENT_PLANE = 'fleet-portal.dev/management-plane';

/** The fields of an ObservedCluster attached to cluster entities, and their annotation names. */
const FACT_ANNOTATIONS = {
  externalId: 'id',
  url: 'url',
  agent: 'agent',
  agentVersion: 'agent-version',
  status: 'status',
  statusMessage: 'status-message',
  kubernetesVersion: 'kubernetes-version',
  lastSeen: 'last-seen',
  apiServerUrl: 'api-server',
} as const satisfies Partial<Record<keyof ObservedCluster, string>>;

/**
 * The annotation that carries one fact of one kind of source, e.g.
 * `portainer.fleet-portal.dev/kubernetes-version`.
 */
export function managementPlaneAnnotation(
  sourceType: string,
  fact: keyof typeof FACT_ANNOTATIONS | 'instance',
): string {
  const name = fact === 'instance' ? 'instance' : FACT_ANNOTATIONS[fact];
  return `${sourceType}.fleet-portal.dev/${name}`;
}

/** The annotations of one source's facts about a cluster (absent facts are left out). */
export function factAnnotations(
  sourceType: string,
  sourceId: string,
  cluster: ObservedCluster,
): Record<string, string> {
  const annotations: Record<string, string> = {
    [managementPlaneAnnotation(sourceType, 'instance')]: sourceId,
  };
  for (const [field, name] of Object.entries(FACT_ANNOTATIONS)) {
    const value = cluster[field as keyof typeof FACT_ANNOTATIONS];
    if (value !== undefined && value !== '') {
      annotations[`${sourceType}.fleet-portal.dev/${name}`] = String(value);
    }
  }
  return annotations;
}

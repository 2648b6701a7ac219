import type { Entity, EntityLink } from '@backstage/catalog-model';
import { factAnnotations } from './annotations';
import type { ObservedCluster } from './types';

/** The link type of links into a management plane. */
export const MANAGEMENT_PLANE_LINK_TYPE = 'fleet-portal.dev/management-plane';

const SOURCE_TITLES: Record<string, string> = {
  portainer: 'Portainer',
  'open-cluster-management': 'Open Cluster Management',
  'cluster-api': 'Cluster API',
  argocd: 'Argo CD',
};

/** How a kind of source is called in links and messages, e.g. `Portainer`. */
export function sourceTitle(sourceType: string): string {
  return SOURCE_TITLES[sourceType] ?? sourceType;
}

/** The link into a source instance's UI for one cluster. */
export function managementPlaneLink(
  sourceType: string,
  sourceId: string,
  url: string,
): EntityLink {
  return {
    url,
    title: `${sourceTitle(sourceType)} (${sourceId})`,
    icon: 'dashboard',
    type: MANAGEMENT_PLANE_LINK_TYPE,
  };
}

/**
 * The entity with what the instances of one kind of source report about it: their
 * facts as `<source type>.fleet-portal.dev/...` annotations and a link into each
 * instance. When several instances of the same kind know the cluster, the first by
 * source id gives the annotations; each gives a link.
 */
export function attachFacts(
  entity: Entity,
  sourceType: string,
  facts: Array<{ sourceId: string; cluster: ObservedCluster }>,
): Entity {
  if (facts.length === 0) {
    return entity;
  }
  const [first] = [...facts].sort((a, b) =>
    a.sourceId.localeCompare(b.sourceId),
  );
  const links = [...(entity.metadata.links ?? [])];
  for (const { sourceId, cluster } of facts) {
    if (cluster.url && !links.some(link => link.url === cluster.url)) {
      links.push(managementPlaneLink(sourceType, sourceId, cluster.url));
    }
  }
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        ...factAnnotations(sourceType, first.sourceId, first.cluster),
      },
      links,
    },
  };
}

import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_VIEW_URL,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_FLEET_GOVERNED,
  ANNOTATION_FLEET_SOURCE,
  CLUSTER_SPEC_TYPE,
  ENVIRONMENTS,
  validateClusterFleetFields,
} from '@fleet-portal/plugin-fleet-common';
import { ANNOTATION_MANAGEMENT_PLANE } from './annotations';
import { attachFacts, sourceTitle } from './attachFacts';
import { sourceKey, ungovernedNamespace } from './naming';
import type { ObservedCluster } from './types';

/** The location type of entities a management-plane provider emits. */
export const MANAGEMENT_PLANE_LOCATION_TYPE = 'fleet-management-plane';

/** The managed-by location of a source's own entities, e.g. `fleet-management-plane:portainer/prod`. */
export function managementPlaneLocation(source: {
  type: string;
  id: string;
}): string {
  return `${MANAGEMENT_PLANE_LOCATION_TYPE}:${source.type}/${source.id}`;
}

/** The entity and what had to be left out of it. */
export type UngovernedClusterEntity = {
  entity: Entity;
  /** Mapped values that were not usable, e.g. `environment "prod" is not one of ...`. */
  dropped: string[];
};

/**
 * The catalog entity of a cluster a source knows and the platform repository lacks:
 * a kubernetes-cluster Resource in the source's own namespace, owned by the mapped
 * owner or the default owner, marked ungoverned (`fleet-portal.dev/governed: "false"`)
 * so the lifecycle and governance views list it, carrying the source's facts.
 * Mapped environment, region and owner are used only when well-formed.
 */
export function ungovernedClusterEntity(options: {
  source: { type: string; id: string };
  name: string;
  cluster: ObservedCluster;
  defaultOwner: string;
}): UngovernedClusterEntity {
  const { source, name, cluster, defaultOwner } = options;
  const dropped: string[] = [];
  let owner = defaultOwner;
  if (cluster.owner) {
    try {
      owner = stringifyEntityRef(
        parseEntityRef(cluster.owner, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch {
      dropped.push(
        `owner ${JSON.stringify(cluster.owner)} is not an entity reference`,
      );
    }
  }
  const spec: Record<string, string> = { type: CLUSTER_SPEC_TYPE, owner };
  if (cluster.environment) {
    if ((ENVIRONMENTS as readonly string[]).includes(cluster.environment)) {
      spec.environment = cluster.environment;
    } else {
      dropped.push(
        `environment ${JSON.stringify(
          cluster.environment,
        )} is not one of ${ENVIRONMENTS.join(', ')}`,
      );
    }
  }
  if (cluster.region) {
    spec.region = cluster.region;
  }
  const location = managementPlaneLocation(source);
  const title = sourceTitle(source.type);
  let entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: ungovernedNamespace(source),
      ...(cluster.name !== name ? { title: cluster.name } : {}),
      description: `Known to ${title} (${source.id}) but not in the platform repository: not under fleet governance.`,
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ANNOTATION_FLEET_SOURCE]: source.type,
        [ANNOTATION_FLEET_GOVERNED]: 'false',
        [ANNOTATION_MANAGEMENT_PLANE]: sourceKey(source),
        // "View source" opens the cluster in the management plane.
        ...(cluster.url ? { [ANNOTATION_VIEW_URL]: cluster.url } : {}),
      },
    },
    spec,
  };
  entity = attachFacts(entity, source.type, [{ sourceId: source.id, cluster }]);
  // Only mapped values can be wrong: drop the fields the checks name, keep the cluster.
  const issues = validateClusterFleetFields(entity);
  if (issues.length > 0) {
    dropped.push(...issues.map(issue => issue.message));
    const kept: Record<string, string> = { ...spec, owner: defaultOwner };
    for (const { path } of issues) {
      const field = /^spec\.(environment|region)\b/.exec(path)?.[1];
      if (field) {
        delete kept[field];
      }
    }
    entity = { ...entity, spec: kept };
    if (validateClusterFleetFields(entity).length > 0) {
      entity = {
        ...entity,
        spec: { type: CLUSTER_SPEC_TYPE, owner: defaultOwner },
      };
    }
  }
  return { entity, dropped };
}

import { clusterKey, sourceKey } from './naming';
import type { ObservedCluster } from './types';

/** A cluster entity the catalog holds, as far as the merge needs to know it. */
export type CatalogCluster = {
  name: string;
  namespace?: string;
  /** The emitting source (`fleet-portal.dev/management-plane`), if a management-plane provider emitted it. */
  managementPlane?: string;
};

/** What a source's answer means for the catalog. */
export type ClusterPlan = {
  /** Facts to store, by cluster entity name: every cluster the source reported. */
  facts: Map<string, ObservedCluster>;
  /** Clusters this source emits as its own, ungoverned entities, by entity name. */
  ungoverned: Map<string, ObservedCluster>;
  /** Reported clusters left out, and why (no usable name, a duplicate name). */
  skipped: string[];
};

/**
 * Decides, from one source's answer and the cluster entities the catalog holds, which
 * clusters get only facts and which become the source's own entities.
 *
 * A source emits a cluster as its own unless the catalog already has a cluster of that
 * name emitted by someone else that takes precedence: any entity not emitted by a
 * management plane (the platform repository's governed clusters), or one emitted by
 * another management-plane source whose key sorts first. The ordering makes sources
 * that know the same unknown cluster converge on one entity instead of flapping.
 * Facts are stored either way; the processor attaches them to whichever entity exists.
 */
export function planClusters(options: {
  source: { type: string; id: string };
  observed: ObservedCluster[];
  catalog: CatalogCluster[];
}): ClusterPlan {
  const self = sourceKey(options.source);
  const taken = new Set<string>();
  for (const entity of options.catalog) {
    const emitter = entity.managementPlane;
    if (emitter === undefined || (emitter !== self && emitter < self)) {
      taken.add(entity.name.toLowerCase());
    }
  }

  const facts = new Map<string, ObservedCluster>();
  const ungoverned = new Map<string, ObservedCluster>();
  const skipped: string[] = [];
  for (const cluster of options.observed) {
    const key = clusterKey(cluster.name);
    if (!key) {
      skipped.push(
        `${JSON.stringify(cluster.name)} (id ${
          cluster.externalId
        }): no usable entity name`,
      );
      continue;
    }
    const previous = facts.get(key);
    if (previous) {
      skipped.push(
        `${JSON.stringify(cluster.name)} (id ${
          cluster.externalId
        }): same entity name ${key} as ${JSON.stringify(previous.name)} (id ${
          previous.externalId
        })`,
      );
      continue;
    }
    facts.set(key, cluster);
    if (!taken.has(key)) {
      ungoverned.set(key, cluster);
    }
  }
  return { facts, ungoverned, skipped };
}

import type { Entity } from '@backstage/catalog-model';
import {
  CLUSTER_SPEC_TYPE,
  isClusterProfileEntity,
  NAMESPACE_SPEC_TYPE,
  PlatformRepoEntityCounts,
  PlatformRepoRead,
} from '@fleet-portal/plugin-fleet-common';
import type { PlatformRepoFileError } from '../provider/readPlatformRepo';

/** Profiles, clusters and tenant namespaces among the entities. */
export function countEntities(entities: Entity[]): PlatformRepoEntityCounts {
  const counts = { profiles: 0, clusters: 0, namespaces: 0 };
  for (const entity of entities) {
    if (isClusterProfileEntity(entity)) {
      counts.profiles += 1;
    } else if (entity.kind === 'Resource') {
      if (entity.spec?.type === CLUSTER_SPEC_TYPE) {
        counts.clusters += 1;
      } else if (entity.spec?.type === NAMESPACE_SPEC_TYPE) {
        counts.namespaces += 1;
      }
    }
  }
  return counts;
}

/**
 * What a successful run read, as the status route serves it: the entities the
 * provider handed to the catalog (last good versions included) by kind, and every
 * problem of every skipped file, by path and line.
 */
export function readSummary(run: {
  commit: string;
  at: Date;
  entities: Entity[];
  errors: PlatformRepoFileError[];
  /** The skipped files whose last good entity the catalog keeps serving. */
  kept: { files: Set<string> };
}): PlatformRepoRead {
  const problems = run.errors
    .map(error => ({
      path: error.path,
      ...(error.line === undefined ? {} : { line: error.line }),
      reason: error.message,
      lastGoodKept: run.kept.files.has(error.path),
    }))
    .sort(
      (a, b) =>
        (a.path < b.path ? -1 : Number(a.path > b.path)) ||
        (a.line ?? 0) - (b.line ?? 0),
    );
  return {
    commit: run.commit,
    at: run.at.toISOString(),
    entities: countEntities(run.entities),
    skippedFiles: new Set(problems.map(problem => problem.path)).size,
    problems,
  };
}

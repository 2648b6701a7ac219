import type { Entity } from '@backstage/catalog-model';
import {
  clusterRefOf,
  type ClusterProfileEntity,
  isClusterProfileEntity,
  type NamespaceRequestLookups,
  profileRefOf,
} from '@fleet-portal/plugin-fleet-common';

/** The one catalog call the lookups need (the catalog API has it). */
export type EntityByRef = {
  getEntityByRef(ref: string): Promise<Entity | undefined>;
};

/** The request rules' lookups through the catalog API, as the form does them. */
export function catalogLookups(
  catalogApi: EntityByRef,
): NamespaceRequestLookups {
  return {
    cluster: async ref => {
      const full = clusterRefOf(ref);
      return full ? catalogApi.getEntityByRef(full) : undefined;
    },
    profile: ref => loadProfile(catalogApi, ref),
  };
}

/** A ClusterProfile by ref or bare name; undefined when there is none. */
export async function loadProfile(
  catalogApi: EntityByRef,
  ref: string,
): Promise<ClusterProfileEntity | undefined> {
  const entity = await catalogApi.getEntityByRef(profileRefOf(ref));
  return entity && isClusterProfileEntity(entity) ? entity : undefined;
}

/** Today as `YYYY-MM-DD` (UTC, as the actions count days). */
export function calendarTodayText(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

import type { TableColumn } from '@backstage/core-components';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { EntityListContextProps } from '@backstage/plugin-catalog-react';
import { CLUSTER_SPEC_TYPE } from '@fleet-portal/plugin-fleet-common';
import { ProfileVersion } from '../ProfileVersion';
import { ClusterStatusCell } from './ClusterStatusCell';

/** What a catalog table row carries (the catalog's CatalogTableRow has at least this). */
export type CatalogRow = { entity: Entity };

type Lifetime = { reviewBy?: string; retireBy?: string; class?: string };

const spec = (row: CatalogRow) =>
  (row.entity.spec ?? {}) as Record<string, any>;
const text = (value: unknown) =>
  typeof value === 'string' ? value : undefined;

/** The date a cluster is held to: review-by, or retire-by for a project cluster without one. */
function reviewDate(row: CatalogRow): string | undefined {
  const lifetime = (spec(row).lifetime ?? {}) as Lifetime;
  return text(lifetime.reviewBy) ?? text(lifetime.retireBy);
}

/** The review-by date, or a project cluster's retire-by date marked as such. */
function reviewDateText(row: CatalogRow): string {
  const lifetime = (spec(row).lifetime ?? {}) as Lifetime;
  const reviewBy = text(lifetime.reviewBy);
  if (reviewBy) return reviewBy;
  const retireBy = text(lifetime.retireBy);
  return retireBy ? `${retireBy} (retire)` : '—';
}

/** Catalog default columns (by field) the cluster list leaves out. */
const DROPPED_FOR_CLUSTERS = new Set([
  'resolved.partOfSystemRelationTitle',
  'entity.metadata.description',
  'entity.metadata.tags',
]);

const NARROW = { paddingLeft: 6, paddingRight: 6 };

/** Default columns whose values never break mid-word (cluster names, team names). */
const ONE_LINE = new Set([
  'resolved.entityRef',
  'resolved.ownedByRelationsTitle',
]);

/** True when the catalog list shows exactly the fleet's clusters: kind Resource, type kubernetes-cluster. */
export function isClusterList(
  context: Pick<EntityListContextProps, 'filters'>,
) {
  const kind = context.filters.kind?.value?.toLocaleLowerCase('en-US');
  const types = context.filters.type?.getTypes() ?? [];
  return (
    kind === 'resource' && types.length === 1 && types[0] === CLUSTER_SPEC_TYPE
  );
}

/** The fleet columns of the catalog's cluster list: profile, environment, review-by and lifecycle status. */
export function fleetClusterColumns<T extends CatalogRow>(): TableColumn<T>[] {
  return [
    {
      title: 'Profile',
      field: 'entity.spec.profile',
      render: row => (
        <ProfileVersion
          profileRef={text(spec(row).profile)}
          version={text(spec(row).profileVersion)}
        />
      ),
    },
    {
      title: 'Environment',
      field: 'entity.spec.environment',
      render: row => text(spec(row).environment) ?? '—',
    },
    {
      title: 'Review by',
      customSort: (a, b) =>
        (reviewDate(a) ?? '9999').localeCompare(reviewDate(b) ?? '9999'),
      render: row => reviewDateText(row),
      cellStyle: { whiteSpace: 'nowrap' },
      headerStyle: { whiteSpace: 'nowrap' },
    },
    {
      title: 'Status',
      sorting: false,
      render: row => (
        <ClusterStatusCell entityRef={stringifyEntityRef(row.entity)} />
      ),
      cellStyle: { whiteSpace: 'nowrap' },
    },
  ];
}

/**
 * Catalog table columns with the fleet columns for the cluster list and the catalog's own columns
 * for every other list: wrap the catalog's default columns function
 * (`CatalogTable.defaultColumnsFunc` from @backstage/plugin-catalog) and pass the result as the
 * catalog index page's `columns`.
 */
export function withFleetClusterColumns<T extends CatalogRow>(
  defaultColumns: (context: EntityListContextProps) => TableColumn<T>[],
): (context: EntityListContextProps) => TableColumn<T>[] {
  return context => {
    const columns = defaultColumns(context);
    if (!isClusterList(context)) {
      return columns;
    }
    // room for the fleet's columns at 1440 px: clusters belong to no system and the list reads
    // them by name, so system, description and tags give way; names stay on one line
    const kept = columns
      .filter(column => !DROPPED_FOR_CLUSTERS.has(String(column.field)))
      .map(column =>
        ONE_LINE.has(String(column.field))
          ? { ...column, cellStyle: { whiteSpace: 'nowrap' as const } }
          : column,
      );
    // seven columns fit 1440 px beside the catalog's filters with less than half the usual side padding
    return [...kept, ...fleetClusterColumns<T>()].map(column => ({
      ...column,
      cellStyle: { ...(column.cellStyle as object), ...NARROW },
      headerStyle: { ...column.headerStyle, ...NARROW },
    }));
  };
}

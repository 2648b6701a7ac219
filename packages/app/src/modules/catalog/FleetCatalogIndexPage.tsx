import type { ReactNode } from 'react';
import { CatalogTable } from '@backstage/plugin-catalog';
import {
  CatalogIndexPage,
  type CatalogIndexPageProps,
} from '@backstage/plugin-catalog/alpha';
import { withFleetClusterColumns } from '@fleet-portal/plugin-fleet';

const columns = withFleetClusterColumns(CatalogTable.defaultColumnsFunc);

/**
 * The catalog's own index page with the fleet columns (profile, environment, review-by, status)
 * in the list of kind Resource, type kubernetes-cluster; every other list keeps the catalog's
 * default columns.
 */
export function FleetCatalogIndexPage(props: {
  filters: ReactNode;
  pagination: CatalogIndexPageProps['pagination'];
  exportSettings: CatalogIndexPageProps['exportSettings'];
}) {
  return (
    <CatalogIndexPage
      filters={props.filters}
      pagination={props.pagination}
      exportSettings={props.exportSettings}
      columns={columns}
    />
  );
}

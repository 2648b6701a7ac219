import {
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';

// The catalog page (`page:catalog`) as the catalog plugin makes it, with one change: the table's
// columns come from withFleetClusterColumns, so the cluster list shows the fleet's columns. The
// catalog offers columns only as a prop of its index page, so the page's loader is replaced and
// the page's filters and config are passed on unchanged. Export customisations of other plugins
// (catalog-export-config extensions) are not merged here; the demo enables none.
const catalogPage = catalogPlugin.getExtension('page:catalog').override({
  factory(originalFactory, { inputs, config }) {
    const filters = inputs.filters.map(filter =>
      filter.get(coreExtensionData.reactElement),
    );
    return originalFactory({
      params: {
        loader: () =>
          import('./FleetCatalogIndexPage').then(
            ({ FleetCatalogIndexPage }) => (
              <FleetCatalogIndexPage
                filters={<>{filters}</>}
                pagination={config.pagination}
                exportSettings={
                  config.exportSettings?.enabled
                    ? config.exportSettings
                    : undefined
                }
              />
            ),
          ),
      },
    });
  },
});

export const catalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogPage],
});

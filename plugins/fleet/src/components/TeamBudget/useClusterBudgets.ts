import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { fleetApiRef } from '../../api/FleetApi';
import { loadClusterBudget } from './loadClusterBudget';

/** The team budget of each named cluster and the namespaces it is counted over. */
export function useClusterBudgets(clusters: readonly string[]) {
  const catalogApi = useApi(catalogApiRef);
  const fleetApi = useApi(fleetApiRef);
  const key = [...new Set(clusters)].sort().join(',');
  return useAsync(
    () =>
      Promise.all(
        (key ? key.split(',') : []).map(cluster =>
          loadClusterBudget({ catalogApi, fleetApi }, cluster),
        ),
      ),
    [catalogApi, fleetApi, key],
  );
}

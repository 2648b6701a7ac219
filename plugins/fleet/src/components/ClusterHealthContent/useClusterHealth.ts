import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { fleetHealthApiRef } from '../../api/FleetHealthApi';

export function useClusterHealth(cluster: { namespace: string; name: string }) {
  const healthApi = useApi(fleetHealthApiRef);
  const { namespace, name } = cluster;
  return useAsync(
    () => healthApi.getClusterHealth({ namespace, name }),
    [healthApi, namespace, name],
  );
}

import { useApi } from '@backstage/frontend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { fleetApiRef } from '../../api/FleetApi';

export function useClusterLifecycle(entity: Entity) {
  const fleetApi = useApi(fleetApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  return useAsync(
    () => fleetApi.getCluster({ namespace, name }),
    [fleetApi, namespace, name],
  );
}

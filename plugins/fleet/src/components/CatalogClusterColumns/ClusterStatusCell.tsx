import { useApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { fleetApiRef } from '../../api/FleetApi';
import { LifecycleStatusChip } from '../LifecycleStatus';

/**
 * The cluster's lifecycle status as the fleet judges it (the lifecycle page's verdict), or a dash
 * when the fleet does not know the cluster or the reader may not see lifecycles.
 */
export function ClusterStatusCell(props: { entityRef: string }) {
  const fleetApi = useApi(fleetApiRef);
  const { value } = useAsync(async () => {
    const { namespace, name } = parseEntityRef(props.entityRef);
    try {
      return await fleetApi.getCluster({ namespace, name });
    } catch {
      return undefined;
    }
  }, [fleetApi, props.entityRef]);
  if (!value) {
    return <>—</>;
  }
  return (
    <LifecycleStatusChip status={value.status} daysLeft={value.daysLeft} />
  );
}

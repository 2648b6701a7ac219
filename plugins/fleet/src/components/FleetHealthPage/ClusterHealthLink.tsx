import { Link } from '@backstage/core-components';
import type { ClusterHealth } from '@fleet-portal/plugin-fleet-common';
import { useHealthTabPath } from './useHealthTabPath';

/** The cluster's name, linked to its "Fleet health" tab when it is in the catalog. */
export function ClusterHealthLink(props: {
  cluster: Pick<ClusterHealth, 'cluster' | 'entityRef'>;
}) {
  const { cluster } = props;
  const path = useHealthTabPath()(cluster.entityRef);
  if (!path) return <>{cluster.cluster}</>;
  return <Link to={path}>{cluster.cluster}</Link>;
}

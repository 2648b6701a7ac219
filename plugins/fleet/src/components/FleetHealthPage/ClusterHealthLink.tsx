import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ClusterHealth } from '@fleet-portal/plugin-fleet-common';
import { tryParseEntityRef } from '../../lib/refs';
import { HEALTH_TAB_PATH } from '../NamespaceHealthCard/NamespaceHealthCard';

/** The cluster's name, linked to its "Fleet health" tab when it is in the catalog. */
export function ClusterHealthLink(props: { cluster: ClusterHealth }) {
  const { cluster } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const ref = tryParseEntityRef(cluster.entityRef, 'resource');
  if (!ref) return <>{cluster.cluster}</>;
  const path = entityRoute({
    kind: ref.kind.toLocaleLowerCase('en-US'),
    namespace: ref.namespace,
    name: ref.name,
  });
  return <Link to={`${path}/${HEALTH_TAB_PATH}`}>{cluster.cluster}</Link>;
}

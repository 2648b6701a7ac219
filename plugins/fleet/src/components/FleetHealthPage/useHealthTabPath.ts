import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { tryParseEntityRef } from '../../lib/refs';
import { HEALTH_TAB_PATH } from '../NamespaceHealthCard/NamespaceHealthCard';

/** The path of a cluster's "Fleet health" tab, or undefined for a cluster without an entity. */
export function useHealthTabPath() {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityRef: string | undefined) => {
      const ref = tryParseEntityRef(entityRef, 'resource');
      if (!ref) return undefined;
      const path = entityRoute({
        kind: ref.kind.toLocaleLowerCase('en-US'),
        namespace: ref.namespace,
        name: ref.name,
      });
      return `${path}/${HEALTH_TAB_PATH}`;
    },
    [entityRoute],
  );
}

import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  clusterRefOf,
  isClusterEntity,
} from '@fleet-portal/plugin-fleet-common';
import useAsync from 'react-use/esm/useAsync';
import { loadProfile } from '../shared/catalogLookups';
import { formValue } from '../cluster/useClusterProfile';

/** The profile of the cluster another form field names; undefined while none is chosen. */
export function useClusterProfileOf(
  formContext: unknown,
  clusterField: string,
) {
  const clusterRef = formValue(formContext, clusterField);
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const ref = clusterRef && clusterRefOf(clusterRef);
    if (!ref) {
      return undefined;
    }
    const cluster = await catalogApi.getEntityByRef(ref);
    if (!cluster || !isClusterEntity(cluster) || !cluster.spec.profile) {
      return undefined;
    }
    return loadProfile(catalogApi, cluster.spec.profile);
  }, [catalogApi, clusterRef]);
  return { profile: value, loading, error, clusterRef };
}

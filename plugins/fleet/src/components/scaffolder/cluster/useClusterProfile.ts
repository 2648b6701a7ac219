import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  type ClusterProfileEntity,
  isClusterProfileEntity,
} from '@fleet-portal/plugin-fleet-common';
import useAsync from 'react-use/esm/useAsync';

/** The ClusterProfile a form field refers to, loaded from the catalog; undefined while none is chosen. */
export function useClusterProfile(profileRef: string | undefined) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<ClusterProfileEntity | undefined> => {
    if (!profileRef) {
      return undefined;
    }
    const entity = await catalogApi.getEntityByRef(profileRef);
    return entity && isClusterProfileEntity(entity) ? entity : undefined;
  }, [catalogApi, profileRef]);
}

/** A value of another field of the form (the scaffolder passes the whole form data as context). */
export function formValue(
  formContext: unknown,
  field: string,
): string | undefined {
  const data = (
    formContext as { formData?: Record<string, unknown> } | undefined
  )?.formData;
  const value = data?.[field];
  return typeof value === 'string' && value ? value : undefined;
}

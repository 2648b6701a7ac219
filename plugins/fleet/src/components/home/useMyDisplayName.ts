import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** The signed-in user's name as people read it: the catalog user's display name or title. */
export function useMyDisplayName(): string | undefined {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const { value } = useAsync(async () => {
    const { userEntityRef } = await identityApi.getBackstageIdentity();
    const user = await catalogApi.getEntityByRef(userEntityRef);
    const profile = user?.spec?.profile as { displayName?: string } | undefined;
    return profile?.displayName ?? user?.metadata.title;
  }, [identityApi, catalogApi]);
  return value;
}

import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** The signed-in user's groups (their ownership refs of kind group): whose clusters and namespaces are "mine". */
export function useMyGroups() {
  const identityApi = useApi(identityApiRef);
  return useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    return ownershipEntityRefs.filter(ref => ref.startsWith('group:'));
  }, [identityApi]);
}

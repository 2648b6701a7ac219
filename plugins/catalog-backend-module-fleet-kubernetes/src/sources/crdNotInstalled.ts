import type { CustomResourceType } from '../client/ManagementClusterClient';
import { ListRequestError } from '../client/listErrors';
import { crdName } from './resources';

/** Lists a custom resource; a 404 (group/version not served) becomes an error naming the CRD. */
export async function listOrExplainMissingCrd<T>(
  resource: CustomResourceType,
  managementClusterUrl: string,
  list: () => Promise<T>,
): Promise<T> {
  try {
    return await list();
  } catch (error) {
    if (error instanceof ListRequestError && error.status === 404) {
      throw new ListRequestError(
        `the CRD ${crdName(resource)} (${resource.group}/${
          resource.version
        }) is not installed on the management cluster ${managementClusterUrl}`,
        404,
      );
    }
    throw error;
  }
}

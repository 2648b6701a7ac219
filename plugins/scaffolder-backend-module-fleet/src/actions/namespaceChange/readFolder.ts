import { InputError } from '@backstage/errors';
import { platformRepoPaths } from '@fleet-portal/plugin-fleet-common';
import type {
  PlatformRepoFiles,
  PlatformRepoWriter,
} from '@fleet-portal/plugin-fleet-node';

/**
 * The files of a namespace's folder on the platform repository's main branch, with the blob
 * each was read as. The catalog can lag behind the repository, so a folder the catalog still
 * shows but the repository no longer has is a clear error.
 */
export async function readNamespaceFolder(
  writer: PlatformRepoWriter,
  clusterName: string,
  namespace: string,
): Promise<PlatformRepoFiles> {
  const folder = await writer.readFiles([
    platformRepoPaths.namespaceDir(clusterName, namespace),
  ]);
  const entity = platformRepoPaths.namespaceEntity(clusterName, namespace);
  if (!folder.files[entity]) {
    throw new InputError(
      `namespace: ${namespace} on ${clusterName} is not in the platform repository (${entity}); it was given back or moved, and the catalog has not caught up yet`,
    );
  }
  return folder;
}

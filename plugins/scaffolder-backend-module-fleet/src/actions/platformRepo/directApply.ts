import {
  ConflictError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import type { KubernetesApplier } from '../../kubernetes/KubernetesApplier';
import {
  DirectApplyScope,
  directApplyProblems,
} from '../../kubernetes/directApplyPolicy';

/** The manifests of the files to apply, refused before anything is committed when outside the scope. */
export function manifestsToApply(
  files: Record<string, string>,
  applyFiles: string[],
  context: { clusterName: string; scope: DirectApplyScope },
) {
  const manifests = applyFiles.flatMap(file =>
    parseAllDocuments(files[file]).map(doc => doc.toJS()),
  );
  const problems = directApplyProblems(manifests, context.scope);
  if (problems.length > 0) {
    throw new NotAllowedError(
      `Direct apply to cluster ${
        context.clusterName
      } refused, nothing was committed: ${problems.join('; ')}`,
    );
  }
  return manifests;
}

/**
 * A direct change may only create a namespace the cluster does not have yet: an existing one
 * (e.g. an ingress or mesh namespace the catalog knows nothing about) is refused, and so is a
 * cluster whose answer does not tell.
 */
export async function assertNamespaceAbsent(
  applier: KubernetesApplier,
  clusterName: string,
  namespace: string,
  signal?: AbortSignal,
) {
  let state;
  try {
    state = await applier.namespaceState(clusterName, namespace, { signal });
  } catch (error) {
    signal?.throwIfAborted();
    throw new ServiceUnavailableError(
      `${
        (error as Error).message
      }; the request is refused, nothing was committed`,
    );
  }
  if (state === 'present') {
    throw new ConflictError(
      `Namespace ${namespace} already exists on cluster ${clusterName}; a request may only create a namespace the cluster does not have. Nothing was committed`,
    );
  }
}

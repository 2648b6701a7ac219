import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { formatRequestIssues, issue } from '@fleet-portal/plugin-fleet-common';

/**
 * The deployment's own reserved namespaces (`fleetPortal.scaffolder.reservedNamespaces`), in
 * addition to Kubernetes' and the platform's that fleet-common reserves everywhere
 * (`RESERVED_NAMESPACE_NAMES`, the `kube-` prefix).
 */
export function reservedNamespacesFromConfig(config: Config): string[] {
  return (
    config.getOptionalStringArray(
      'fleetPortal.scaffolder.reservedNamespaces',
    ) ?? []
  );
}

/** Refuses a namespace the deployment reserves, in every change mode. */
export function checkNotReserved(
  namespace: unknown,
  reserved: readonly string[] | undefined,
) {
  if (typeof namespace === 'string' && reserved?.includes(namespace)) {
    throw new InputError(
      formatRequestIssues('namespace', [
        issue(
          'namespace',
          `"${namespace}" is reserved: it is a platform namespace`,
        ),
      ]),
    );
  }
}

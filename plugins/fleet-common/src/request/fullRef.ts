import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { GOVERNED_NAMESPACE } from '../platformRepo';

/**
 * The full ref (`kind:namespace/name`) of a possibly short ref, with the given default kind and
 * (by default) the governed namespace; undefined when it cannot be parsed.
 */
export function fullRef(
  ref: string,
  defaults: { defaultKind: string; defaultNamespace?: string },
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: defaults.defaultKind,
        defaultNamespace: defaults.defaultNamespace ?? GOVERNED_NAMESPACE,
      }),
    );
  } catch {
    return undefined;
  }
}

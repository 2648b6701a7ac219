import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The full `kind:namespace/name` form of a reference, so that `production` and
 * `clusterprofile:default/production` compare equal. A malformed reference is returned as is.
 */
export function fullRef(ref: string, defaultKind: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return ref;
  }
}

/** Entity references compare case-insensitively in Backstage. */
export function refKey(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

/**
 * A management-plane source's owner setting as a full entity ref (kind group and
 * namespace default when omitted); an InputError naming `field` otherwise.
 */
export function readOwnerRef(field: string, owner: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(`${field}: "${owner}" is not an entity reference`);
  }
}

/**
 * A duration setting (`{ seconds: 30 }`, ISO 8601 or "30s") in milliseconds; an
 * InputError naming `field` when it is malformed or not longer than zero.
 */
export function readPositiveDurationMs(
  config: Config,
  key: string,
  field: string,
): number {
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new InputError(`${field}: ${(error as Error).message}`);
  }
  if (!(ms > 0)) {
    throw new InputError(`${field}: must be longer than zero`);
  }
  return ms;
}

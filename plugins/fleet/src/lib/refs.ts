import {
  parseEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';

/** The parsed ref, or undefined when the text is not a valid entity ref. */
export function tryParseEntityRef(
  ref: string | undefined,
  defaultKind?: string,
): CompoundEntityRef | undefined {
  if (!ref) return undefined;
  try {
    return parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' });
  } catch {
    return undefined;
  }
}

/** The name, or namespace/name outside the default namespace, for labels where the kind is implied. */
export function shortRef(ref: string): string {
  const parsed = tryParseEntityRef(ref, 'unknown');
  if (!parsed) return ref;
  return parsed.namespace === 'default'
    ? parsed.name
    : `${parsed.namespace}/${parsed.name}`;
}

// Tolerant readers for Kubernetes objects received as JSON: a field of the wrong
// type reads as absent, so one odd field never hides the rest of an object.

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asStringMap(value: unknown): Record<string, string> {
  const object = asObject(value) ?? {};
  return Object.fromEntries(
    Object.entries(object).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** Reads `object.a.b.c`. */
export function field(object: unknown, ...path: string[]): unknown {
  let current: unknown = object;
  for (const key of path) {
    current = asObject(current)?.[key];
  }
  return current;
}

/** The metadata every mapped object needs; throws when name or uid is missing. */
export function readMetadata(
  object: unknown,
  kind: string,
): {
  name: string;
  namespace?: string;
  uid: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  deleting: boolean;
} {
  const metadata = asObject(field(object, 'metadata'));
  const name = asString(metadata?.name);
  if (!name) {
    throw new Error(`a ${kind} without metadata.name`);
  }
  const uid = asString(metadata?.uid);
  if (!uid) {
    throw new Error(`${kind} ${name} has no metadata.uid`);
  }
  return {
    name,
    namespace: asString(metadata?.namespace),
    uid,
    labels: asStringMap(metadata?.labels),
    annotations: asStringMap(metadata?.annotations),
    deleting: asString(metadata?.deletionTimestamp) !== undefined,
  };
}

const MAX_NAME = 63;

/**
 * The catalog entity name a management plane's cluster name maps to: lower case,
 * characters outside `[a-z0-9._-]` replaced by `-`, at most 63 characters, starting
 * and ending alphanumeric. Facts attach to the catalog cluster with this name, so a
 * Portainer environment called `PRD-EUW1-Payments-01` meets `prd-euw1-payments-01`.
 * Undefined when nothing usable is left.
 */
export function clusterKey(name: string): string | undefined {
  const key = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[-._]{2,}/g, '-')
    .slice(0, MAX_NAME)
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[^a-z0-9]+$/, '');
  return key === '' ? undefined : key;
}

/** `<source type>:<source id>`: a source instance, in logs, locations and annotations. */
export function sourceKey(source: { type: string; id: string }): string {
  return `${source.type}:${source.id}`;
}

/**
 * The catalog namespace of the clusters a source knows and the platform repository
 * lacks, e.g. `portainer-prod`. Platform-repository clusters live in `default`, so
 * the two never emit the same entity ref — not even at startup, before the platform
 * repository has been read.
 */
export function ungovernedNamespace(source: {
  type: string;
  id: string;
}): string {
  const namespace = `${source.type}-${source.id}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_NAME)
    .replace(/^-+|-+$/g, '');
  if (namespace === 'default' || namespace === '') {
    throw new Error(
      `Source ${sourceKey(source)} cannot have its own catalog namespace`,
    );
  }
  return namespace;
}

/** The refresh key a cluster entity carries for one kind of source's facts. */
export function factsRefreshKey(sourceType: string, key: string): string {
  return `fleet-management-plane:${sourceType}:${key}`;
}

import type { ObservedCluster } from '@fleet-portal/plugin-fleet-node';

/** Which object labels carry a cluster's environment, region and owner. */
export type LabelMapping = {
  environment?: string;
  region?: string;
  owner?: string;
};

/** What a mapper needs besides the object. */
export type MapContext = {
  labels: LabelMapping;
  /** The link of one object: the configured template, or a default of the source. */
  link: (values: Record<string, string | undefined>) => string | undefined;
};

export const DEFAULT_LABEL_MAPPING: LabelMapping = {
  environment: 'environment',
  region: 'region',
};

export function mapLabels(
  labels: Record<string, string>,
  mapping: LabelMapping,
): Pick<ObservedCluster, 'environment' | 'region' | 'owner'> {
  const read = (key: string | undefined) =>
    key && labels[key]?.trim() ? labels[key].trim() : undefined;
  return {
    environment: read(mapping.environment),
    region: read(mapping.region),
    owner: read(mapping.owner),
  };
}

/**
 * Fills `{name}`, `{namespace}`, `{uid}` and `{server}` in a link template, each
 * URL-encoded, e.g. `https://argocd.example.com/settings/clusters/{server}`.
 */
export function expandLinkTemplate(
  template: string,
  values: Record<string, string | undefined>,
): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => {
    const value = values[key];
    return value === undefined ? placeholder : encodeURIComponent(value);
  });
}

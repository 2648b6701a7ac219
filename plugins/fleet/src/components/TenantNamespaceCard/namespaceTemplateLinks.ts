import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';

/** The Day-2 templates of a tenant namespace and the form field that takes the namespace. */
export const DAY2_TEMPLATES = {
  change: 'change-tenant-namespace',
  decommission: 'decommission-tenant-namespace',
} as const;
export const DAY2_NAMESPACE_FIELD = 'namespace';

/** The scaffolder page of a Day-2 template with this namespace already chosen. */
export function namespaceTemplateLink(
  action: keyof typeof DAY2_TEMPLATES,
  namespace: Entity,
): string {
  const formData = JSON.stringify({
    [DAY2_NAMESPACE_FIELD]: stringifyEntityRef(namespace),
  });
  return `/create/templates/default/${
    DAY2_TEMPLATES[action]
  }?formData=${encodeURIComponent(formData)}`;
}

import { parseEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';

/**
 * The portal page of a catalog entity (`app.baseUrl`, else `backend.baseUrl` for a backend that
 * serves the app; a path with neither), for an agent to send its user to.
 */
export function entityPageUrl(config: Config): (entityRef: string) => string {
  const baseUrl = (
    config.getOptionalString('app.baseUrl') ??
    config.getOptionalString('backend.baseUrl') ??
    ''
  ).replace(/\/+$/, '');
  return entityRef => {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return `${baseUrl}/catalog/${[
      namespace.toLocaleLowerCase('en-US'),
      kind.toLocaleLowerCase('en-US'),
      name,
    ]
      .map(encodeURIComponent)
      .join('/')}`;
  };
}

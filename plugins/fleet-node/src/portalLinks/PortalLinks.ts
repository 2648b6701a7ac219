import type { Config } from '@backstage/config';
import { parseEntityRef } from '@backstage/catalog-model';
import type { LifecycleQuery } from '@fleet-portal/plugin-fleet-common';

/** The lifecycle filters the lifecycle page keeps in its URL, with the parameter names it reads. */
type LifecycleFilters = Pick<
  LifecycleQuery,
  'owner' | 'environment' | 'profile' | 'status' | 'search'
>;

/**
 * URLs of the portal's pages, so that an agent's answer can send its user to the page that shows
 * the same thing: built from `app.baseUrl`.
 */
export class PortalLinks {
  /**
   * From `app.baseUrl`, else `backend.baseUrl` (a backend that serves the app itself); with
   * neither, links are paths.
   */
  static fromConfig(config: Config): PortalLinks {
    return new PortalLinks(
      config.getOptionalString('app.baseUrl') ??
        config.getOptionalString('backend.baseUrl') ??
        '',
    );
  }

  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** The fleet lifecycle page with the same filters. */
  lifecycle(filters: LifecycleFilters = {}): string {
    const params = new URLSearchParams();
    for (const key of ['owner', 'environment', 'profile', 'status'] as const) {
      for (const value of filters[key] ?? []) {
        params.append(key, value);
      }
    }
    if (filters.search) {
      params.set('search', filters.search);
    }
    const query = params.toString();
    return `${this.baseUrl}/fleet/lifecycle${query ? `?${query}` : ''}`;
  }

  /** The fleet health page. */
  fleetHealth(): string {
    return `${this.baseUrl}/fleet/health`;
  }

  /**
   * The catalog page of an entity, or one of its tabs (e.g. `health`, `profile`): kind and
   * namespace lower-cased as the catalog's entity routes write them.
   */
  entity(entityRef: string, tab?: string): string {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const segments = [
      namespace.toLocaleLowerCase('en-US'),
      kind.toLocaleLowerCase('en-US'),
      name,
      ...(tab ? [tab] : []),
    ];
    return `${this.baseUrl}/catalog/${segments
      .map(encodeURIComponent)
      .join('/')}`;
  }
}

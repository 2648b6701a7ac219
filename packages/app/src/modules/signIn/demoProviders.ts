import type { ConfigApi, DiscoveryApi } from '@backstage/frontend-plugin-api';
import type { DemoPersona } from './personas';

export type DemoProviderId = DemoPersona['provider'];

const DEMO_PROVIDER_IDS: DemoProviderId[] = ['guest', 'demoPersona'];

/**
 * The demo sign-in providers the backend has. It registers them only in development and only when
 * configured (packages/backend/src/modules/demoSignIn), so the page asks rather than assumes:
 * `/start` of a registered proxied provider answers 501 (it has no redirect flow) and starts
 * nothing; a provider the backend does not have answers 404. Anything else counts as absent.
 *
 * A config whose `auth.environment` is not `development` (the production shape) is not asked.
 *
 * `fetch` is the browser's, not the FetchApi: before sign-in the FetchApi waits for the identity
 * that this page is about to establish.
 */
export async function availableDemoProviders(apis: {
  configApi: ConfigApi;
  discoveryApi: DiscoveryApi;
  fetch: typeof globalThis.fetch;
}): Promise<DemoProviderId[]> {
  const environment =
    apis.configApi.getOptionalString('auth.environment') ?? 'development';
  if (environment !== 'development') {
    return [];
  }
  const authUrl = await apis.discoveryApi.getBaseUrl('auth');
  const answers = await Promise.all(
    DEMO_PROVIDER_IDS.map(async id => {
      const res = await apis.fetch(
        `${authUrl}/${encodeURIComponent(id)}/start`,
      );
      return res.status === 501 ? id : undefined;
    }),
  );
  return DEMO_PROVIDER_IDS.filter(id => answers.includes(id));
}

import type { SignInProviderConfig } from '@backstage/core-components';
import type { DiscoveryApi } from '@backstage/frontend-plugin-api';
import { oidcAuthApiRef } from './oidc';

/**
 * The identity providers a production Fleet Portal can offer on its sign-in page: OpenID Connect,
 * served by the backend's `auth.providers.oidc` (app-config.production.yaml).
 */
export const REAL_SIGN_IN_PROVIDERS: SignInProviderConfig[] = [
  {
    id: 'oidc',
    title: 'Company SSO',
    message: 'Sign in with your company account',
    apiRef: oidcAuthApiRef,
  },
];

/**
 * The real providers the backend has configured for this environment. `/start` of a configured
 * OAuth provider answers with a redirect to the identity provider (an opaque redirect to a fetch
 * that does not follow it); a provider the backend does not have answers 404.
 *
 * `fetch` is the browser's: before sign-in the FetchApi waits for the identity this page establishes.
 */
export async function availableRealProviders(apis: {
  discoveryApi: DiscoveryApi;
  fetch: typeof globalThis.fetch;
  environment: string;
}): Promise<SignInProviderConfig[]> {
  const authUrl = await apis.discoveryApi.getBaseUrl('auth');
  const answers = await Promise.all(
    REAL_SIGN_IN_PROVIDERS.map(async provider => {
      const res = await apis.fetch(
        `${authUrl}/${encodeURIComponent(
          provider.id,
        )}/start?env=${encodeURIComponent(apis.environment)}`,
        { redirect: 'manual' },
      );
      const redirects =
        res.type === 'opaqueredirect' ||
        (res.status >= 300 && res.status < 400);
      return redirects ? provider : undefined;
    }),
  );
  return REAL_SIGN_IN_PROVIDERS.filter(p => answers.includes(p));
}

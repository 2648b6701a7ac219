import { mockApis } from '@backstage/frontend-test-utils';
import { availableRealProviders } from './realSignInProviders';

const discoveryApi = mockApis.discovery({ baseUrl: 'http://localhost:7007' });

describe('availableRealProviders', () => {
  it('offers OpenID Connect when its /start redirects to the identity provider', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(null, {
          status: 302,
          headers: { Location: 'https://sso.example/authorize' },
        }),
    );
    const providers = await availableRealProviders({
      discoveryApi,
      fetch,
      environment: 'production',
    });
    expect(providers.map(p => p.id)).toEqual(['oidc']);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/auth/oidc/start?env=production',
      { redirect: 'manual' },
    );
  });

  it('offers nothing the backend does not have (404)', async () => {
    const fetch = jest.fn(async () => new Response('{}', { status: 404 }));
    expect(
      await availableRealProviders({
        discoveryApi,
        fetch,
        environment: 'production',
      }),
    ).toEqual([]);
  });

  it('counts an opaque redirect (a fetch that does not follow it) as configured', async () => {
    const opaque = { type: 'opaqueredirect', status: 0 } as Response;
    const providers = await availableRealProviders({
      discoveryApi,
      fetch: jest.fn(async () => opaque),
      environment: 'development',
    });
    expect(providers.map(p => p.id)).toEqual(['oidc']);
  });
});

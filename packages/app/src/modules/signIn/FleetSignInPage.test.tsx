import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { FleetSignInPage } from './FleetSignInPage';

const AUTH_URL = 'http://localhost:7007/api/auth';

/**
 * What the auth backend answers on `/start`: 501 for a registered proxied provider (guest, personas),
 * a redirect to the identity provider for a configured OAuth provider (oidc), else 404.
 */
function authBackend(registered: string[]) {
  return jest.fn(async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    const id = url.match(/\/api\/auth\/([^/]+)\/start(\?|$)/)?.[1];
    if (!id || !registered.includes(id)) {
      return new Response('{}', { status: 404 });
    }
    return id === 'oidc'
      ? new Response(null, {
          status: 302,
          headers: { Location: 'https://sso.example/authorize' },
        })
      : new Response('{}', { status: 501 });
  });
}

const askedProviders = (fetch: jest.Mock) =>
  fetch.mock.calls.map(
    ([url]) => String(url).match(/\/api\/auth\/([^/]+)\//)?.[1],
  );

function renderPage(options: {
  environment?: string;
  fetch: ReturnType<typeof authBackend> | jest.Mock;
}) {
  // the browser's fetch: before sign-in the FetchApi would wait for the identity this page establishes
  jest.spyOn(window, 'fetch').mockImplementation(options.fetch);
  return renderInTestApp(<FleetSignInPage onSignInSuccess={jest.fn()} />, {
    config: options.environment
      ? { auth: { environment: options.environment } }
      : {},
    apis: [
      mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
      // a FetchApi that, like the app's before sign-in, never answers
      mockApis.fetch({ baseImplementation: () => new Promise(() => {}) }),
    ],
  });
}

const personaButtons = () =>
  screen.queryAllByRole('button', { name: /^Sign in as / });

describe('FleetSignInPage', () => {
  beforeEach(() => window.sessionStorage.clear());
  afterEach(() => jest.restoreAllMocks());

  it('offers the guest and the personas when the backend has both', async () => {
    const fetch = authBackend(['guest', 'demoPersona']);
    renderPage({ environment: 'development', fetch });

    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
    expect(personaButtons().map(b => b.textContent)).toEqual([
      'Sign in as Priya Raman',
      'Sign in as Devon Clarke',
      'Sign in as Morgan Ellis',
    ]);
    expect(fetch.mock.calls.map(([url]) => String(url)).sort()).toEqual([
      `${AUTH_URL}/demoPersona/start`,
      `${AUTH_URL}/guest/start`,
      `${AUTH_URL}/oidc/start?env=development`,
    ]);
  });

  it('offers only the providers the backend has', async () => {
    renderPage({ fetch: authBackend(['demoPersona']) });

    expect(
      await screen.findByRole('button', { name: 'Sign in as Priya Raman' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enter' })).toBeNull();
  });

  it('offers no demo sign-in when the backend has none', async () => {
    renderPage({ environment: 'development', fetch: authBackend([]) });

    expect(
      await screen.findByText(/Sign-in is not set up/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enter' })).toBeNull();
    expect(personaButtons()).toEqual([]);
  });

  it('asks only for real providers in the production config shape', async () => {
    const fetch = authBackend(['guest', 'demoPersona']);
    renderPage({ environment: 'production', fetch });

    expect(
      await screen.findByText(/Sign-in is not set up/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enter' })).toBeNull();
    expect(askedProviders(fetch)).toEqual(['oidc']);
  });

  it('forgets a remembered persona the backend no longer has', async () => {
    window.sessionStorage.setItem('fleet-portal:demo-persona', 'guest');
    renderPage({ fetch: authBackend(['demoPersona']) });

    expect(
      await screen.findByRole('button', { name: 'Sign in as Morgan Ellis' }),
    ).toBeInTheDocument();
  });

  it('says why when the backend cannot be asked', async () => {
    renderPage({
      fetch: jest.fn().mockRejectedValue(new TypeError('Failed to fetch')),
    });

    expect(
      await screen.findByText(/could not ask its backend.*Failed to fetch/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enter' })).toBeNull();
  });
});

import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import {
  coreServices,
  createBackendModule,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import path from 'node:path';
import demoSignInFeatures from '.';

const repoRoot = path.resolve(__dirname, '../../../../..');
const DEMO_CONFIG = path.join(repoRoot, 'app-config.yaml');
const PRODUCTION_CONFIG = path.join(repoRoot, 'app-config.production.yaml');

/** The backend with its auth feature set, configured by these files exactly as index.ts loads them. */
async function startAuthBackend(configFiles: string[]) {
  let config: RootConfigService | undefined;
  const backend = await startTestBackend({
    features: [
      rootConfigServiceFactory({
        argv: ['node', 'backend', ...configFiles.flatMap(f => ['--config', f])],
        watch: false,
      }),
      authPlugin,
      demoSignInFeatures,
      createBackendModule({
        pluginId: 'auth',
        moduleId: 'test-config-access',
        register(reg) {
          reg.registerInit({
            deps: { rootConfig: coreServices.rootConfig },
            async init({ rootConfig }) {
              config = rootConfig;
            },
          });
        },
      }),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}`;
  /** What the sign-in page of the app asks for: a proxied provider's session. */
  const refresh = async (
    providerId: string,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(
      `${baseUrl}/api/auth/${providerId}/refresh?env=development`,
      { headers: { 'X-Requested-With': 'XMLHttpRequest', ...headers } },
    );
    return { status: res.status, body: await res.json() };
  };
  /** What the app's sign-in page asks to learn whether the backend has a demo provider. */
  const start = async (providerId: string) =>
    (await fetch(`${baseUrl}/api/auth/${providerId}/start`)).status;
  return { backend, config: config!, refresh, start };
}

describe('demo sign-in providers of the running backend', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    // what app-config.production.yaml substitutes; none of it is contacted by these tests
    Object.assign(process.env, {
      APP_BASE_URL: 'http://localhost:3000',
      POSTGRES_HOST: '127.0.0.1',
      POSTGRES_PORT: '5432',
      POSTGRES_USER: 'postgres',
      POSTGRES_PASSWORD: 'unused',
      BACKEND_SECRET: 'unused-test-secret',
      REDIS_URL: 'redis://127.0.0.1:6379',
      AUTH_SESSION_SECRET: 'unused-session-secret',
      AUTH_OIDC_METADATA_URL:
        'https://id.example.com/.well-known/openid-configuration',
      AUTH_OIDC_CLIENT_ID: 'fleet-portal',
      AUTH_OIDC_CLIENT_SECRET: 'unused-client-secret',
    });
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it.each([
    ['unset', undefined],
    ['production', 'production'],
    // what `backstage-cli package start` sets, e.g. when the production files are started with it
    ['development', 'development'],
  ])(
    'has no guest or persona sign-in with the production config and NODE_ENV %s',
    async (_, nodeEnv) => {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
      const { backend, refresh, start } = await startAuthBackend([
        DEMO_CONFIG,
        PRODUCTION_CONFIG,
      ]);

      const guest = await refresh('guest');
      expect(guest.status).toBe(404);
      expect(guest.body.backstageIdentity).toBeUndefined();
      const persona = await refresh('demoPersona', {
        'x-fleet-demo-persona': 'priya.platform',
      });
      expect(persona.status).toBe(404);
      expect(persona.body.backstageIdentity).toBeUndefined();
      expect(await start('guest')).toBe(404);
      expect(await start('demoPersona')).toBe(404);

      await backend.stop();
    },
  );

  it('configures OIDC with a resolver that signs in catalog users only', async () => {
    process.env.NODE_ENV = 'production';
    const { backend, config } = await startAuthBackend([
      DEMO_CONFIG,
      PRODUCTION_CONFIG,
    ]);

    const oidc = config.getConfig('auth.providers.oidc.production');
    expect(oidc.getString('clientSecret')).toBe('unused-client-secret');
    expect(oidc.get('signIn.resolvers')).toEqual([
      { resolver: 'emailMatchingUserEntityProfileEmail' },
    ]);

    await backend.stop();
  });

  it('signs in as the guest and offers the personas in development with the demo config', async () => {
    process.env.NODE_ENV = 'development';
    const { backend, refresh, start } = await startAuthBackend([DEMO_CONFIG]);

    // how the sign-in page tells a registered proxied provider from a missing one
    expect(await start('guest')).toBe(501);
    expect(await start('demoPersona')).toBe(501);
    const guest = await refresh('guest');
    expect(guest.status).toBe(200);
    expect(guest.body.backstageIdentity.identity.userEntityRef).toBe(
      'user:default/guest',
    );
    // registered: it answers for itself (no persona header) instead of "no such provider"
    const persona = await refresh('demoPersona');
    expect(persona.status).toBe(401);
    expect(persona.body.error.message).toContain('x-fleet-demo-persona');

    await backend.stop();
  });

  it('has no demo sign-in outside development even with the demo config', async () => {
    process.env.NODE_ENV = 'production';
    const { backend, refresh, start } = await startAuthBackend([DEMO_CONFIG]);

    expect(await start('guest')).toBe(404);
    expect((await refresh('guest')).status).toBe(404);
    expect((await refresh('demoPersona')).status).toBe(404);

    await backend.stop();
  });
});

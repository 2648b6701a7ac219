import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { demoPersonaAuthenticator, DemoPersonaResult } from './authenticator';

/**
 * Auth provider `demoPersona`: lets the demo sign in as the platform owner, developer or manager of
 * examples/org. The user entity comes from the catalog, so ownership follows real group membership.
 */
export const authModuleDemoPersonaProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-persona-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'demoPersona',
          factory: createProxyAuthProviderFactory<DemoPersonaResult>({
            authenticator: demoPersonaAuthenticator,
            async signInResolver({ result }, ctx) {
              return ctx.signInWithCatalogUser({
                entityRef: {
                  kind: 'user',
                  namespace: 'default',
                  name: result.userName,
                },
              });
            },
          }),
        });
      },
    });
  },
});

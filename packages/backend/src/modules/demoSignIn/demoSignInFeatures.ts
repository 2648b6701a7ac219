import {
  BackendFeature,
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
import guestProviderModule from '@backstage/plugin-auth-backend-module-guest-provider';
import demoPersonaProviderModule from '../demoPersonas';
import {
  DEMO_SIGN_IN_PROVIDERS,
  DemoSignInProviderId,
  demoSignInProviders,
} from './demoSignInProviders';

const providerModules: Record<DemoSignInProviderId, BackendFeature> = {
  guest: guestProviderModule,
  demoPersona: demoPersonaProviderModule,
};

/**
 * Adds the guest and demo persona auth provider modules only where {@link demoSignInProviders}
 * allows them, so that a production backend has no route that signs anyone in without a real
 * identity provider.
 */
export const demoSignInFeatures = createBackendFeatureLoader({
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.rootLogger,
  },
  *loader({ config, logger }) {
    const allowed = demoSignInProviders(config, process.env.NODE_ENV);
    const refused = DEMO_SIGN_IN_PROVIDERS.filter(
      id => config.has(`auth.providers.${id}`) && !allowed.includes(id),
    );
    if (refused.length > 0) {
      logger.warn(
        `Demo sign-in is development only: auth.providers.${refused.join(
          ' and auth.providers.',
        )} ignored (NODE_ENV is ${
          process.env.NODE_ENV ?? 'unset'
        }, auth.environment is ${
          config.getOptionalString('auth.environment') ?? 'development'
        })`,
      );
    }
    for (const id of allowed) {
      logger.info(`Demo sign-in provider ${id} enabled (development only)`);
      yield providerModules[id];
    }
  },
});

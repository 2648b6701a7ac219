import { Config } from '@backstage/config';

/** The sign-in providers of the demo: anyone may use them to claim a demo identity. */
export const DEMO_SIGN_IN_PROVIDERS = ['guest', 'demoPersona'] as const;

export type DemoSignInProviderId = (typeof DEMO_SIGN_IN_PROVIDERS)[number];

/**
 * The demo sign-in providers this backend may register: none unless the process runs in development
 * (`NODE_ENV=development`, which `backstage-cli package start` and scripts/run-backend.sh set) *and*
 * the config is a development one (`auth.environment`, which the production config sets to
 * `production`); then each provider that `auth.providers` configures.
 *
 * Config files merge, so a production file cannot remove the demo's `auth.providers.guest`: this
 * rule, not the config, is what keeps guest and personas out of production.
 */
export function demoSignInProviders(
  config: Config,
  nodeEnv: string | undefined,
): DemoSignInProviderId[] {
  const authEnvironment =
    config.getOptionalString('auth.environment') ?? 'development';
  if (nodeEnv !== 'development' || authEnvironment !== 'development') {
    return [];
  }
  return DEMO_SIGN_IN_PROVIDERS.filter(id =>
    config.has(`auth.providers.${id}`),
  );
}

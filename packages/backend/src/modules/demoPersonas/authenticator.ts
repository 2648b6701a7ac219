import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';

/** The header the demo sign-in page sends with the chosen persona's user name. */
export const PERSONA_HEADER = 'x-fleet-demo-persona';

export type DemoPersonaResult = { userName: string };

/**
 * Signs in as one of the demo users listed in config (`auth.providers.demoPersona.users`), chosen on
 * the demo sign-in page. Development only: anyone can claim any listed persona. The backend registers
 * this provider only in development (modules/demoSignIn); the authenticator refuses outside
 * development as well, with no option to allow it.
 */
export const demoPersonaAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: DemoPersonaResult) => ({
    profile: { displayName: result.userName },
  }),
  initialize({ config }) {
    return {
      users: new Set(config.getStringArray('users')),
      enabled: process.env.NODE_ENV === 'development',
    };
  },
  async authenticate({ req }, { users, enabled }) {
    if (!enabled) {
      throw new NotAllowedError(
        'Demo personas are only available in development (see auth.providers.demoPersona)',
      );
    }
    const userName = req.header(PERSONA_HEADER);
    if (!userName) {
      throw new AuthenticationError(`Missing ${PERSONA_HEADER} header`);
    }
    if (!users.has(userName)) {
      throw new AuthenticationError(`"${userName}" is not a demo persona`);
    }
    return { result: { userName } };
  },
});

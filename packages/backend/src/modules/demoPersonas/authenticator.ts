import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';

/** The header the demo sign-in page sends with the chosen persona's user name. */
export const PERSONA_HEADER = 'x-fleet-demo-persona';

export type DemoPersonaResult = { userName: string };

/**
 * Signs in as one of the demo users listed in config (`auth.providers.demoPersona.users`), chosen on
 * the demo sign-in page. Development only, like the guest provider: anyone can claim any listed
 * persona, so it refuses to work outside development unless explicitly allowed.
 */
export const demoPersonaAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: DemoPersonaResult) => ({
    profile: { displayName: result.userName },
  }),
  initialize({ config }) {
    const allowOutsideDevelopment =
      config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') ?? false;
    return {
      users: new Set(config.getStringArray('users')),
      enabled:
        process.env.NODE_ENV === 'development' || allowOutsideDevelopment,
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

import { ConfigReader } from '@backstage/config';
import { demoPersonaAuthenticator, PERSONA_HEADER } from './authenticator';

const request = (persona?: string) =>
  ({
    header: (name: string) => (name === PERSONA_HEADER ? persona : undefined),
  } as any);

describe('demoPersonaAuthenticator', () => {
  const env = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = env;
  });
  const init = (extra = {}) =>
    demoPersonaAuthenticator.initialize({
      config: new ConfigReader({ users: ['morgan.manager'], ...extra }),
    });

  it('signs in a listed persona in development', async () => {
    process.env.NODE_ENV = 'development';
    await expect(
      demoPersonaAuthenticator.authenticate(
        { req: request('morgan.manager') },
        init(),
      ),
    ).resolves.toEqual({ result: { userName: 'morgan.manager' } });
  });

  it('refuses unlisted users and a missing header', async () => {
    process.env.NODE_ENV = 'development';
    await expect(
      demoPersonaAuthenticator.authenticate(
        { req: request('priya.platform') },
        init(),
      ),
    ).rejects.toThrow('"priya.platform" is not a demo persona');
    await expect(
      demoPersonaAuthenticator.authenticate({ req: request() }, init()),
    ).rejects.toThrow(`Missing ${PERSONA_HEADER} header`);
  });

  it('is off outside development, whatever the config says', async () => {
    process.env.NODE_ENV = 'production';
    await expect(
      demoPersonaAuthenticator.authenticate(
        { req: request('morgan.manager') },
        init(),
      ),
    ).rejects.toThrow('only available in development');
    await expect(
      demoPersonaAuthenticator.authenticate(
        { req: request('morgan.manager') },
        init({ dangerouslyAllowOutsideDevelopment: true }),
      ),
    ).rejects.toThrow('only available in development');
  });
});

import { ConfigReader } from '@backstage/config';
import { demoSignInProviders } from './demoSignInProviders';

const demoProviders = {
  guest: { userEntityRef: 'user:default/guest' },
  demoPersona: { users: ['morgan.manager'] },
};

const config = (auth: object) => new ConfigReader({ auth });

describe('demoSignInProviders', () => {
  it('allows each configured demo provider in development', () => {
    expect(
      demoSignInProviders(config({ providers: demoProviders }), 'development'),
    ).toEqual(['guest', 'demoPersona']);
    expect(
      demoSignInProviders(
        config({ environment: 'development', providers: demoProviders }),
        'development',
      ),
    ).toEqual(['guest', 'demoPersona']);
  });

  it('allows only what is configured', () => {
    expect(
      demoSignInProviders(
        config({ providers: { guest: demoProviders.guest } }),
        'development',
      ),
    ).toEqual(['guest']);
    expect(demoSignInProviders(config({}), 'development')).toEqual([]);
    expect(demoSignInProviders(new ConfigReader({}), 'development')).toEqual(
      [],
    );
  });

  it.each([undefined, 'production', 'test', 'Development', ''])(
    'allows none when NODE_ENV is %p',
    nodeEnv => {
      expect(
        demoSignInProviders(config({ providers: demoProviders }), nodeEnv),
      ).toEqual([]);
    },
  );

  it('allows none with a production auth.environment, even when NODE_ENV is development', () => {
    expect(
      demoSignInProviders(
        config({ environment: 'production', providers: demoProviders }),
        'development',
      ),
    ).toEqual([]);
  });
});

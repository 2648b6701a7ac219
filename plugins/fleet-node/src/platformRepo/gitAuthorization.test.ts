import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { GitAuthorization } from './gitAuthorization';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('GitAuthorization', () => {
  const authorization = new GitAuthorization(
    ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          github: [{ host: 'github.com', token: 'ghp_token' }],
          gitlab: [
            {
              host: 'gitlab.example.com',
              apiBaseUrl: 'https://gitlab.example.com/api/v4',
              token: 'glpat_token',
            },
          ],
          bitbucketServer: [
            { host: 'bitbucket.example.com', token: 'bb_token' },
          ],
          gitea: [
            {
              host: 'gitea.example.com',
              username: 'bot',
              password: 'gitea_pw',
            },
          ],
        },
      }),
    ),
  );

  it('uses the integration of the remote host', async () => {
    await expect(
      authorization.forRemote('https://github.com/acme/platform.git'),
    ).resolves.toBe(basic('x-access-token', 'ghp_token'));
    await expect(
      authorization.forRemote('https://gitlab.example.com/acme/platform.git'),
    ).resolves.toBe(basic('oauth2', 'glpat_token'));
    await expect(
      authorization.forRemote(
        'https://bitbucket.example.com/scm/acme/platform.git',
      ),
    ).resolves.toBe('Bearer bb_token');
    await expect(
      authorization.forRemote('https://gitea.example.com/acme/platform.git'),
    ).resolves.toBe(basic('bot', 'gitea_pw'));
  });

  it('sends nothing to other hosts, over plain http, or for local remotes', async () => {
    await expect(
      authorization.forRemote('https://git.other.example/acme/platform.git'),
    ).resolves.toBeUndefined();
    await expect(
      authorization.forRemote('http://github.com/acme/platform.git'),
    ).resolves.toBeUndefined();
    await expect(
      authorization.forRemote('/srv/git/platform.git'),
    ).resolves.toBeUndefined();
    // gitlab.com is a default integration, without a token
    await expect(
      authorization.forRemote('https://gitlab.com/acme/platform.git'),
    ).resolves.toBeUndefined();
  });
});

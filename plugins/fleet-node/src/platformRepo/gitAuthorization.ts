import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';

/**
 * Resolves the `Authorization` header for git over HTTPS from the Backstage
 * `integrations` config of the remote's host: GitHub (token or GitHub App, through
 * the credentials provider), GitLab (token), Bitbucket Cloud and Server, and Gitea.
 * Returns undefined for other hosts and for non-HTTPS remotes (a token is never sent
 * in clear text).
 */
export class GitAuthorization {
  readonly #integrations: ScmIntegrationRegistry;
  readonly #github: GithubCredentialsProvider;

  constructor(integrations: ScmIntegrationRegistry) {
    this.#integrations = integrations;
    this.#github =
      DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  }

  async forRemote(remote: string): Promise<string | undefined> {
    if (!remote.startsWith('https://')) {
      return undefined;
    }
    const integrations = this.#integrations;
    if (integrations.github.byUrl(remote)) {
      const { token } = await this.#github.getCredentials({ url: remote });
      return token ? basic('x-access-token', token) : undefined;
    }
    const gitlab = integrations.gitlab.byUrl(remote)?.config;
    if (gitlab) {
      return gitlab.token ? basic('oauth2', gitlab.token) : undefined;
    }
    const bitbucketCloud = integrations.bitbucketCloud.byUrl(remote)?.config;
    if (bitbucketCloud) {
      if (bitbucketCloud.token) {
        return basic('x-token-auth', bitbucketCloud.token);
      }
      return basicIfBoth(bitbucketCloud.username, bitbucketCloud.appPassword);
    }
    const bitbucketServer = integrations.bitbucketServer.byUrl(remote)?.config;
    if (bitbucketServer) {
      if (bitbucketServer.token) {
        return `Bearer ${bitbucketServer.token}`;
      }
      return basicIfBoth(bitbucketServer.username, bitbucketServer.password);
    }
    const gitea = integrations.gitea.byUrl(remote)?.config;
    if (gitea) {
      return basicIfBoth(gitea.username, gitea.password);
    }
    return undefined;
  }
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

function basicIfBoth(username?: string, password?: string) {
  return username && password ? basic(username, password) : undefined;
}

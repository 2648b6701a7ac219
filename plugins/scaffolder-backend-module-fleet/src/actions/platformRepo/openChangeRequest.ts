import type { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  type GithubCredentialsProvider,
  ScmIntegrations,
  type ScmIntegrationRegistry,
} from '@backstage/integration';
import { readPlatformRepoLocation } from '@fleet-portal/plugin-fleet-node';

/** A pull request (GitHub) or merge request (GitLab) opened for a proposal branch. */
export type ChangeRequest = {
  url: string;
  /** "Pull request #12" or "Merge request !7", as the host names it. */
  label: string;
};

export type ChangeRequestInput = {
  /** The proposal branch, already pushed. */
  head: string;
  /** The branch it is proposed into (the platform repository's main branch). */
  base: string;
  title: string;
  body: string;
  signal?: AbortSignal;
};

/** Opens a change request for a pushed proposal branch where the platform repository's host has them. */
export interface ChangeRequestOpener {
  /** Undefined when the host has no change requests the suite can open (a plain Git remote). */
  open(input: ChangeRequestInput): Promise<ChangeRequest | undefined>;
}

const TIMEOUT_MS = 15_000;
const MAX_REASON = 300;

/**
 * Opens the pull or merge request of a proposal through the REST API of the platform repository's
 * host, when its remote is on a configured `integrations.github` or `integrations.gitlab` host.
 * The token comes from that integration only and is sent only to its API base URL; it is never
 * part of a message. Every failure is an Error whose message says in words what the host answered.
 */
export class ScmChangeRequests implements ChangeRequestOpener {
  readonly #remote: string | undefined;
  readonly #integrations: ScmIntegrationRegistry;
  readonly #github: GithubCredentialsProvider;
  readonly #fetch: typeof fetch;

  static fromConfig(
    config: Config,
    options: { fetch?: typeof fetch } = {},
  ): ScmChangeRequests {
    return new ScmChangeRequests(
      readPlatformRepoLocation(config)?.remote,
      ScmIntegrations.fromConfig(config),
      options.fetch ?? fetch,
    );
  }

  private constructor(
    remote: string | undefined,
    integrations: ScmIntegrationRegistry,
    fetchImpl: typeof fetch,
  ) {
    this.#remote = remote;
    this.#integrations = integrations;
    this.#github =
      DefaultGithubCredentialsProvider.fromIntegrations(integrations);
    this.#fetch = fetchImpl;
  }

  async open(input: ChangeRequestInput): Promise<ChangeRequest | undefined> {
    const remote = this.#remote;
    if (!remote?.startsWith('https://')) {
      return undefined;
    }
    const github = this.#integrations.github.byUrl(remote)?.config;
    if (github) {
      const { owner, repo } = githubRepository(remote);
      if (!github.apiBaseUrl) {
        throw new Error(
          `integrations.github for ${github.host} has no apiBaseUrl, so the pull request could not be opened`,
        );
      }
      const { token } = await this.#github.getCredentials({ url: remote });
      const answer = await this.#post(
        `${github.apiBaseUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(
          owner,
        )}/${encodeURIComponent(repo)}/pulls`,
        {
          Accept: 'application/vnd.github+json',
          'X-GitHub-Api-Version': '2022-11-28',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        {
          title: input.title,
          head: input.head,
          base: input.base,
          body: input.body,
        },
        { host: github.host, what: 'pull request', signal: input.signal },
      );
      const number = answer.number;
      const url = answer.html_url;
      if (typeof number !== 'number' || typeof url !== 'string') {
        throw new Error(
          `${github.host} answered without the pull request's number and address`,
        );
      }
      return { url, label: `Pull request #${number}` };
    }
    const gitlab = this.#integrations.gitlab.byUrl(remote)?.config;
    if (gitlab) {
      const project = gitlabProject(remote, gitlab.baseUrl);
      const answer = await this.#post(
        `${gitlab.apiBaseUrl.replace(/\/+$/, '')}/projects/${encodeURIComponent(
          project,
        )}/merge_requests`,
        gitlab.token ? { 'PRIVATE-TOKEN': gitlab.token } : {},
        {
          source_branch: input.head,
          target_branch: input.base,
          title: input.title,
          description: input.body,
        },
        { host: gitlab.host, what: 'merge request', signal: input.signal },
      );
      const iid = answer.iid;
      const url = answer.web_url;
      if (typeof iid !== 'number' || typeof url !== 'string') {
        throw new Error(
          `${gitlab.host} answered without the merge request's number and address`,
        );
      }
      return { url, label: `Merge request !${iid}` };
    }
    return undefined;
  }

  async #post(
    url: string,
    headers: Record<string, string>,
    body: object,
    about: { host: string; what: string; signal?: AbortSignal },
  ): Promise<Record<string, unknown>> {
    const signals = [AbortSignal.timeout(TIMEOUT_MS)];
    if (about.signal) signals.push(about.signal);
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      throw new Error(
        `${about.host} could not be reached to open the ${about.what} (${
          (error as Error)?.name === 'TimeoutError'
            ? `no answer within ${TIMEOUT_MS / 1000} s`
            : 'connection failed'
        })`,
      );
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const reason = hostReason(json);
      throw new Error(
        `${about.host} refused to open the ${about.what}: ${response.status} ${
          response.statusText
        }${reason ? ` (${reason})` : ''}`,
      );
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      throw new Error(
        `${about.host} answered the ${about.what} request with something other than a JSON object`,
      );
    }
    return json as Record<string, unknown>;
  }
}

/** `owner` and `repo` of https://host/owner/repo(.git). */
function githubRepository(remote: string): { owner: string; repo: string } {
  const parts = new URL(remote).pathname.split('/').filter(Boolean);
  if (parts.length < 2) {
    throw new Error(
      `the platform repository's remote does not name an owner and a repository`,
    );
  }
  return { owner: parts[0], repo: parts[1].replace(/\.git$/, '') };
}

/** The project path (group/subgroup/project) of a remote below the GitLab instance's base URL. */
function gitlabProject(remote: string, baseUrl: string): string {
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  let path = new URL(remote).pathname;
  if (base && path.startsWith(`${base}/`)) {
    path = path.slice(base.length);
  }
  const project = path
    .replace(/^\/+/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  if (!project.includes('/')) {
    throw new Error(
      `the platform repository's remote does not name a GitLab group and project`,
    );
  }
  return project;
}

/** What the host said was wrong, from GitHub's `message`/`errors` or GitLab's `message`/`error`, capped. */
function hostReason(json: unknown): string | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const body = json as Record<string, unknown>;
  const details = Array.isArray(body.errors)
    ? body.errors
        .map(e =>
          e && typeof e === 'object' && typeof (e as any).message === 'string'
            ? (e as any).message
            : undefined,
        )
        .filter(Boolean)
    : [];
  const message = body.message ?? body.error;
  const parts = [...flatten(message), ...details];
  const reason = parts.join(': ');
  if (!reason) return undefined;
  return reason.length > MAX_REASON
    ? `${reason.slice(0, MAX_REASON)}…`
    : reason;
}

/** GitLab's message may be a string, a list, or field → list of messages. */
function flatten(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([field, v]) =>
      flatten(v).map(m => `${field} ${m}`),
    );
  }
  return [];
}

export { credentialEnv } from './credentialEnv';
export { GitAuthorization } from './gitAuthorization';
export { GitCommandError, redact, runGit } from './runGit';
export type { RunGitOptions } from './runGit';
export { PlatformRepoWriter } from './PlatformRepoWriter';
export type {
  GitIdentity,
  PlatformRepoCommitMode,
  PlatformRepoCommitRequest,
  PlatformRepoCommitResult,
  PlatformRepoFile,
  PlatformRepoFiles,
  PlatformRepoWriterOptions,
} from './PlatformRepoWriter';
export {
  platformRepoWriterFromConfig,
  readPlatformRepoLocation,
} from './fromConfig';
export type { PlatformRepoLocation } from './fromConfig';
export { platformRepoPaths } from './paths';
export {
  DEFAULT_PLATFORM_REPO_PROVIDER_ID,
  PLATFORM_REPO_PROVIDERS_CONFIG_KEY,
  platformRepoProviderConfigs,
  readPlatformRepoOrigin,
  readPlatformRepoOrigins,
} from './origins';
export type { PlatformRepoProviderOrigin } from './origins';
export { platformRepoSourceAnnotations } from './sourceAnnotations';

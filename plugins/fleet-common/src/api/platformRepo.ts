// The platform-repository state API of the catalog module (served under the catalog plugin,
// `/api/catalog/fleet/platform-repositories`), shared by the module that serves it, the fleet
// backend that turns it into gauges and the frontend page that shows it. Times are ISO 8601.

/** The path of the state route, relative to the catalog plugin's base URL. */
export const PLATFORM_REPO_STATUS_PATH = '/fleet/platform-repositories';

/** One reason a file of the platform repository was skipped; a file can have several. */
export type PlatformRepoFileProblem = {
  /** The file, from the repository root, e.g. `clusters/x/cluster.yaml`. */
  path: string;
  /** The 1-based line the problem is on, when it has one. */
  line?: number;
  /** In words, e.g. `spec.network.podCidr: 10.0.0.0/33 is not a valid IPv4 CIDR`. */
  reason: string;
  /**
   * Whether the catalog keeps serving the entity of the file's last good version (marked
   * with the error); false for a file that never had a good version.
   */
  lastGoodKept: boolean;
};

/** Entities ingested from the platform repository, by kind of file. */
export type PlatformRepoEntityCounts = {
  profiles: number;
  clusters: number;
  namespaces: number;
};

/** What the last successful read of a platform repository found. */
export type PlatformRepoRead = {
  /** The commit read, in full. */
  commit: string;
  /** When the read finished. */
  at: string;
  entities: PlatformRepoEntityCounts;
  /** How many files were skipped (each has at least one problem). */
  skippedFiles: number;
  /** Every problem of every skipped file, by path and line. */
  problems: PlatformRepoFileProblem[];
};

/** The state of one platform-repository provider (`catalog.providers.fleetPlatformRepo`). */
export type PlatformRepoStatus = {
  /** The provider id. */
  id: string;
  /** The remote, with any credentials in it redacted. */
  remote: string;
  branch: string;
  /** When the provider last tried to read the repository; absent before its first run. */
  lastAttemptAt?: string;
  /** The last successful read; absent until one succeeded. */
  lastRead?: PlatformRepoRead;
  /**
   * Why the latest attempt failed (Git could not fetch or read the repository, or the
   * catalog could not be asked for last good versions): the catalog then kept what
   * `lastRead` ingested. Absent when the latest attempt succeeded.
   */
  failure?: string;
};

/** The answer of the state route: every configured provider, by id. */
export type PlatformRepoStatusList = { items: PlatformRepoStatus[] };

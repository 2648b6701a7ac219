import type { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';

/**
 * What the reservation sweep asks the platform repository: which proposal branches are still open
 * and which clusters are on the main branch. Backed by fleet-node's PlatformRepoWriter (git
 * ls-remote and a shallow fetch), so the sweep shares the suite's one way of talking to Git.
 */
export interface ProposalBranches {
  /** The repository reservations record, without credentials. */
  readonly repository: string;
  /** The names of the repository's branches. */
  branches(): Promise<Set<string>>;
  /** Which of the named clusters have their `clusters/<name>/cluster.yaml` on the main branch. */
  clustersOnMain(names: string[]): Promise<Set<string>>;
}

export function proposalBranchesOf(
  writer: Pick<
    PlatformRepoWriter,
    'remoteForDisplay' | 'branches' | 'existingPaths'
  >,
): ProposalBranches {
  const file = (name: string) => `clusters/${name}/cluster.yaml`;
  return {
    repository: writer.remoteForDisplay,
    branches: () => writer.branches(),
    async clustersOnMain(names) {
      if (names.length === 0) {
        return new Set();
      }
      const present = new Set(await writer.existingPaths(names.map(file)));
      return new Set(names.filter(name => present.has(file(name))));
    },
  };
}

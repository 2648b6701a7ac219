import type {
  PlatformRepoEntityCounts,
  PlatformRepoStatus,
} from '@fleet-portal/plugin-fleet-common';

/** `2026-11-20 10:00:00 UTC`: the same for every viewer, as in the backend's logs. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `4 profiles, 12 clusters, 30 tenant namespaces` */
export function formatEntityCounts(counts: PlatformRepoEntityCounts): string {
  return [
    plural(counts.profiles, 'profile'),
    plural(counts.clusters, 'cluster'),
    plural(counts.namespaces, 'tenant namespace'),
  ].join(', ');
}

/** The label/value rows of a repository's card; rows without a value are left out. */
export function repositoryFacts(
  status: PlatformRepoStatus,
): Record<string, string> {
  const { lastRead } = status;
  const rows: Record<string, string | undefined> = {
    Remote: status.remote,
    Branch: status.branch,
    'Last commit read': lastRead?.commit,
    'Read at': lastRead && formatUtc(lastRead.at),
    Entities: lastRead && formatEntityCounts(lastRead.entities),
    'Skipped files': lastRead && String(lastRead.skippedFiles),
    'Last attempt': status.lastAttemptAt && formatUtc(status.lastAttemptAt),
  };
  return Object.fromEntries(
    Object.entries(rows).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

import type {
  PlatformRepoEntityCounts,
  PlatformRepoStatus,
} from '@fleet-portal/plugin-fleet-common';
import { Gauge, Registry } from 'prom-client';
import { MetricFamily } from './exposition';

/** Where the state of the platform repositories comes from (the catalog module's route). */
export type PlatformRepoStatusReader = {
  /** Undefined when there is no platform-repository provider to ask about. */
  list(): Promise<PlatformRepoStatus[] | undefined>;
};

const ENTITY_KINDS: ReadonlyArray<{
  kind: string;
  count: keyof PlatformRepoEntityCounts;
}> = [
  { kind: 'profile', count: 'profiles' },
  { kind: 'cluster', count: 'clusters' },
  { kind: 'namespace', count: 'namespaces' },
];

function gauge(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[] = ['provider'],
): Gauge<string> {
  return new Gauge({ name, help, labelNames, registers: [registry] });
}

const seconds = (iso: string) => Date.parse(iso) / 1000;

/**
 * The platform-repository families of a scrape, read from `reader`: none when the
 * catalog has no fleet module, only `fleet_platform_repo_status_up 0` when it could
 * not be asked (the scrape itself still succeeds), else 1 and the state of each
 * repository.
 */
export async function readPlatformRepoMetricFamilies(
  reader: PlatformRepoStatusReader,
): Promise<MetricFamily[]> {
  let repositories: PlatformRepoStatus[] | undefined;
  try {
    repositories = await reader.list();
  } catch {
    return [statusUp(false)];
  }
  if (!repositories) {
    return [];
  }
  return [statusUp(true), ...platformRepoMetricFamilies(repositories)];
}

function statusUp(up: boolean): MetricFamily {
  return registry => {
    gauge(
      registry,
      'fleet_platform_repo_status_up',
      '1 when the catalog answered with the state of the platform repositories, 0 when it could not be asked.',
      [],
    ).set(Number(up));
  };
}

/**
 * The state of each platform repository the catalog reads (one series per provider),
 * as the catalog module's status route reports it: when it was last read, what was
 * ingested, how many files were skipped, and whether the latest run failed. A provider
 * that never read its repository has only the attempt and failure series.
 */
export function platformRepoMetricFamilies(
  repositories: readonly PlatformRepoStatus[],
): MetricFamily[] {
  return [
    registry => {
      const info = gauge(
        registry,
        'fleet_platform_repo_info',
        'Always 1: the remote (credentials redacted), branch and last commit read of a platform repository.',
        ['provider', 'remote', 'branch', 'commit'],
      );
      for (const { id, remote, branch, lastRead } of repositories) {
        info.set(
          { provider: id, remote, branch, commit: lastRead?.commit ?? '' },
          1,
        );
      }
    },
    registry => {
      const lastRead = gauge(
        registry,
        'fleet_platform_repo_last_read_timestamp_seconds',
        'When the platform repository was last read successfully (Unix time).',
      );
      const lastAttempt = gauge(
        registry,
        'fleet_platform_repo_last_attempt_timestamp_seconds',
        'When the provider last tried to read the platform repository (Unix time).',
      );
      const failing = gauge(
        registry,
        'fleet_platform_repo_read_failing',
        '1 when the latest read failed (Git, or the catalog); the catalog then keeps what the last good read ingested.',
      );
      for (const repository of repositories) {
        const labels = { provider: repository.id };
        if (repository.lastRead) {
          lastRead.set(labels, seconds(repository.lastRead.at));
        }
        if (repository.lastAttemptAt) {
          lastAttempt.set(labels, seconds(repository.lastAttemptAt));
        }
        failing.set(labels, Number(repository.failure !== undefined));
      }
    },
    registry => {
      const skipped = gauge(
        registry,
        'fleet_platform_repo_skipped_files',
        'Files of the platform repository skipped at the last read (unparseable, invalid, too large); the platform-repository page lists them with their reasons.',
      );
      const entities = gauge(
        registry,
        'fleet_platform_repo_entities',
        'Entities ingested from the platform repository at the last read, by kind (profile, cluster, namespace); last good versions of skipped files included.',
        ['provider', 'kind'],
      );
      for (const { id, lastRead } of repositories) {
        if (!lastRead) {
          continue;
        }
        skipped.set({ provider: id }, lastRead.skippedFiles);
        for (const { kind, count } of ENTITY_KINDS) {
          entities.set({ provider: id, kind }, lastRead.entities[count]);
        }
      }
    },
  ];
}

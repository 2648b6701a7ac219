import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import type {
  CatalogService,
  DeferredEntity,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import childProcess from 'node:child_process';
import fs from 'node:fs';
import {
  aliasBombClusterYaml,
  clusterPath,
  clusterYaml,
  namespacePath,
  namespaceYaml,
  profilePath,
  profileYaml,
} from '../__testUtils__/platformRepo';
import { git, TestGitRepository } from '../__testUtils__/gitRepository';
import { ANNOTATION_INGESTION_ERROR } from '../constants';
import { PlatformRepoStatusStore } from '../status/PlatformRepoStatusStore';
import { GitMirror } from './GitMirror';
import {
  PlatformRepoEntityProvider,
  PlatformRepoEntityProviderOptions,
} from './PlatformRepoEntityProvider';

const A = 'prd-euw1-payments-01';
const B = 'prd-euw1-checkout-01';
const C = 'prd-use1-payments-01';
const SOURCE_FILE = 'fleet-portal.dev/source-file';

/**
 * Stands in for the catalog: holds the entities of the last full mutation the way the
 * catalog returns them (uid, etag, relations), and answers the provider's lookups.
 */
class FakeCatalog {
  entities: Entity[] = [];
  failLookups = false;
  readonly lookups: Array<Record<string, unknown>> = [];

  apply(mutation: EntityProviderMutation) {
    if (mutation.type !== 'full') {
      throw new Error('expected a full mutation');
    }
    this.entities = mutation.entities
      // a processing error keeps the last good version (see the processor)
      .map(({ entity }) =>
        entity.metadata.annotations?.[ANNOTATION_INGESTION_ERROR]
          ? this.entities.find(e => sameRef(e, entity))!
          : {
              ...entity,
              metadata: {
                ...entity.metadata,
                uid: `uid-${entity.metadata.name}`,
                etag: 'e',
              },
              relations: [{ type: 'ownedBy', targetRef: 'group:default/x' }],
            },
      );
  }

  readonly service = {
    getEntities: async (request: {
      filter: Record<string, string | string[]>;
    }) => {
      this.lookups.push(request.filter);
      if (this.failLookups) {
        throw new Error('catalog unavailable');
      }
      const files = [
        request.filter[`metadata.annotations.${SOURCE_FILE}`],
      ].flat();
      return {
        items: this.entities.filter(e =>
          files.includes(e.metadata.annotations?.[SOURCE_FILE] ?? ''),
        ),
      };
    },
  } as unknown as CatalogService;
}

function sameRef(a: Entity, b: Entity) {
  return stringifyEntityRef(a) === stringifyEntityRef(b);
}

describe('PlatformRepoEntityProvider', () => {
  let repo: TestGitRepository;
  let catalog: FakeCatalog;
  let logs: string[];
  let mutations: EntityProviderMutation[];
  let connection: EntityProviderConnection;
  let tasks: SchedulerServiceTaskInvocationDefinition[];
  let schedules: unknown[];

  const logger: LoggerService = {
    error: message => logs.push(`error ${message}`),
    warn: message => logs.push(`warn ${message}`),
    info: message => logs.push(`info ${message}`),
    debug: () => {},
    child: () => logger,
  };
  const scheduler = {
    createScheduledTaskRunner: (schedule: unknown) => {
      schedules.push(schedule);
      return {
        run: async (task: SchedulerServiceTaskInvocationDefinition) => {
          tasks.push(task);
        },
      };
    },
  } as unknown as SchedulerService;

  beforeEach(() => {
    repo = TestGitRepository.create();
    catalog = new FakeCatalog();
    logs = [];
    mutations = [];
    tasks = [];
    schedules = [];
    connection = {
      applyMutation: jest.fn(async mutation => {
        mutations.push(mutation);
        catalog.apply(mutation);
      }),
      refresh: jest.fn(),
    };
  });

  afterEach(() => {
    jest.restoreAllMocks();
    repo.remove();
  });

  async function connectedProvider(
    providerConfig: object = {},
    options: Pick<PlatformRepoEntityProviderOptions, 'status'> = {},
  ) {
    const config = new ConfigReader({
      catalog: {
        providers: {
          fleetPlatformRepo: {
            test: {
              remote: repo.remote,
              workDir: repo.workDir,
              ...providerConfig,
            },
          },
        },
      },
    });
    const [provider] = PlatformRepoEntityProvider.fromConfig(config, {
      logger,
      scheduler,
      catalog: catalog.service,
      auth: mockServices.auth(),
      ...options,
    });
    await provider.connect(connection);
    return provider;
  }

  const lastEntities = () => {
    const mutation = mutations[mutations.length - 1];
    if (mutation.type !== 'full') {
      throw new Error('expected a full mutation');
    }
    return mutation.entities;
  };
  const names = (entities: DeferredEntity[]) =>
    entities.map(e => e.entity.metadata.name).sort();
  const byName = (name: string) =>
    lastEntities().find(e => e.entity.metadata.name === name)!.entity;

  it('schedules one refresh task named after the provider', async () => {
    const provider = await connectedProvider();
    expect(provider.getProviderName()).toBe('FleetPlatformRepoProvider:test');
    expect(tasks.map(t => t.id)).toEqual([
      'FleetPlatformRepoProvider:test:refresh',
    ]);
    expect(schedules).toEqual([
      { frequency: { minutes: 2 }, timeout: { minutes: 3 } },
    ]);
  });

  it('follows the repository across runs', async () => {
    repo.commit('initial fleet', {
      [profilePath('production')]: profileYaml('production'),
      [clusterPath(A)]: clusterYaml(A),
      [clusterPath(B)]: clusterYaml(B, {
        podCidr: '10.65.0.0/16',
        serviceCidr: '10.128.16.0/20',
      }),
      [namespacePath(A, 'checkout')]: namespaceYaml(A, 'checkout'),
      'clusters/prd-euw1-payments-01/provisioning/cluster.yaml':
        'kind: Cluster',
      'README.md': '# platform',
    });
    const provider = await connectedProvider();

    // run 1: everything is ingested, with its location
    await provider.refresh();
    expect(names(lastEntities())).toEqual([
      B,
      A,
      `${A}.checkout`,
      'production',
    ]);
    expect(
      lastEntities().every(e => e.locationKey === 'fleet-platform-repo:test'),
    ).toBe(true);
    expect(byName(A).metadata.annotations).toEqual({
      'backstage.io/managed-by-location': `fleet-platform-repo:${
        repo.remote
      }/${clusterPath(A)}`,
      'backstage.io/managed-by-origin-location': `fleet-platform-repo:${
        repo.remote
      }/${clusterPath(A)}`,
      'fleet-portal.dev/source': 'platform-repo',
      'fleet-portal.dev/source-file': clusterPath(A),
    });
    expect(logs).toContainEqual(
      expect.stringMatching(
        /^info Read platform repository test \(.*, branch main\) at [0-9a-f]{12}: 4 entities \(1 profiles, 2 clusters, 1 namespaces\); 0 broken files skipped, 0 of them kept/,
      ),
    );

    // run 2: a cluster is added — and the mirror is fetched, not cloned again
    repo.commit('add C', {
      [clusterPath(C)]: clusterYaml(C, {
        podCidr: '10.66.0.0/16',
        serviceCidr: '10.128.32.0/20',
      }),
    });
    const spawn = jest.spyOn(childProcess, 'spawn');
    await provider.refresh();
    expect(spawn.mock.calls.map(([, args]) => args![2])).toEqual([
      'fetch',
      'rev-parse',
      'ls-tree',
      'cat-file',
    ]);
    spawn.mockRestore();
    expect(names(lastEntities())).toEqual([
      B,
      A,
      `${A}.checkout`,
      C,
      'production',
    ]);

    // run 3: a cluster changes
    repo.commit('describe A', {
      [clusterPath(A)]: clusterYaml(A, { description: 'Payments, EU' }),
    });
    await provider.refresh();
    expect(byName(A).metadata.description).toBe('Payments, EU');

    // run 4: B breaks — reported, and its last good version is kept with the error
    logs = [];
    repo.commit('break B', {
      [clusterPath(B)]: clusterYaml(B, {
        podCidr: '10.65.0.0/33',
        serviceCidr: '10.128.16.0/20',
      }),
    });
    await provider.refresh();
    const error = `${clusterPath(
      B,
    )}:17: spec.network.podCidr: 10.65.0.0/33 is not a valid IPv4 CIDR`;
    expect(logs).toContainEqual(
      expect.stringContaining(`warn Skipped ${error}`),
    );
    expect(logs).toContainEqual(
      expect.stringContaining(
        '1 broken files skipped, 1 of them kept at their last good version',
      ),
    );
    expect(catalog.lookups).toEqual([
      {
        'metadata.annotations.fleet-portal.dev/source': 'platform-repo',
        'metadata.annotations.fleet-portal.dev/source-file': [clusterPath(B)],
      },
    ]);
    const kept = byName(B);
    expect(kept.spec!.network).toEqual({
      podCidr: '10.65.0.0/16',
      serviceCidr: '10.128.16.0/20',
    });
    expect(kept.metadata.annotations![ANNOTATION_INGESTION_ERROR]).toMatch(
      new RegExp(`^${error.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`),
    );
    expect(kept.metadata.uid).toBeUndefined();
    expect(kept.metadata.etag).toBeUndefined();
    expect(kept.relations).toBeUndefined();
    expect(names(lastEntities())).toEqual([
      B,
      A,
      `${A}.checkout`,
      C,
      'production',
    ]);

    // run 5: B is fixed
    repo.commit('fix B', {
      [clusterPath(B)]: clusterYaml(B, {
        podCidr: '10.70.0.0/16',
        serviceCidr: '10.128.16.0/20',
      }),
    });
    await provider.refresh();
    expect(byName(B).spec!.network).toEqual({
      podCidr: '10.70.0.0/16',
      serviceCidr: '10.128.16.0/20',
    });
    expect(
      byName(B).metadata.annotations![ANNOTATION_INGESTION_ERROR],
    ).toBeUndefined();

    // run 6: C is deleted, and a new cluster arrives broken (nothing to keep for it)
    logs = [];
    repo.commit('delete C, add a broken D', {
      [clusterPath(C)]: null,
      [clusterPath('prd-euw1-broken-01')]:
        'apiVersion: backstage.io/v1alpha1\nkind: [',
    });
    await provider.refresh();
    expect(names(lastEntities())).toEqual([
      B,
      A,
      `${A}.checkout`,
      'production',
    ]);
    expect(logs).toContainEqual(
      expect.stringMatching(
        /^warn Skipped clusters\/prd-euw1-broken-01\/cluster\.yaml:2: invalid YAML/,
      ),
    );
    expect(logs).toContainEqual(
      expect.stringContaining('1 broken files skipped, 0 of them kept'),
    );
    expect(connection.applyMutation).toHaveBeenCalledTimes(6);
  });

  it('reads no file contents when nothing changed', async () => {
    repo.commit('initial fleet', {
      [profilePath('production')]: profileYaml('production'),
      [clusterPath(A)]: clusterYaml(A),
    });
    const provider = await connectedProvider();
    await provider.refresh();
    const spawn = jest.spyOn(childProcess, 'spawn');
    await provider.refresh();
    expect(spawn.mock.calls.map(([, args]) => args![2])).toEqual([
      'fetch',
      'rev-parse',
      'ls-tree',
    ]);
    expect(mutations[1]).toEqual(mutations[0]);
  });

  it('leaves the catalog alone when the remote cannot be read', async () => {
    repo.commit('initial fleet', { [clusterPath(A)]: clusterYaml(A) });
    const provider = await connectedProvider();
    await provider.refresh();
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);

    fs.renameSync(repo.remote, `${repo.remote}.moved`);
    await expect(provider.refresh()).rejects.toThrow(
      /^Cannot read platform repository test \(.*remote\.git, branch main\); the catalog is left unchanged; caused by GitCommandError: git fetch failed/,
    );

    // the scheduled task logs the failure instead of throwing
    await tasks[0].fn(new AbortController().signal);
    expect(logs).toContainEqual(
      expect.stringMatching(
        /^error .*Cannot read platform repository test .*the catalog is left unchanged/,
      ),
    );
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('leaves the catalog alone when the branch does not exist', async () => {
    repo.commit('initial fleet', { [clusterPath(A)]: clusterYaml(A) });
    const provider = await connectedProvider({ branch: 'production' });
    await expect(provider.refresh()).rejects.toThrow(
      /couldn't find remote ref refs\/heads\/production/,
    );
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('leaves the catalog alone when the last good entities cannot be looked up', async () => {
    repo.commit('initial fleet', {
      [clusterPath(A)]: clusterYaml(A),
      [clusterPath(B)]: clusterYaml(B),
    });
    const provider = await connectedProvider();
    await provider.refresh();
    repo.commit('break B', { [clusterPath(B)]: 'kind: [' });
    catalog.failLookups = true;
    await expect(provider.refresh()).rejects.toThrow(
      /^Cannot look up the last good entities of 1 broken files of platform repository test; the catalog is left unchanged; caused by Error: catalog unavailable/,
    );
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('reads a single provider object as the default provider', async () => {
    const config = new ConfigReader({
      catalog: {
        providers: {
          fleetPlatformRepo: {
            remote: 'https://user:secret@github.com/acme/platform-config.git',
            branch: 'release',
            schedule: { frequency: { minutes: 10 }, timeout: { minutes: 5 } },
          },
        },
      },
    });
    const providers = PlatformRepoEntityProvider.fromConfig(config, {
      logger,
      scheduler,
      catalog: catalog.service,
      auth: mockServices.auth(),
    });
    expect(providers.map(p => p.getProviderName())).toEqual([
      'FleetPlatformRepoProvider:default',
    ]);
    expect(schedules).toEqual([
      { frequency: { minutes: 10 }, timeout: { minutes: 5 } },
    ]);
  });

  describe('a file that cannot be read', () => {
    const D = 'prd-euw1-bomb-01';
    const E = 'prd-euw1-large-01';
    const TWO_MIB = 2 * 1024 * 1024;
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
    const oidOf = (file: string) =>
      git(
        repo.root,
        '--git-dir',
        repo.remote,
        'rev-parse',
        `main:${file}`,
      ).trim();

    it('skips an unparseable file (an alias bomb) and ingests every other file', async () => {
      repo.commit('fleet with a bomb', {
        [profilePath('production')]: profileYaml('production'),
        [clusterPath(A)]: clusterYaml(A),
        [clusterPath(D)]: aliasBombClusterYaml(D),
      });
      const provider = await connectedProvider();
      await expect(provider.refresh()).resolves.toBeUndefined();
      expect(names(lastEntities())).toEqual([A, 'production']);
      expect(logs).toContainEqual(
        `warn Skipped ${clusterPath(
          D,
        )}:7: invalid YAML: its aliases (such as *l0) expand to more data than an entity file may hold; write the values out instead`,
      );
    });

    it('skips a 2 MiB file with its reason, without reading its content', async () => {
      repo.commit('fleet with a large file', {
        [clusterPath(A)]: clusterYaml(A),
        // valid YAML, and a valid cluster but for its size
        [clusterPath(E)]: clusterYaml(E, {
          description: 'x'.repeat(TWO_MIB),
        }),
      });
      const streamBlobs = jest.spyOn(GitMirror.prototype, 'streamBlobs');
      const provider = await connectedProvider();
      await provider.refresh();
      expect(streamBlobs.mock.calls.flatMap(([oids]) => oids)).toEqual([
        oidOf(clusterPath(A)),
      ]);
      expect(names(lastEntities())).toEqual([A]);
      expect(logs).toContainEqual(
        `warn Skipped ${clusterPath(
          E,
        )}:1: the file is 2.0 MiB, more than the 1.0 MiB an entity file may have (maxFileBytes of the provider), so it was not read`,
      );

      // the limit is the provider's to set
      mutations = [];
      const generous = await connectedProvider({ maxFileBytes: 3 * TWO_MIB });
      await generous.refresh();
      expect(names(lastEntities())).toEqual([E, A]);
    });

    it('records every run for the status route: what was read, then why a run failed', async () => {
      const store = await PlatformRepoStatusStore.create({
        database: mockServices.database({
          knex: await databases.init('SQLITE_3'),
        }),
      });
      repo.commit('initial fleet', {
        [profilePath('production')]: profileYaml('production'),
        [clusterPath(A)]: clusterYaml(A),
        [clusterPath(B)]: clusterYaml(B, {
          podCidr: '10.65.0.0/16',
          serviceCidr: '10.128.16.0/20',
        }),
        [namespacePath(A, 'checkout')]: namespaceYaml(A, 'checkout'),
      });
      const provider = await connectedProvider({}, { status: store });
      await provider.refresh();
      const commit = repo.commit('break B, add a bomb and a large file', {
        [clusterPath(B)]: clusterYaml(B, {
          podCidr: '10.65.0.0/33',
          serviceCidr: '10.128.16.0/20',
        }),
        [clusterPath(D)]: aliasBombClusterYaml(D),
        [clusterPath(E)]: clusterYaml(E, { description: 'x'.repeat(TWO_MIB) }),
      });
      const before = Date.now();
      await provider.refresh();

      const source = { id: 'test', remote: repo.remote, branch: 'main' };
      const [status] = await store.list([source]);
      expect(status).toEqual({
        ...source,
        lastAttemptAt: expect.any(String),
        lastRead: {
          commit,
          at: expect.any(String),
          // B is still served at its last good version
          entities: { profiles: 1, clusters: 2, namespaces: 1 },
          skippedFiles: 3,
          // by path: D, B, E
          problems: [
            {
              path: clusterPath(D),
              line: 7,
              reason:
                'invalid YAML: its aliases (such as *l0) expand to more data than an entity file may hold; write the values out instead',
              lastGoodKept: false,
            },
            {
              path: clusterPath(B),
              line: 17,
              reason:
                'spec.network.podCidr: 10.65.0.0/33 is not a valid IPv4 CIDR: the prefix length must be a number from 0 to 32',
              lastGoodKept: true,
            },
            {
              path: clusterPath(E),
              line: 1,
              reason:
                'the file is 2.0 MiB, more than the 1.0 MiB an entity file may have (maxFileBytes of the provider), so it was not read',
              lastGoodKept: false,
            },
          ],
        },
      });
      expect(Date.parse(status.lastRead!.at)).toBeGreaterThanOrEqual(before);

      // Git fails: the failure is recorded, the last read stays (as the catalog does)
      fs.renameSync(repo.remote, `${repo.remote}.moved`);
      await expect(provider.refresh()).rejects.toThrow(/git fetch failed/);
      const [failed] = await store.list([source]);
      expect(failed.failure).toMatch(
        /^Cannot read platform repository test \(.*remote\.git, branch main\); the catalog is left unchanged; caused by GitCommandError: git fetch failed/,
      );
      expect(failed.lastRead).toEqual(status.lastRead);
      expect(Date.parse(failed.lastAttemptAt!)).toBeGreaterThan(
        Date.parse(status.lastAttemptAt!) - 1,
      );
    });
  });
});

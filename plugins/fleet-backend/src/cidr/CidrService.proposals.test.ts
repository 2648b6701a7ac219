import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  clusterEntity,
  FIXTURE_PLATFORM_REPO,
  edgeProfile,
} from '../__fixtures__/entities';
import { CatalogNetworks } from './CatalogNetworks';
import { CidrService } from './CidrService';
import { proposalBranchesOf } from './ProposalBranches';
import { ReservationStore } from './ReservationStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const MIGRATIONS = path.resolve(__dirname, '../../migrations');
const START = new Date('2026-09-01T08:00:00Z');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const GRACE_DAYS = 7;
const PRIYA = 'user:default/priya.platform';
const author = { name: 'Priya Patel', email: 'priya.platform@acme.example' };

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'seed',
  GIT_AUTHOR_EMAIL: 'seed@fleet-portal.invalid',
  GIT_COMMITTER_NAME: 'seed',
  GIT_COMMITTER_EMAIL: 'seed@fleet-portal.invalid',
};
const git = (gitDir: string, ...args: string[]) =>
  execFileSync('git', ['--git-dir', gitDir, ...args], {
    env: GIT_ENV,
    encoding: 'utf8',
  }).trim();

/** A real bare platform repository whose main holds one empty commit; the writer adds the rest. */
function emptyPlatformRepo(root: string): string {
  const remote = path.join(root, 'platform.git');
  execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', remote]);
  const emptyTree = git(remote, 'hash-object', '-t', 'tree', '-w', '/dev/null');
  const seed = git(remote, 'commit-tree', emptyTree, '-m', 'seed');
  git(remote, 'update-ref', 'refs/heads/main', seed);
  return remote;
}

describe.each(databases.eachSupportedId())(
  'CIDR reservations that follow proposals, on %s',
  databaseId => {
    let root: string;
    let remote: string;
    let writer: PlatformRepoWriter;
    let now: Date;
    let catalog: CatalogService;
    let store: ReservationStore;
    let service: CidrService;
    const logger = mockServices.logger.mock();

    function setCatalog(entities: Entity[]) {
      catalog = catalogServiceMock({ entities: [edgeProfile, ...entities] });
    }

    function serviceWith(options: { repository?: string } = {}) {
      const delegating = new Proxy({} as CatalogService, {
        get:
          (_, name: keyof CatalogService) =>
          (...args: any[]) =>
            (catalog[name] as any)(...args),
      });
      const proposals = proposalBranchesOf(writer);
      return new CidrService({
        store,
        catalog: new CatalogNetworks(delegating, mockServices.auth(), {
          snapshotMs: 0,
          origins: [FIXTURE_PLATFORM_REPO],
        }),
        config: {
          reservedRanges: [],
          reservationTtlMinutes: 60,
          retiredGracePeriodMs: GRACE_DAYS * DAY,
          catalogSnapshotMs: 0,
          schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
        },
        clock: { now: () => now },
        logger,
        proposals: options.repository
          ? { ...proposals, repository: options.repository }
          : proposals,
      });
    }

    beforeEach(async () => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-cidr-proposals-'));
      remote = emptyPlatformRepo(root);
      writer = new PlatformRepoWriter({ remote, tmpDir: root });
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS });
      store = new ReservationStore(knex);
      now = START;
      setCatalog([]);
      service = serviceWith();
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    /** A cluster request proposed on its own branch, as fleet:platform-repo:propose does it. */
    async function propose(cluster: string, branch: string) {
      await writer.commitFiles({
        mode: 'propose',
        branch,
        files: { [`clusters/${cluster}/cluster.yaml`]: `name: ${cluster}\n` },
        message: `Request cluster ${cluster}`,
        author,
      });
      return service.reserve({
        cluster,
        profileRef: 'edge',
        requestedBy: PRIYA,
        proposalBranch: branch,
      });
    }
    const deleteBranch = (branch: string) =>
      git(remote, 'update-ref', '-d', `refs/heads/${branch}`);
    const at = (ms: number) => {
      now = new Date(START.getTime() + ms);
    };

    it('records the branch and the repository of the proposal', async () => {
      const { reservation } = await propose(
        'edg-muc01-store-01',
        'fleet/cluster/edg-muc01-store-01/1a2b3c4d',
      );
      expect(reservation.proposal).toEqual({
        branch: 'fleet/cluster/edg-muc01-store-01/1a2b3c4d',
        repository: writer.remoteForDisplay,
      });
    });

    it('keeps the CIDRs of a proposal older than the TTL while its branch exists', async () => {
      const branch = 'fleet/cluster/edg-muc01-store-01/1a2b3c4d';
      const { reservation } = await propose('edg-muc01-store-01', branch);
      at(3 * DAY);
      const sweep = await service.sweep();
      expect(sweep.released).toEqual([]);
      expect(sweep.held.map(r => r.id)).toEqual([reservation.id]);
      expect(await service.list({})).toEqual([
        expect.objectContaining({ id: reservation.id, status: 'pending' }),
      ]);
      // still occupied: the next cluster gets the next blocks
      const next = await service.reserve({
        cluster: 'edg-ham01-store-01',
        profileRef: 'edge',
        requestedBy: PRIYA,
      });
      expect(next.reservation.podCidr).not.toBe(reservation.podCidr);
    });

    it('frees the CIDRs once the branch is deleted unmerged, so a later request for the name gets its own', async () => {
      const first = 'fleet/cluster/edg-muc01-store-01/1a2b3c4d';
      const { reservation } = await propose('edg-muc01-store-01', first);
      at(10 * 60_000); // well inside the TTL: the branch decides, not the clock
      deleteBranch(first);
      const sweep = await service.sweep();
      expect(sweep.released.map(r => r.id)).toEqual([reservation.id]);
      expect(await service.list({})).toEqual([]);
      expect(await store.releases('edg-muc01-store-01')).toEqual([
        expect.objectContaining({
          releasedBy: 'fleet-backend',
          reason: `proposal branch ${first} was deleted without being merged`,
        }),
      ]);

      const again = await propose(
        'edg-muc01-store-01',
        'fleet/cluster/edg-muc01-store-01/5e6f7a8b',
      );
      expect(again.created).toBe(true);
      expect(again.reservation.proposal?.branch).toBe(
        'fleet/cluster/edg-muc01-store-01/5e6f7a8b',
      );
    });

    it('confirms the reservation when the branch is merged and deleted before the catalog has the cluster', async () => {
      const branch = 'fleet/cluster/edg-muc01-store-01/1a2b3c4d';
      const { reservation } = await propose('edg-muc01-store-01', branch);
      // the reviewer merges: the cluster's file lands on main, the branch goes
      git(remote, 'update-ref', 'refs/heads/main', `refs/heads/${branch}`);
      deleteBranch(branch);
      at(2 * DAY);
      const sweep = await service.sweep();
      expect(sweep.confirmed.map(r => r.id)).toEqual([reservation.id]);
      expect(sweep.released).toEqual([]);
      expect(await service.list({})).toEqual([
        expect.objectContaining({
          status: 'confirmed',
          confirmedBy: 'resource:default/edg-muc01-store-01',
        }),
      ]);
    });

    it('moves the reservation to the newest proposal of the same cluster name', async () => {
      const older = 'fleet/cluster/edg-muc01-store-01/1a2b3c4d';
      const newer = 'fleet/cluster/edg-muc01-store-01/5e6f7a8b';
      const first = await propose('edg-muc01-store-01', older);
      const second = await propose('edg-muc01-store-01', newer);
      expect(second.created).toBe(false);
      expect(second.reservation.id).toBe(first.reservation.id);
      expect(second.reservation.proposal?.branch).toBe(newer);
      deleteBranch(older);
      at(3 * DAY);
      expect((await service.sweep()).released).toEqual([]);
    });

    it('keeps the TTL for a reservation without a branch', async () => {
      const { reservation } = await service.reserve({
        cluster: 'edg-muc01-store-01',
        profileRef: 'edge',
        requestedBy: PRIYA,
      });
      expect(reservation.proposal).toBeUndefined();
      at(59 * 60_000);
      expect((await service.sweep()).released).toEqual([]);
      at(61 * 60_000);
      expect((await service.sweep()).released.map(r => r.id)).toEqual([
        reservation.id,
      ]);
    });

    it('keeps the TTL for a branch of another repository than the configured one', async () => {
      await propose(
        'edg-muc01-store-01',
        'fleet/cluster/edg-muc01-store-01/1a2b3c4d',
      );
      service = serviceWith({ repository: '/elsewhere/platform.git' });
      at(61 * 60_000);
      expect((await service.sweep()).released).toHaveLength(1);
    });

    it('releases nothing while Git cannot be asked', async () => {
      const branch = 'fleet/cluster/edg-muc01-store-01/1a2b3c4d';
      const { reservation } = await propose('edg-muc01-store-01', branch);
      fs.rmSync(remote, { recursive: true, force: true });
      at(3 * DAY);
      const sweep = await service.sweep();
      expect(sweep.released).toEqual([]);
      expect(sweep.held.map(r => r.id)).toEqual([reservation.id]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('Cannot read the proposal branches of'),
      );
    });

    describe('a retired cluster', () => {
      const name = 'edg-muc01-store-01';
      let id: string;
      let pod: string;
      let service_: string;

      beforeEach(async () => {
        const { reservation } = await service.reserve({
          cluster: name,
          profileRef: 'edge',
          requestedBy: PRIYA,
        });
        id = reservation.id;
        pod = reservation.podCidr;
        service_ = reservation.serviceCidr;
        setCatalog([clusterEntity(name, pod, service_)]);
        expect((await service.sweep()).confirmed.map(r => r.id)).toEqual([id]);
      });

      it('frees its CIDRs after the grace period and not before', async () => {
        setCatalog([]); // its folder was removed and the catalog dropped it
        at(HOUR);
        expect((await service.sweep()).released).toEqual([]);
        const goneAt = new Date(START.getTime() + HOUR).toISOString();
        const freeAt = new Date(
          START.getTime() + HOUR + GRACE_DAYS * DAY,
        ).toISOString();
        expect(await service.retired()).toEqual([
          {
            cluster: name,
            entityRef: `resource:default/${name}`,
            podCidr: pod,
            serviceCidr: service_,
            goneSince: goneAt,
            cidrsFreeAt: freeAt,
          },
        ]);

        at(HOUR + GRACE_DAYS * DAY - 60_000);
        expect((await service.sweep()).released).toEqual([]);
        expect(await store.occupants()).toHaveLength(2);

        at(HOUR + GRACE_DAYS * DAY);
        expect((await service.sweep()).released.map(r => r.id)).toEqual([id]);
        expect(await store.occupants()).toEqual([]);
        expect(await service.retired()).toEqual([]);
        expect(await store.releases(name)).toEqual([
          expect.objectContaining({
            status: 'confirmed',
            releasedBy: 'fleet-backend',
            reason: `cluster left the catalog at ${goneAt}; the grace period has passed`,
          }),
        ]);
      });

      it('keeps its CIDRs when the cluster comes back within the grace period', async () => {
        setCatalog([]);
        at(HOUR);
        await service.sweep();
        setCatalog([clusterEntity(name, pod, service_)]);
        at(2 * HOUR);
        await service.sweep();
        expect(await service.retired()).toEqual([]);
        setCatalog([]);
        at(2 * HOUR + GRACE_DAYS * DAY - 60_000);
        // missed again only now: a new grace period starts
        expect((await service.sweep()).released).toEqual([]);
      });

      it('releases a confirmed reservation by hand only with a reason, recording who, when and why', async () => {
        await expect(
          service.release(id, { userEntityRef: PRIYA }),
        ).rejects.toThrow(
          new InputError(
            `reason: CIDR reservation ${id} of cluster ${name} is confirmed (the cluster is or was in the fleet); give a reason to release it`,
          ),
        );
        await expect(
          service.release(id, { userEntityRef: PRIYA, reason: '   ' }),
        ).rejects.toThrow(InputError);
        expect(await service.list({})).toHaveLength(1);

        at(HOUR);
        await service.release(id, {
          userEntityRef: PRIYA,
          reason: 'cluster de-provisioned early, addresses needed for Munich',
        });
        expect(await service.list({})).toEqual([]);
        expect(await store.releases(name)).toEqual([
          expect.objectContaining({
            status: 'confirmed',
            releasedBy: PRIYA,
            releasedAt: new Date(START.getTime() + HOUR).toISOString(),
            reason: 'cluster de-provisioned early, addresses needed for Munich',
          }),
        ]);
        expect(logger.info).toHaveBeenCalledWith(
          expect.stringContaining(
            `by ${PRIYA}: cluster de-provisioned early, addresses needed for Munich`,
          ),
        );
      });
    });
  },
);

import { TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  eventually,
  startCatalogBackend,
} from './__testUtils__/catalogBackend';
import { TestGitRepository } from './__testUtils__/gitRepository';
import {
  clusterPath,
  clusterYaml,
  namespacePath,
  namespaceYaml,
  profilePath,
  profileYaml,
} from './__testUtils__/platformRepo';
import { ANNOTATION_INGESTION_ERROR } from './constants';

jest.setTimeout(90_000);

const A = 'prd-euw1-payments-01';
const B = 'prd-euw1-checkout-01';
const TASK = 'FleetPlatformRepoProvider:demo:refresh';

type CatalogEntity = Entity & {
  status?: { items?: Array<{ error: { message: string } }> };
};

const relationsOf = (entity: Entity | undefined) =>
  (entity?.relations ?? []).map(r => `${r.type} ${r.targetRef}`).sort();

describe('catalog with the fleet module', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'ingests, relates, keeps broken files and removes deleted ones on %s',
    async databaseId => {
      const repo = TestGitRepository.create();
      try {
        repo.commit('initial fleet', {
          [profilePath('production')]: profileYaml('production'),
          [clusterPath(A)]: clusterYaml(A),
          [clusterPath(B)]: clusterYaml(B, {
            podCidr: '10.65.0.0/16',
            serviceCidr: '10.128.16.0/20',
          }),
          [namespacePath(A, 'checkout')]: namespaceYaml(A, 'checkout'),
        });
        const catalog = await startCatalogBackend({
          knex: await databases.init(databaseId),
          config: {
            catalog: {
              providers: {
                fleetPlatformRepo: {
                  demo: { remote: repo.remote, workDir: repo.workDir },
                },
              },
            },
          },
        });

        // run 1: every entity arrives with its relations, ClusterProfile included
        await catalog.runTask(TASK);
        const namespaceRef = `resource:default/${A}.checkout`;
        await eventually(async () => {
          expect(
            relationsOf(
              await catalog.entity(`clusterprofile:default/production`),
            ),
          ).toEqual(
            [
              `fleet-portal.dev/builds resource:default/${B}`,
              `fleet-portal.dev/builds resource:default/${A}`,
              'ownedBy group:default/platform-team',
            ].sort(),
          );
          expect(
            relationsOf(await catalog.entity(`resource:default/${A}`)),
          ).toEqual([
            `dependencyOf ${namespaceRef}`,
            'fleet-portal.dev/builtFrom clusterprofile:default/production',
            'ownedBy group:default/team-payments',
          ]);
          expect(relationsOf(await catalog.entity(namespaceRef))).toEqual([
            `dependsOn resource:default/${A}`,
            'ownedBy group:default/team-checkout',
          ]);
        });

        // run 2: B breaks; the catalog keeps its last good version and shows the error
        repo.commit('break B', {
          [clusterPath(B)]: clusterYaml(B, {
            podCidr: '10.65.0.0/33',
            serviceCidr: '10.128.16.0/20',
          }),
        });
        await catalog.runTask(TASK);
        const broken = await eventually(async () => {
          const entity = (await catalog.entity(
            `resource:default/${B}`,
          )) as CatalogEntity;
          expect(entity.status?.items?.[0]?.error.message).toContain(
            `${clusterPath(
              B,
            )}:17: spec.network.podCidr: 10.65.0.0/33 is not a valid IPv4 CIDR`,
          );
          return entity;
        });
        expect(broken.spec?.network).toEqual({
          podCidr: '10.65.0.0/16',
          serviceCidr: '10.128.16.0/20',
        });
        expect(
          broken.metadata.annotations?.[ANNOTATION_INGESTION_ERROR],
        ).toBeUndefined();
        expect(relationsOf(broken)).toContain(
          'fleet-portal.dev/builtFrom clusterprofile:default/production',
        );

        // run 3: B is fixed; A is deleted and disappears with its relations
        repo.commit('fix B, delete A', {
          [clusterPath(B)]: clusterYaml(B, {
            podCidr: '10.70.0.0/16',
            serviceCidr: '10.128.16.0/20',
          }),
          [clusterPath(A)]: null,
        });
        await catalog.runTask(TASK);
        await eventually(async () => {
          const fixed = (await catalog.entity(
            `resource:default/${B}`,
          )) as CatalogEntity;
          expect(fixed.spec?.network).toEqual({
            podCidr: '10.70.0.0/16',
            serviceCidr: '10.128.16.0/20',
          });
          expect(fixed.status?.items ?? []).toEqual([]);
          expect(await catalog.entity(`resource:default/${A}`)).toBeUndefined();
          expect(
            relationsOf(
              await catalog.entity('clusterprofile:default/production'),
            ),
          ).toEqual([
            `fleet-portal.dev/builds resource:default/${B}`,
            'ownedBy group:default/platform-team',
          ]);
        });

        // run 4: the remote disappears; nothing is removed
        repo.remove();
        await catalog.runTask(TASK);
        await new Promise(resolve => setTimeout(resolve, 1500));
        expect(await catalog.entity(`resource:default/${B}`)).toBeDefined();
        expect(
          await catalog.entity('clusterprofile:default/production'),
        ).toBeDefined();
        expect(await catalog.entity(namespaceRef)).toBeDefined();

        await catalog.backend.stop();
      } finally {
        repo.remove();
      }
    },
  );
});

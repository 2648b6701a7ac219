import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
// The shared validation corpus; fleet-common has no test-utils entry point for it yet.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import {
  clusterProfile,
  corpus,
  governedCluster,
  portainerCluster,
  tenantNamespace,
} from '@fleet-portal/plugin-fleet-common/src/__fixtures__/corpus';
import { ANNOTATION_INGESTION_ERROR } from '../constants';
import { FleetEntitiesProcessor } from './FleetEntitiesProcessor';

const location = { type: 'url', target: 'https://example.com/x.yaml' };

async function relationsOf(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await new FleetEntitiesProcessor().postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  expect(result).toBe(entity);
  return emitted.map(r => {
    if (r.type !== 'relation') {
      throw new Error(`unexpected ${r.type} result`);
    }
    const { source, type, target } = r.relation;
    return `${source.kind}:${source.namespace}/${source.name} ${type} ${target.kind}:${target.namespace}/${target.name}`;
  });
}

describe('FleetEntitiesProcessor', () => {
  const processor = new FleetEntitiesProcessor();

  it('is named FleetEntitiesProcessor', () => {
    expect(processor.getProcessorName()).toBe('FleetEntitiesProcessor');
  });

  describe('validation over the fleet-common corpus', () => {
    it('covers at least 30 cases', () => {
      expect(corpus.length).toBeGreaterThanOrEqual(30);
    });

    it.each(corpus.filter(c => c.valid).map(c => [c.name, c.entity] as const))(
      'accepts %s',
      async (_, entity) => {
        // ClusterProfile is this processor's kind; Resources are claimed by the
        // built-in processor, so a valid one resolves false rather than true.
        await expect(processor.validateEntityKind(entity)).resolves.toBe(
          entity.kind === 'ClusterProfile',
        );
      },
    );

    it.each(
      corpus.flatMap(c =>
        c.valid ? [] : [[c.name, c.entity, c.message] as const],
      ),
    )('rejects %s', async (_, entity, message) => {
      const validation = processor.validateEntityKind(entity);
      await expect(validation).rejects.toBeInstanceOf(InputError);
      await expect(validation).rejects.toThrow(message);
    });

    it('lists every issue in one error', async () => {
      const entity = structuredClone(governedCluster);
      entity.spec!.network = {
        podCidr: '10.0.0.0/33',
        serviceCidr: '10.96.0.0',
      };
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        /^Invalid kubernetes-cluster Resource prd-euw1-payments-01: spec\.network\.podCidr: 10\.0\.0\.0\/33 is not a valid IPv4 CIDR.*; spec\.network\.serviceCidr: "10\.96\.0\.0" is not a CIDR/,
      );
    });

    it('leaves entities outside the fleet model alone', async () => {
      const component: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments-api' },
        spec: {
          type: 'service',
          owner: 'team-payments',
          lifecycle: 'production',
        },
      };
      await expect(processor.validateEntityKind(component)).resolves.toBe(
        false,
      );
      await expect(relationsOf(component)).resolves.toEqual([]);
    });

    it('does not claim a ClusterProfile of another apiVersion', async () => {
      const foreign = { ...clusterProfile, apiVersion: 'example.com/v1' };
      await expect(processor.validateEntityKind(foreign)).resolves.toBe(false);
    });
  });

  describe('relations', () => {
    it('emits profile ownership both ways', async () => {
      await expect(relationsOf(clusterProfile)).resolves.toEqual([
        'ClusterProfile:default/production ownedBy group:default/platform-team',
        'group:default/platform-team ownerOf ClusterProfile:default/production',
      ]);
    });

    it('defaults the profile owner to a group in the profile namespace', async () => {
      const profile = structuredClone(clusterProfile);
      profile.metadata.namespace = 'platform';
      profile.spec!.owner = 'platform-team';
      await expect(relationsOf(profile)).resolves.toEqual([
        'ClusterProfile:platform/production ownedBy Group:platform/platform-team',
        'Group:platform/platform-team ownerOf ClusterProfile:platform/production',
      ]);
    });

    it('links a cluster and its profile with the fleet relation pair', async () => {
      await expect(relationsOf(governedCluster)).resolves.toEqual([
        'Resource:default/prd-euw1-payments-01 fleet-portal.dev/builtFrom ClusterProfile:default/production',
        'ClusterProfile:default/production fleet-portal.dev/builds Resource:default/prd-euw1-payments-01',
      ]);
    });

    it('keeps the kind and namespace of a qualified profile ref', async () => {
      const cluster = structuredClone(governedCluster);
      cluster.spec!.profile = 'clusterprofile:platform/production';
      await expect(relationsOf(cluster)).resolves.toContain(
        'Resource:default/prd-euw1-payments-01 fleet-portal.dev/builtFrom clusterprofile:platform/production',
      );
    });

    it('emits nothing for a cluster without a profile (ownership is built in)', async () => {
      await expect(relationsOf(portainerCluster)).resolves.toEqual([]);
    });

    it('makes a tenant namespace depend on its cluster', async () => {
      await expect(relationsOf(tenantNamespace)).resolves.toEqual([
        'Resource:default/prd-euw1-payments-01.checkout dependsOn Resource:default/prd-euw1-payments-01',
        'Resource:default/prd-euw1-payments-01 dependencyOf Resource:default/prd-euw1-payments-01.checkout',
      ]);
    });
  });

  describe('ingestion errors', () => {
    it('fails an entity whose source file is broken, with the file error', async () => {
      const entity = structuredClone(governedCluster);
      entity.metadata.annotations![ANNOTATION_INGESTION_ERROR] =
        'clusters/prd-euw1-payments-01/cluster.yaml:12: spec.network.podCidr: 10.0.0.0/33 is not a valid IPv4 CIDR';
      const preProcessing = processor.preProcessEntity(entity);
      await expect(preProcessing).rejects.toBeInstanceOf(InputError);
      await expect(preProcessing).rejects.toThrow(
        'clusters/prd-euw1-payments-01/cluster.yaml:12: spec.network.podCidr: 10.0.0.0/33 is not a valid IPv4 CIDR',
      );
    });

    it('passes entities without the annotation through unchanged', async () => {
      await expect(processor.preProcessEntity(governedCluster)).resolves.toBe(
        governedCluster,
      );
    });
  });
});

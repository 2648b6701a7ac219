/* eslint-disable no-console */
// Processor cost per cluster entity: FleetEntitiesProcessor (validateEntityKind + relations) against
// Backstage's built-in Resource validation of the same entities, in one process.
//   yarn bench bench/catalog-processor.bench.ts
import {
  Entity,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { FleetEntitiesProcessor } from '@fleet-portal/plugin-catalog-backend-module-fleet';
import { parse } from 'yaml';
import { generatePlatformRepoFiles } from './lib/generatePlatformRepo';
import { ratio, report, time } from './lib/measure';

const CLUSTERS = 10_000;

async function main() {
  const clusters: Entity[] = generatePlatformRepoFiles({
    clusters: CLUSTERS,
    profiles: 200,
  })
    .filter(f => f.path.startsWith('clusters/'))
    .map(f => parse(f.content));
  const processor = new FleetEntitiesProcessor();
  const location = { type: 'url', target: 'bench' };
  let relations = 0;
  const emit = () => {
    relations++;
  };

  const builtin = await time(async () => {
    for (const entity of clusters)
      await resourceEntityV1alpha1Validator.check(entity);
  });
  const fleet = await time(async () => {
    for (const entity of clusters) {
      await processor.validateEntityKind(entity);
      await processor.postProcessEntity(entity, location, emit);
    }
  });

  report('catalog-processor', {
    entities: clusters.length,
    builtinResourceValidation: {
      ...builtin,
      perEntityUs: (builtin.medianMs * 1000) / clusters.length,
    },
    fleetProcessor: {
      ...fleet,
      perEntityUs: (fleet.medianMs * 1000) / clusters.length,
    },
    ratio: ratio(fleet.medianMs, builtin.medianMs),
    relationsPerRun: relations / (fleet.runs + 1),
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import type { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  FleetValidationIssue,
  isClusterEntity,
  isClusterProfileEntity,
  isTenantNamespaceEntity,
  validateClusterProfile,
  validateFleetEntity,
} from '@fleet-portal/plugin-fleet-common';
import { ANNOTATION_INGESTION_ERROR } from '../constants';
import { fleetRelations } from './fleetRelations';

/**
 * Validates Fleet Portal entities and emits their relations.
 *
 * Like Backstage's built-in kinds, validation happens in validateEntityKind (which the
 * catalog runs for every processor) and relations in postProcessEntity:
 * - ClusterProfile is this processor's own kind: valid → true, invalid → InputError.
 * - kubernetes-cluster and kubernetes-namespace Resources: malformed fleet fields →
 *   InputError; otherwise false, because the Resource kind itself is recognised by the
 *   built-in processor. Clusters from other sources without fleet fields pass.
 * - An entity the platform-repo provider re-emitted because its source file is broken
 *   fails in preProcessEntity with that error, so the catalog keeps its last good
 *   version and shows the error on it.
 */
export class FleetEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'FleetEntitiesProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    const ingestionError =
      entity.metadata.annotations?.[ANNOTATION_INGESTION_ERROR];
    if (ingestionError) {
      throw new InputError(
        `The source file of this entity is broken; the catalog keeps its last good version.\n${ingestionError}`,
      );
    }
    return entity;
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (isClusterProfileEntity(entity)) {
      throwOnIssues(entity, validateClusterProfile(entity));
      return true;
    }
    if (isClusterEntity(entity) || isTenantNamespaceEntity(entity)) {
      throwOnIssues(entity, validateFleetEntity(entity));
    }
    return false;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    for (const relation of fleetRelations(entity)) {
      emit(processingResult.relation(relation));
    }
    return entity;
  }
}

function throwOnIssues(entity: Entity, issues: FleetValidationIssue[]) {
  if (issues.length > 0) {
    const what =
      entity.kind === 'Resource'
        ? `${entity.spec?.type} Resource`
        : entity.kind;
    throw new InputError(
      `Invalid ${what} ${entity.metadata.name}: ${issues
        .map(issue => issue.message)
        .join('; ')}`,
    );
  }
}

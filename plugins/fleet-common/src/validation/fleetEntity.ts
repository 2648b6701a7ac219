import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_FLEET_GOVERNED } from '../constants';
import {
  isClusterEntity,
  isClusterProfileEntity,
  isTenantNamespaceEntity,
} from '../guards';
import { validateClusterFleetFields, validateGovernedCluster } from './cluster';
import type { FleetValidationIssue } from './issues';
import { validateClusterProfile } from './profile';
import { validateTenantNamespace } from './tenantNamespace';

/**
 * Validates any entity with the validator for its kind: clusters annotated as governed
 * must carry the governed set, other clusters only well-formed fleet fields. Entities
 * the fleet model does not cover have no issues.
 */
export function validateFleetEntity(entity: Entity): FleetValidationIssue[] {
  if (isClusterProfileEntity(entity)) {
    return validateClusterProfile(entity);
  }
  if (isTenantNamespaceEntity(entity)) {
    return validateTenantNamespace(entity);
  }
  if (isClusterEntity(entity)) {
    return entity.metadata.annotations?.[ANNOTATION_FLEET_GOVERNED] === 'true'
      ? validateGovernedCluster(entity)
      : validateClusterFleetFields(entity);
  }
  return [];
}

import type { Entity } from '@backstage/catalog-model';
import { NAMESPACE_SPEC_TYPE } from '../constants';
import { isTenantNamespaceEntity } from '../guards';
import { tenantNamespaceEntityName, validateNamespaceName } from '../naming';
import { tenantNamespaceSpecSchema } from '../schema';
import { FleetValidationIssue, issue } from './issues';
import { checkRef, CLUSTER_REF, OWNER_REF, parseRef } from './refs';
import { schemaCheck } from './structure';
import { checkLimitRange, checkQuantities, checkRoles } from './tenancy';

const checkStructure = schemaCheck(tenantNamespaceSpecSchema, 'spec');

/** Checks a tenant namespace Resource: structure, refs, name, quota, limits and roles. */
export function validateTenantNamespace(
  entity: Entity,
): FleetValidationIssue[] {
  if (!isTenantNamespaceEntity(entity)) {
    return [
      issue(
        'spec.type',
        `must be ${NAMESPACE_SPEC_TYPE} on a Resource (got ${
          entity.kind
        } with type ${JSON.stringify(entity.spec?.type)})`,
      ),
    ];
  }
  const structural = checkStructure(entity.spec);
  if (structural.length > 0) {
    return structural;
  }
  const { spec } = entity;
  const namespaceIssues = validateNamespaceName(spec.namespace);
  const cluster = parseRef(spec.cluster, CLUSTER_REF);
  return [
    ...checkRef('spec.owner', spec.owner, OWNER_REF),
    ...checkRef('spec.cluster', spec.cluster, CLUSTER_REF),
    ...namespaceIssues,
    ...(cluster && namespaceIssues.length === 0
      ? checkEntityName(entity.metadata.name, cluster.name, spec.namespace)
      : []),
    ...checkQuantities('spec.quota', spec.quota),
    ...checkLimitRange('spec.limits', spec.limits),
    ...checkRoles('spec.roles', spec.roles),
  ];
}

function checkEntityName(
  name: string,
  cluster: string,
  namespace: string,
): FleetValidationIssue[] {
  let expected: string;
  try {
    expected = tenantNamespaceEntityName(cluster, namespace);
  } catch (error) {
    return [issue('metadata.name', (error as Error).message)];
  }
  return name === expected
    ? []
    : [
        issue(
          'metadata.name',
          `must be ${expected} (<cluster>.<namespace>), not ${name}`,
        ),
      ];
}

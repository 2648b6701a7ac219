import type { Entity, KindValidator } from '@backstage/catalog-model';
import semver from 'semver';
import { isClusterProfileEntity } from '../guards';
import { isDns1123Label } from '../naming';
import { clusterProfileSchema } from '../schema';
import type {
  ClusterProfileSpec,
  NodeRange,
  ProfileComponent,
  ProfileKubernetes,
  ProfileStorageClasses,
  ProfileTenancy,
} from '../types';
import { FleetValidationIssue, fieldPath, issue } from './issues';
import { checkProfileNaming } from './profileNaming';
import { checkProfileNetwork } from './profileNetwork';
import { checkRef, OWNER_REF } from './refs';
import { checkProfileRollout } from './rollout';
import { schemaCheck } from './structure';
import {
  checkLimitRange,
  checkNotAbove,
  checkQuantities,
  checkRoles,
} from './tenancy';
import { checkSemver, checkVersionPin } from './versions';

const checkStructure = schemaCheck(clusterProfileSchema, '');

/** Checks a ClusterProfile: its structure, then the consistency of its parts. */
export function validateClusterProfile(entity: Entity): FleetValidationIssue[] {
  if (!isClusterProfileEntity(entity)) {
    return [
      issue(
        'kind',
        `must be a ClusterProfile of fleet-portal.dev/v1alpha1 (got ${entity.kind} of ${entity.apiVersion})`,
      ),
    ];
  }
  const structural = checkStructure(entity);
  if (structural.length > 0) {
    return structural;
  }
  const { spec } = entity;
  return [
    ...checkRef('spec.owner', spec.owner, OWNER_REF),
    ...checkVersions(spec),
    ...checkKubernetes(spec.kubernetes),
    ...checkComponents(spec.components),
    ...checkStorageClasses(spec.storageClasses),
    ...checkTenancy(spec.tenancy),
    ...checkProfileNetwork(spec.network),
    ...checkProfileNaming(spec.naming),
    ...checkNodeRange('spec.nodes.controlPlane', spec.nodes?.controlPlane),
    ...checkNodeRange('spec.nodes.workers', spec.nodes?.workers),
    ...checkProfileRollout(spec.rollout),
  ];
}

/**
 * A catalog KindValidator for ClusterProfile: resolves false for other kinds, true for
 * valid profiles, and rejects with a TypeError listing every issue otherwise.
 */
export const clusterProfileEntityV1alpha1Validator: KindValidator = {
  async check(entity: Entity) {
    if (!isClusterProfileEntity(entity)) {
      return false;
    }
    const issues = validateClusterProfile(entity);
    if (issues.length > 0) {
      throw new TypeError(issues.map(i => i.message).join('; '));
    }
    return true;
  },
};

function checkVersions(spec: ClusterProfileSpec): FleetValidationIssue[] {
  const current = checkSemver('spec.version', spec.version);
  return [
    ...current,
    ...(spec.allowedVersions ?? []).flatMap((version, index) => {
      const path = fieldPath('spec.allowedVersions', index);
      const invalid = checkSemver(path, version);
      if (invalid.length > 0 || current.length > 0) {
        return invalid;
      }
      return semver.lt(version, spec.version)
        ? []
        : [
            issue(
              path,
              `${version} must be older than spec.version (${spec.version})`,
            ),
          ];
    }),
  ];
}

function checkKubernetes(
  kubernetes: ProfileKubernetes,
): FleetValidationIssue[] {
  const { version, allowedRange } = kubernetes;
  const versionIssues = checkSemver('spec.kubernetes.version', version);
  if (allowedRange === undefined) {
    return versionIssues;
  }
  if (semver.validRange(allowedRange) === null) {
    return [
      ...versionIssues,
      issue(
        'spec.kubernetes.allowedRange',
        `"${allowedRange}" is not a semver range (e.g. >=1.30.0 <1.32.0)`,
      ),
    ];
  }
  if (versionIssues.length > 0 || semver.satisfies(version, allowedRange)) {
    return versionIssues;
  }
  return [
    issue(
      'spec.kubernetes.version',
      `${version} is outside spec.kubernetes.allowedRange (${allowedRange})`,
    ),
  ];
}

function checkComponents(
  components: ProfileComponent[],
): FleetValidationIssue[] {
  const seen = new Set<string>();
  return components.flatMap((component, index) => {
    const path = fieldPath('spec.components', index);
    const duplicate = seen.has(component.name)
      ? [
          issue(
            fieldPath(path, 'name'),
            `${component.name} is listed more than once`,
          ),
        ]
      : [];
    seen.add(component.name);
    return [
      ...duplicate,
      ...checkVersionPin(fieldPath(path, 'version'), component.version),
    ];
  });
}

function checkStorageClasses(
  storageClasses: ProfileStorageClasses | undefined,
): FleetValidationIssue[] {
  const { default: defaultClass, available } = storageClasses ?? {};
  if (!defaultClass || !available || available.includes(defaultClass)) {
    return [];
  }
  return [
    issue(
      'spec.storageClasses.default',
      `${defaultClass} is not among spec.storageClasses.available (${available.join(
        ', ',
      )})`,
    ),
  ];
}

function checkTenancy(
  tenancy: ProfileTenancy | undefined,
): FleetValidationIssue[] {
  const defaults = 'spec.tenancy.defaults.quota';
  const maximums = 'spec.tenancy.maximums.quota';
  const budget = 'spec.tenancy.teamBudget.quota';
  const ingressFrom = 'spec.tenancy.networkPolicy.allowIngressFromNamespaces';
  return [
    ...checkQuantities(defaults, tenancy?.defaults?.quota),
    ...checkQuantities(maximums, tenancy?.maximums?.quota),
    ...checkNotAbove(
      {
        path: defaults,
        quantities: tenancy?.defaults?.quota,
        label: 'default',
      },
      {
        path: maximums,
        quantities: tenancy?.maximums?.quota,
        label: 'maximum',
      },
    ),
    ...checkQuantities(budget, tenancy?.teamBudget?.quota),
    // a budget below one namespace's defaults would refuse every request of the profile
    ...checkNotAbove(
      {
        path: defaults,
        quantities: tenancy?.defaults?.quota,
        label: 'default',
      },
      {
        path: budget,
        quantities: tenancy?.teamBudget?.quota,
        label: 'team budget',
      },
    ),
    ...checkLimitRange(
      'spec.tenancy.defaults.limits',
      tenancy?.defaults?.limits,
    ),
    ...checkRoles('spec.tenancy.allowedRoles', tenancy?.allowedRoles),
    ...(tenancy?.networkPolicy?.allowIngressFromNamespaces ?? []).flatMap(
      (namespace, index) =>
        isDns1123Label(namespace)
          ? []
          : [
              issue(
                fieldPath(ingressFrom, index),
                `"${namespace}" is not a namespace name (DNS-1123 label)`,
              ),
            ],
    ),
  ];
}

function checkNodeRange(
  path: string,
  range: NodeRange | undefined,
): FleetValidationIssue[] {
  if (
    range?.min === undefined ||
    range.max === undefined ||
    range.min <= range.max
  ) {
    return [];
  }
  return [
    issue(
      fieldPath(path, 'min'),
      `${range.min} is greater than max (${range.max})`,
    ),
  ];
}

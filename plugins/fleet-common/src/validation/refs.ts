import {
  CompoundEntityRef,
  KubernetesValidatorFunctions,
  parseEntityRef,
} from '@backstage/catalog-model';
import { FleetValidationIssue, issue } from './issues';

export type RefTarget = {
  defaultKind: string;
  /** Lowercase kinds the reference may point at. */
  kinds: readonly string[];
  /** How the target is named in messages, e.g. `a group or user`. */
  description: string;
};

export const OWNER_REF: RefTarget = {
  defaultKind: 'group',
  kinds: ['group', 'user'],
  description: 'a group or user',
};
export const PROFILE_REF: RefTarget = {
  defaultKind: 'clusterprofile',
  kinds: ['clusterprofile'],
  description: 'a ClusterProfile',
};
export const CLUSTER_REF: RefTarget = {
  defaultKind: 'resource',
  kinds: ['resource'],
  description: 'a cluster Resource',
};

/** The reference parsed with the target's default kind, or undefined when malformed. */
export function parseRef(
  ref: string,
  target: RefTarget,
): CompoundEntityRef | undefined {
  try {
    const parsed = parseEntityRef(ref, { defaultKind: target.defaultKind });
    const wellFormed =
      KubernetesValidatorFunctions.isValidKind(parsed.kind) &&
      KubernetesValidatorFunctions.isValidNamespace(parsed.namespace) &&
      KubernetesValidatorFunctions.isValidObjectName(parsed.name);
    return wellFormed ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function checkRef(
  path: string,
  ref: string | undefined,
  target: RefTarget,
): FleetValidationIssue[] {
  if (ref === undefined) {
    return [];
  }
  const parsed = parseRef(ref, target);
  if (!parsed) {
    return [
      issue(
        path,
        `"${ref}" is not a valid entity reference ([<kind>:][<namespace>/]<name>)`,
      ),
    ];
  }
  if (!target.kinds.includes(parsed.kind.toLocaleLowerCase('en-US'))) {
    return [
      issue(
        path,
        `"${ref}" must reference ${target.description} (got kind ${parsed.kind})`,
      ),
    ];
  }
  return [];
}

import { platformRepoPaths } from '../platformRepo';
import type { ClusterEntity, ClusterProfileEntity } from '../types';
import { FleetValidationIssue, issue } from '../validation/issues';
import { checkReasonAndTarget } from './day2Target';
import {
  type NamespaceActor,
  type NamespaceChangeLookups,
  type NamespaceTarget,
} from './namespaceTarget';

/** Giving a tenant namespace back, as the form holds it or a template passes it (unchecked). */
export type NamespaceDecommissionDraft = {
  /** Entity ref of the tenant namespace. */
  namespace?: unknown;
  /** Must equal the Kubernetes namespace name. */
  confirmation?: unknown;
  reason?: unknown;
  /** Asks to land directly on main: refused where the change must be a proposal. */
  direct?: unknown;
};

export type CheckedNamespaceDecommission = {
  issues: FleetValidationIssue[];
  target?: NamespaceTarget;
  /** The folder that is removed, e.g. `clusters/c/namespaces/checkout`. */
  folder?: string;
  /** Whether the removal must be a proposal (production clusters, production and regulated profiles, no ClickOps). */
  proposal?: boolean;
};

/**
 * The rules of giving a tenant namespace back: the namespace exists, is governed and belongs
 * to the requester's team (or the requester owns the platform); the confirmation is the
 * namespace's name; a reason; and on a production cluster (or any profile that does not let
 * changes land directly) the removal is a proposal — asking for it directly is refused.
 */
export async function checkNamespaceDecommission(
  draft: NamespaceDecommissionDraft,
  lookups: NamespaceChangeLookups,
  options: { actor?: NamespaceActor } = {},
): Promise<CheckedNamespaceDecommission> {
  const { issues, target } = await checkReasonAndTarget(draft, lookups, {
    action: 'decommission',
    actor: options.actor,
  });
  if (draft.direct !== undefined && typeof draft.direct !== 'boolean') {
    issues.push(issue('direct', 'must be true or false'));
  }
  if (!target) {
    if (draft.confirmation === undefined || draft.confirmation === '') {
      issues.push(issue('confirmation', 'is required'));
    }
    return { issues };
  }
  const name = target.entity.spec.namespace;
  const folder = platformRepoPaths.namespaceDir(
    target.cluster.metadata.name,
    name,
  );
  if (draft.confirmation === undefined || draft.confirmation === '') {
    issues.push(
      issue(
        'confirmation',
        `type ${name} to confirm that ${folder}/ is deleted`,
      ),
    );
  } else if (draft.confirmation !== name) {
    issues.push(
      issue(
        'confirmation',
        `${JSON.stringify(
          typeof draft.confirmation === 'string'
            ? draft.confirmation.slice(0, 64)
            : draft.confirmation,
        )} is not ${name}; type the namespace's name to confirm that ${folder}/ is deleted`,
      ),
    );
  }
  const proposalReason = proposalOnly(target.cluster, target.profile);
  if (draft.direct === true && proposalReason) {
    issues.push(
      issue(
        'direct',
        `${proposalReason}: giving back a namespace there is a proposal, reviewed before it is merged, never a direct change`,
      ),
    );
  }
  return { issues, target, folder, proposal: !!proposalReason };
}

/** Why changes on this cluster are always proposals, or undefined where they may land directly. */
export function proposalOnly(
  cluster: ClusterEntity,
  profile: ClusterProfileEntity,
): string | undefined {
  if (cluster.spec.environment === 'production') {
    return `${cluster.metadata.name} is a production cluster`;
  }
  if (profile.spec.type === 'production' || profile.spec.type === 'regulated') {
    return `${cluster.metadata.name} has the ${profile.spec.type} profile ${profile.metadata.name}`;
  }
  if (profile.spec.clickOps?.allowed !== true) {
    return `the profile ${profile.metadata.name} of ${cluster.metadata.name} does not allow ClickOps`;
  }
  return undefined;
}

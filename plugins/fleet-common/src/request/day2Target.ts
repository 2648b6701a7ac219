import type { FleetValidationIssue } from '../validation/issues';
import { checkTextField } from './namespaceRequest';
import {
  type NamespaceActor,
  type NamespaceChangeLookups,
  type NamespaceTarget,
  resolveNamespaceTarget,
} from './namespaceTarget';

/**
 * What every Day-2 request checks first: a reason, and the namespace it acts on — existing,
 * governed and the requester's team's (or the requester owns the platform).
 */
export async function checkReasonAndTarget(
  draft: { namespace?: unknown; reason?: unknown },
  lookups: NamespaceChangeLookups,
  options: { action: 'change' | 'decommission'; actor?: NamespaceActor },
): Promise<{ target?: NamespaceTarget; issues: FleetValidationIssue[] }> {
  const issues = checkTextField(draft, 'reason', 2000);
  const resolved = await resolveNamespaceTarget(
    draft.namespace,
    lookups,
    options,
  );
  issues.push(...resolved.issues);
  return { target: resolved.target, issues };
}

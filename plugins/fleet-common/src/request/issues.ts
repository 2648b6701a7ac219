import type { FleetValidationIssue } from '../validation/issues';

/** The reason of an issue without its field path: what a form shows under the field. */
export function issueReason(problem: FleetValidationIssue): string {
  const prefix = `${problem.path}: `;
  return problem.path && problem.message.startsWith(prefix)
    ? problem.message.slice(prefix.length)
    : problem.message;
}

/** The issues of one form field: its own path and the paths under it (`quota.limits.cpu`). */
export function issuesOfField(
  issues: readonly FleetValidationIssue[],
  field: string,
): FleetValidationIssue[] {
  return issues.filter(
    i =>
      i.path === field ||
      i.path.startsWith(`${field}.`) ||
      i.path.startsWith(`${field}[`),
  );
}

/**
 * One message for every broken rule of a request, each naming its field:
 * `The namespace request is invalid: namespace: …; quota.pods: …`.
 */
export function formatRequestIssues(
  subject: string,
  issues: readonly FleetValidationIssue[],
): string {
  return `The ${subject} request is invalid: ${issues
    .map(i => i.message)
    .join('; ')}`;
}

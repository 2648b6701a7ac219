import { isDns1123Label, MAX_NAME_LENGTH } from '../naming';
import type { ProfileNaming } from '../types';
import { FleetValidationIssue, issue } from './issues';
import { isAnchoredPattern, regexSafetyProblem } from './regexSafety';

/**
 * The pattern is a valid, anchored RegExp that is safe to run on cluster names (see
 * regexSafetyProblem), and the example a cluster name it matches.
 */
export function checkProfileNaming(
  naming: ProfileNaming | undefined,
): FleetValidationIssue[] {
  const { pattern, example } = naming ?? {};
  const patternIssues = pattern === undefined ? [] : checkPattern(pattern);
  if (example === undefined) {
    return patternIssues;
  }
  if (!isDns1123Label(example)) {
    return [
      ...patternIssues,
      issue(
        'spec.naming.example',
        `"${example}" is not a valid cluster name (DNS-1123 label)`,
      ),
    ];
  }
  if (
    pattern === undefined ||
    patternIssues.length > 0 ||
    new RegExp(pattern).test(example)
  ) {
    return patternIssues;
  }
  return [
    issue(
      'spec.naming.example',
      `${example} does not match spec.naming.pattern ${pattern}`,
    ),
  ];
}

function checkPattern(pattern: string): FleetValidationIssue[] {
  const problem = regexSafetyProblem(pattern, MAX_NAME_LENGTH);
  if (problem) {
    return [issue('spec.naming.pattern', `${pattern} ${problem}`)];
  }
  if (!isAnchoredPattern(pattern)) {
    return [
      issue(
        'spec.naming.pattern',
        `${pattern} must be anchored with ^ and $ so that it matches whole names (alternatives go in a group: ^(a|b)$)`,
      ),
    ];
  }
  return [];
}

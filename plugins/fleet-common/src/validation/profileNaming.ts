import { isDns1123Label } from '../naming';
import type { ProfileNaming } from '../types';
import { FleetValidationIssue, issue } from './issues';

/** The pattern is a valid, anchored RegExp and the example a cluster name it matches. */
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
  const syntaxError = regexpSyntaxError(pattern);
  if (syntaxError) {
    return [
      issue(
        'spec.naming.pattern',
        `${pattern} is not a valid regular expression (${syntaxError})`,
      ),
    ];
  }
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) {
    return [
      issue(
        'spec.naming.pattern',
        `${pattern} must be anchored with ^ and $ so that it matches whole names`,
      ),
    ];
  }
  return [];
}

function regexpSyntaxError(pattern: string): string | undefined {
  try {
    RegExp(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

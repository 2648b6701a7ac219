import { RegexNode, RegexParser } from './regexStructure';

/** The longest naming pattern a profile may have. */
export const MAX_NAMING_PATTERN_LENGTH = 200;

/**
 * The most ways a naming pattern may have to try matching an input of the longest
 * length it is run on. Within this budget a match or a failure takes milliseconds.
 */
export const MAX_NAMING_PATTERN_PATHS = 1_000_000;

/**
 * Why a naming pattern is not safe to run on user input of up to `maxInputLength`
 * characters, in words, or undefined when it is. Pure and quick (linear in the
 * pattern's length), so the frontend form and the backend can both call it before they
 * ever run the pattern; callers must not run it on longer input.
 *
 * JavaScript runs regular expressions by backtracking: a group that repeats and itself
 * repeats or branches (`(a+)+`, `(a|ab)*`) can take exponential time on a name that
 * almost matches, and stalls the event loop. This check refuses:
 *
 * - patterns longer than MAX_NAMING_PATTERN_LENGTH;
 * - invalid syntax;
 * - backreferences and lookarounds;
 * - a repeated group (`*`, `+`, `{n,m}` with m > 1) that contains a repetition or
 *   alternatives (star height above one);
 * - more than MAX_NAMING_PATTERN_PATHS ways to match an input of `maxInputLength`
 *   characters, which bounds the polynomial cost of many open-ended repetitions in a
 *   row (`a*a*a*a*a*b`).
 */
export function regexSafetyProblem(
  pattern: string,
  maxInputLength: number,
): string | undefined {
  if (pattern.length > MAX_NAMING_PATTERN_LENGTH) {
    return `is ${pattern.length} characters long; the limit is ${MAX_NAMING_PATTERN_LENGTH}`;
  }
  const syntaxError = regexpSyntaxError(pattern);
  if (syntaxError) {
    return `is not a valid regular expression (${syntaxError})`;
  }
  const root = new RegexParser(pattern).parse();
  const refused = refusedConstruct(root);
  if (refused) {
    return refused;
  }
  if (countPaths(root, maxInputLength) > MAX_NAMING_PATTERN_PATHS) {
    return (
      `can try more than ${MAX_NAMING_PATTERN_PATHS.toLocaleString(
        'en-US',
      )} ways to match a ${maxInputLength}-character name, ` +
      'which can take seconds: use fewer open-ended repetitions (*, +, {n,}) or bound them, e.g. [a-z]{1,14}'
    );
  }
  return undefined;
}

/**
 * Whether the pattern only matches whole names: it starts with ^, ends with $, and has
 * no alternatives outside a group (`^a|b$` matches any name that ends in b).
 * Assumes regexSafetyProblem found nothing.
 */
export function isAnchoredPattern(pattern: string): boolean {
  const root = new RegexParser(pattern).parse();
  if (root.type !== 'group' || root.alternatives.length !== 1) {
    return false;
  }
  const [sequence] = root.alternatives;
  const first = sequence[0];
  const last = sequence[sequence.length - 1];
  return (
    first?.type === 'assertion' &&
    first.text === '^' &&
    last?.type === 'assertion' &&
    last.text === '$'
  );
}

function regexpSyntaxError(pattern: string): string | undefined {
  try {
    RegExp(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The first construct this check refuses, in words. */
function refusedConstruct(node: RegexNode): string | undefined {
  switch (node.type) {
    case 'backreference':
      return `uses a backreference (${node.text}), which naming patterns may not use`;
    case 'group':
      if (node.lookaround) {
        return `uses a lookahead or lookbehind (${node.text}), which naming patterns may not use`;
      }
      for (const alternative of node.alternatives) {
        for (const child of alternative) {
          const refused = refusedConstruct(child);
          if (refused) {
            return refused;
          }
        }
      }
      return undefined;
    case 'repeat':
      if (node.max > 1 && hasChoice(node.node)) {
        return (
          `repeats a group that itself repeats or has alternatives (${node.text}), ` +
          'which can take exponential time on a name that almost matches'
        );
      }
      return refusedConstruct(node.node);
    default:
      return undefined;
  }
}

/** Whether matching the node involves a choice: a repetition or alternatives. */
function hasChoice(node: RegexNode): boolean {
  if (node.type === 'repeat') {
    return node.min !== node.max || hasChoice(node.node);
  }
  if (node.type === 'group') {
    return (
      node.alternatives.length > 1 ||
      node.alternatives.some(alternative => alternative.some(hasChoice))
    );
  }
  return false;
}

/**
 * An upper bound of the ways a backtracking matcher can try to match an input of
 * `length` characters: alternatives add up, a sequence multiplies, and a repetition
 * offers one way per count it can take. Valid once refusedConstruct found nothing, as
 * every choice is then met at most once per attempt.
 */
function countPaths(node: RegexNode, length: number): number {
  switch (node.type) {
    case 'group':
      return node.alternatives.reduce(
        (sum, alternative) =>
          sum +
          alternative.reduce(
            (product, child) => product * countPaths(child, length),
            1,
          ),
        0,
      );
    case 'repeat': {
      const inner = countPaths(node.node, length);
      if (node.max <= 1) {
        return (node.min === 0 ? 1 : 0) + (node.max === 1 ? inner : 0);
      }
      const counts = Math.min(node.max, length) - node.min + 1;
      return Math.max(counts, 1) * inner;
    }
    default:
      return 1;
  }
}

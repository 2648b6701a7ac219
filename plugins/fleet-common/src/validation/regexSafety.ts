/** The longest naming pattern a profile may have. */
export const MAX_NAMING_PATTERN_LENGTH = 200;

/**
 * The most ways a naming pattern may have to try matching an input of the longest
 * length it is run on. Within this budget a match or a failure takes milliseconds.
 */
export const MAX_NAMING_PATTERN_PATHS = 1_000_000;

/**
 * The structure of a JavaScript regular expression, as far as its matching cost goes:
 * what repeats, what branches, and what this check refuses outright.
 */
type RegexNode =
  | { type: 'char' }
  | { type: 'assertion'; text: string }
  | { type: 'backreference'; text: string }
  | {
      type: 'group';
      alternatives: RegexNode[][];
      lookaround: boolean;
      text: string;
    }
  | { type: 'repeat'; node: RegexNode; min: number; max: number; text: string };

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

const QUANTIFIER_BRACES = /^\{(\d+)(,(\d*))?\}/;

/**
 * Reads a pattern that RegExp accepts (no flags, so Annex B syntax: a `{` that starts no
 * quantifier is a literal) into RegexNodes. Characters, classes and escapes that match
 * one character are all `char`: only the structure matters here.
 */
class RegexParser {
  #pos = 0;

  constructor(private readonly source: string) {}

  parse(): RegexNode {
    return {
      type: 'group',
      alternatives: this.#alternatives(),
      lookaround: false,
      text: this.source,
    };
  }

  #alternatives(): RegexNode[][] {
    const alternatives: RegexNode[][] = [[]];
    while (this.#pos < this.source.length) {
      const c = this.source[this.#pos];
      if (c === ')') {
        break;
      }
      if (c === '|') {
        this.#pos += 1;
        alternatives.push([]);
        continue;
      }
      const start = this.#pos;
      const atom = this.#atom();
      alternatives[alternatives.length - 1].push(this.#quantified(atom, start));
    }
    return alternatives;
  }

  #atom(): RegexNode {
    const c = this.source[this.#pos];
    switch (c) {
      case '^':
      case '$':
        this.#pos += 1;
        return { type: 'assertion', text: c };
      case '(':
        return this.#group();
      case '[':
        this.#skipClass();
        return { type: 'char' };
      case '\\':
        return this.#escape();
      default:
        this.#pos += 1;
        return { type: 'char' };
    }
  }

  #group(): RegexNode {
    const start = this.#pos;
    this.#pos += 1;
    const rest = this.source.slice(this.#pos, this.#pos + 3);
    let lookaround = false;
    if (rest.startsWith('?=') || rest.startsWith('?!')) {
      lookaround = true;
      this.#pos += 2;
    } else if (rest === '?<=' || rest === '?<!') {
      lookaround = true;
      this.#pos += 3;
    } else if (rest.startsWith('?<')) {
      this.#pos = this.source.indexOf('>', this.#pos) + 1;
    } else if (rest.startsWith('?')) {
      // (?:…) and modifier groups such as (?i:…)
      this.#pos = this.source.indexOf(':', this.#pos) + 1;
    }
    const alternatives = this.#alternatives();
    this.#pos += 1;
    return {
      type: 'group',
      alternatives,
      lookaround,
      text: this.source.slice(start, this.#pos),
    };
  }

  #skipClass(): void {
    this.#pos += 1;
    while (this.#pos < this.source.length && this.source[this.#pos] !== ']') {
      this.#pos += this.source[this.#pos] === '\\' ? 2 : 1;
    }
    this.#pos += 1;
  }

  #escape(): RegexNode {
    const start = this.#pos;
    this.#pos += 1;
    const c = this.source[this.#pos] ?? '';
    if (/[1-9]/.test(c)) {
      while (/\d/.test(this.source[this.#pos] ?? '')) {
        this.#pos += 1;
      }
      return {
        type: 'backreference',
        text: this.source.slice(start, this.#pos),
      };
    }
    if (c === 'k' && this.source[this.#pos + 1] === '<') {
      const end = this.source.indexOf('>', this.#pos);
      this.#pos = end < 0 ? this.#pos + 1 : end + 1;
      return {
        type: 'backreference',
        text: this.source.slice(start, this.#pos),
      };
    }
    if (c === 'b' || c === 'B') {
      this.#pos += 1;
      return { type: 'assertion', text: `\\${c}` };
    }
    const fixedLength: Record<string, RegExp> = {
      u: /^u[0-9a-fA-F]{4}/,
      x: /^x[0-9a-fA-F]{2}/,
      c: /^c[A-Za-z]/,
      '0': /^0[0-7]{0,2}/,
    };
    const match = fixedLength[c]?.exec(
      this.source.slice(this.#pos, this.#pos + 5),
    );
    this.#pos += match ? match[0].length : 1;
    return { type: 'char' };
  }

  #quantified(atom: RegexNode, start: number): RegexNode {
    const c = this.source[this.#pos];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
      this.#pos += 1;
    } else if (c === '{') {
      const match = QUANTIFIER_BRACES.exec(
        this.source.slice(this.#pos, this.#pos + 40),
      );
      if (!match) {
        return atom;
      }
      min = Number(match[1]);
      if (match[2] === undefined) {
        max = min;
      } else {
        max = match[3] === '' ? Infinity : Number(match[3]);
      }
      this.#pos += match[0].length;
    } else {
      return atom;
    }
    if (this.source[this.#pos] === '?') {
      this.#pos += 1;
    }
    return {
      type: 'repeat',
      node: atom,
      min,
      max,
      text: this.source.slice(start, this.#pos),
    };
  }
}

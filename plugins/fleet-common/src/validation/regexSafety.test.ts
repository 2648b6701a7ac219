import {
  isAnchoredPattern,
  MAX_NAMING_PATTERN_LENGTH,
  regexSafetyProblem,
} from './regexSafety';

const NAME_LENGTH = 63;
const problemOf = (pattern: string) => regexSafetyProblem(pattern, NAME_LENGTH);

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

describe('regexSafetyProblem', () => {
  it.each([
    // the demo and bench profiles
    '^prd-[a-z]{2,4}[0-9]-[a-z][a-z0-9]{1,14}-[0-9]{2}$',
    '^(stg|dev|tst)-[a-z]{2,4}[0-9]-[a-z][a-z0-9]{1,14}-[0-9]{2}$',
    '^edg-[a-z]{3}[0-9]{2}-[a-z][a-z0-9]{1,14}-[0-9]{2}$',
    '^p001-c[0-9]{5}$',
    // open-ended, but few enough in a row
    '^[a-z]+-[a-z]+-[0-9]+$',
    '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
    // a repeated group without choices inside, named groups, escapes, literal braces
    '^(?:ab){1,3}-(?<site>[a-z]{3})\\d{2}\\b$',
    '^a{2}(-x){0,4}\\u0061\\x62\\.{$',
  ])('accepts %s', pattern => {
    expect(problemOf(pattern)).toBeUndefined();
  });

  it.each([
    ['^(a+)+$', '(a+)+'],
    ['^(a|aa)*$', '(a|aa)*'],
    ['^([a-z0-9]+-?)+$', '([a-z0-9]+-?)+'],
    ['^(?:a*)*b$', '(?:a*)*'],
    ['^x(\\w+\\s?){2,}$', '(\\w+\\s?){2,}'],
    ['^(a{1,2}){3}$', '(a{1,2}){3}'],
  ])('refuses nested repetition in %s', (pattern, group) => {
    expect(problemOf(pattern)).toBe(
      `repeats a group that itself repeats or has alternatives (${group}), which can take exponential time on a name that almost matches`,
    );
  });

  it.each([
    ['^(a)\\1$', 'a backreference (\\1)'],
    ['^(?<x>a)\\k<x>$', 'a backreference (\\k<x>)'],
    ['^(?=a)[a-z]+$', 'a lookahead or lookbehind ((?=a))'],
    ['^[a-z]+(?!-)$', 'a lookahead or lookbehind ((?!-))'],
    ['^(?<=a)b$', 'a lookahead or lookbehind ((?<=a))'],
    ['^(?<!a)b$', 'a lookahead or lookbehind ((?<!a))'],
  ])('refuses %s', (pattern, construct) => {
    expect(problemOf(pattern)).toBe(
      `uses ${construct}, which naming patterns may not use`,
    );
  });

  it('refuses many open-ended repetitions in a row', () => {
    expect(problemOf('^a*a*a*a*a*b$')).toBe(
      'can try more than 1,000,000 ways to match a 63-character name, which can take seconds: use fewer open-ended repetitions (*, +, {n,}) or bound them, e.g. [a-z]{1,14}',
    );
    // alternatives count too: 2^20 ways
    expect(problemOf(`^${'(a|b)'.repeat(20)}$`)).toMatch(/^can try more/);
    expect(problemOf(`^${'(a|b)'.repeat(19)}$`)).toBeUndefined();
  });

  it('refuses patterns that are too long or invalid', () => {
    const long = `^${'a'.repeat(MAX_NAMING_PATTERN_LENGTH - 1)}$`;
    expect(problemOf(long)).toBe(
      `is ${
        MAX_NAMING_PATTERN_LENGTH + 1
      } characters long; the limit is ${MAX_NAMING_PATTERN_LENGTH}`,
    );
    expect(problemOf('^prd-[a-z$')).toMatch(
      /^is not a valid regular expression \(Invalid regular expression: /,
    );
  });

  it('refuses a catastrophic pattern in well under a second, without running it', () => {
    // Run, this pattern takes minutes on the name below; checked, it takes microseconds.
    const { value, ms } = timed(() => problemOf('^([a-z0-9]+)+$'));
    expect(value).toMatch(/^repeats a group/);
    expect(ms).toBeLessThan(50);
  });

  it('keeps every accepted pattern fast on the names that are hardest for it', () => {
    // Near the budget: three open-ended repetitions that overlap, on names that fail
    // only at the last character.
    const hard = [
      { pattern: '^[a-z0-9]*[a-z0-9]*[a-z0-9]*-$', name: 'a'.repeat(63) },
      { pattern: '^[a-z]+-[a-z]+-[0-9]+$', name: `a-${'a'.repeat(60)}x` },
      { pattern: `^${'(a|a)'.repeat(19)}$`, name: `${'a'.repeat(18)}b` },
    ];
    for (const { pattern, name } of hard) {
      expect(problemOf(pattern)).toBeUndefined();
      const { value, ms } = timed(() => new RegExp(pattern).test(name));
      expect(value).toBe(false);
      expect(ms).toBeLessThan(500);
    }
  });
});

describe('isAnchoredPattern', () => {
  it.each([
    ['^prd-[a-z]+$', true],
    ['^(prd|stg)-[a-z]+$', true],
    ['^$', true],
    ['prd-[a-z]+$', false],
    ['^prd-[a-z]+', false],
    ['^prd|stg$', false],
    ['^prd-\\$', false],
    ['^prd\\b', false],
  ])('%s: %s', (pattern, anchored) => {
    expect(isAnchoredPattern(pattern)).toBe(anchored);
  });
});

import { isExplicitVersionPin, isStrictSemver } from './versions';

describe('isExplicitVersionPin', () => {
  it.each([
    '1.16.5',
    'v1.16.5',
    '3.3.4-rc.1',
    '1.31.4+k3s1',
    'v1.2.3.4',
    `sha256:${'a'.repeat(64)}`,
  ])('accepts %s', version => {
    expect(isExplicitVersionPin(version)).toBe(true);
  });

  it.each([
    '',
    'latest',
    'stable',
    '*',
    'x',
    '1',
    '1.2',
    '1.x',
    '1.2.x',
    '1.2.*',
    '^1.2',
    '~1.2.3',
    '>=1',
    '>=1.0.0 <2.0.0',
    '1.2.3 || 1.2.4',
    '1.2.3 - 1.2.5',
    '=1.2.3',
    ' 1.2.3',
    'sha256:abc',
  ])('rejects %j', version => {
    expect(isExplicitVersionPin(version)).toBe(false);
  });
});

describe('isStrictSemver', () => {
  it.each([
    ['3.2.0', true],
    ['1.31.4+k3s1', true],
    ['1.0.0-alpha.1', true],
    ['v3.2.0', false],
    ['=3.2.0', false],
    ['3.2.0 ', false],
    ['3.2', false],
    ['03.2.0', false],
  ])('%j is %s', (version, expected) => {
    expect(isStrictSemver(version)).toBe(expected);
  });
});

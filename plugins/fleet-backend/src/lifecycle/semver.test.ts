import { compareSemver, isSemver } from './semver';

describe('compareSemver', () => {
  it.each([
    ['3.2.0', '3.2.0', 0],
    ['3.1.0', '3.2.0', -1],
    ['3.10.0', '3.9.0', 1],
    ['4.0.0', '3.99.99', 1],
    ['3.2.0-rc.1', '3.2.0', -1],
    ['3.2.0-rc.2', '3.2.0-rc.10', -1],
    ['3.2.0-alpha', '3.2.0-alpha.1', -1],
    ['3.2.0-1', '3.2.0-alpha', -1],
    ['3.2.0+build.5', '3.2.0', 0],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareSemver(a, b)!)).toBe(sign);
  });

  it('does not compare what is not a semantic version', () => {
    expect(compareSemver('3.2', '3.2.0')).toBeUndefined();
    expect(compareSemver('v3.2.0', '3.2.0')).toBeUndefined();
    expect(isSemver('03.2.0')).toBe(false);
  });
});

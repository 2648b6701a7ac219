import { compareVersions, isVersionBehind } from './versions';

describe('compareVersions', () => {
  it.each([
    ['3.1.0', '3.2.0', -1],
    ['3.2.0', '3.2.0', 0],
    ['3.10.0', '3.9.0', 1],
    ['3.2.0-rc.1', '3.2.0', -1],
    ['3.2.0-rc.2', '3.2.0-rc.10', -1],
    ['3.2.0+build.5', '3.2.0', 0],
  ])('%s vs %s', (a, b, expected) => {
    expect(Math.sign(compareVersions(a, b)!)).toBe(expected);
  });

  it.each([
    ['3.2', '3.2.0'],
    ['v3.2.0', '3.2.0'],
    ['latest', '1.0.0'],
  ])('is undefined for %s', (a, b) => {
    expect(compareVersions(a, b)).toBeUndefined();
  });
});

describe('isVersionBehind', () => {
  it('is true only for an older release', () => {
    expect(isVersionBehind('3.1.0', '3.2.0')).toBe(true);
    expect(isVersionBehind('3.2.0', '3.2.0')).toBe(false);
    expect(isVersionBehind('3.3.0', '3.2.0')).toBe(false);
  });

  it('never reports unknown or unparsable versions as behind', () => {
    expect(isVersionBehind(undefined, '3.2.0')).toBe(false);
    expect(isVersionBehind('3.1.0', undefined)).toBe(false);
    expect(isVersionBehind('three', '3.2.0')).toBe(false);
  });
});

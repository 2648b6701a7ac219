import { normalizeVersion, satisfiesRange } from './versionRange';

describe('satisfiesRange', () => {
  it.each([
    ['1.31.4', '>=1.30.0 <1.32.0', true],
    ['1.30.0', '>=1.30.0 <1.32.0', true],
    ['1.32.0', '>=1.30.0 <1.32.0', false],
    ['1.29.9', '>=1.30.0 <1.32.0', false],
    ['1.29.9', '>=1.30.0 <1.32.0 || 1.29.9', true],
    ['1.31.4+k3s1', '1.31.4', true],
    ['1.31.4', '=v1.31.4', true],
  ])('%s in %s → %s', (version, range, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it('is undefined for what it cannot read', () => {
    expect(satisfiesRange('banana', '>=1.30.0')).toBeUndefined();
    expect(satisfiesRange('1.30.0', '~1.30')).toBeUndefined();
    expect(satisfiesRange('1.30.0', '')).toBeUndefined();
  });

  it('strips the v of git versions', () => {
    expect(normalizeVersion('v1.31.4+k3s1')).toBe('1.31.4+k3s1');
  });
});

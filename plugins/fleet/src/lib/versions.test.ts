import { isVersionBehind } from './versions';

describe('isVersionBehind', () => {
  it.each([
    ['3.1.0', '3.2.0', true],
    ['3.2.0', '3.2.0', false],
    ['3.10.0', '3.9.1', false],
    ['2.9.9', '3.0.0', true],
    ['3.2.0', '3.2.1', true],
    [undefined, '3.2.0', false],
    ['3.2.0', undefined, false],
    ['latest', '3.2.0', false],
  ])('%s behind %s is %s', (version, current, behind) => {
    expect(isVersionBehind(version, current)).toBe(behind);
  });
});

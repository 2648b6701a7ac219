import { parseCidr } from '@fleet-portal/plugin-fleet-common';
import { memoizedCidrParser } from './cidrParser';

describe('memoizedCidrParser', () => {
  it('gives what parseCidr gives, remembering it', () => {
    const parse = memoizedCidrParser();
    for (const text of [
      '10.64.0.0/16',
      'fd00:10::/56',
      '10.0.0.1/24',
      'nonsense',
    ]) {
      expect(parse(text)).toEqual(parseCidr(text));
      expect(parse(text)).toBe(parse(text));
    }
  });

  it('starts over when full', () => {
    const parse = memoizedCidrParser(2);
    const first = parse('10.0.0.0/8');
    parse('10.1.0.0/16');
    parse('10.2.0.0/16');
    expect(parse('10.0.0.0/8')).not.toBe(first);
    expect(parse('10.0.0.0/8')).toEqual(first);
  });
});

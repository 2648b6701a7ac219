import { composeName, splitName, tiersOf } from './nameParts';

describe('name parts', () => {
  it('reads the tiers a pattern allows', () => {
    expect(
      tiersOf('^prd-[a-z]{2,4}[0-9]-[a-z][a-z0-9]{1,14}-[0-9]{2}$'),
    ).toEqual(['prd']);
    expect(tiersOf('^(stg|dev|tst)-[a-z]{2,4}[0-9]-x$')).toEqual([
      'stg',
      'dev',
      'tst',
    ]);
    expect(tiersOf('^[a-z]+$')).toEqual([]);
    expect(tiersOf(undefined)).toEqual([]);
  });

  it('composes and splits names', () => {
    const parts = {
      tier: 'edg',
      location: 'BER03',
      purpose: 'store',
      number: '01',
    };
    expect(composeName(parts)).toBe('edg-ber03-store-01');
    expect(splitName('edg-ber03-store-01')).toEqual({
      ...parts,
      location: 'ber03',
    });
    expect(
      composeName({ tier: '', location: '', purpose: '', number: '' }),
    ).toBe('');
    expect(splitName('nope')).toEqual({
      tier: '',
      location: '',
      purpose: '',
      number: '',
    });
  });
});

import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  parseQuantity,
} from './quantity';

function value(text: string): { unscaled: bigint; scale: number } {
  const result = parseQuantity(text);
  if (!result.ok) {
    throw new Error(result.reason);
  }
  return { unscaled: result.quantity.unscaled, scale: result.quantity.scale };
}

describe('parseQuantity', () => {
  it.each([
    ['0', 0n, 0],
    ['2', 2n, 0],
    ['+2', 2n, 0],
    ['-2', -2n, 0],
    ['0.5', 5n, 1],
    ['.5', 5n, 1],
    ['5.', 5n, 0],
    ['100m', 100n, 3],
    ['1.5m', 15n, 4],
    ['250u', 250n, 6],
    ['10n', 10n, 9],
    ['1k', 1000n, 0],
    ['1M', 1000000n, 0],
    ['1G', 10n ** 9n, 0],
    ['1T', 10n ** 12n, 0],
    ['1P', 10n ** 15n, 0],
    ['1E', 10n ** 18n, 0],
    ['1Ki', 1024n, 0],
    ['128Mi', 128n * 2n ** 20n, 0],
    ['1.5Gi', 15n * 2n ** 30n, 1],
    ['1Ti', 2n ** 40n, 0],
    ['1Pi', 2n ** 50n, 0],
    ['8Ei', 8n * 2n ** 60n, 0],
    ['1e3', 1000n, 0],
    ['1E3', 1000n, 0],
    ['1e+3', 1000n, 0],
    ['25e-3', 25n, 3],
  ])('%s is %s × 10^-%s', (text, unscaled, scale) => {
    expect(value(text)).toEqual({ unscaled, scale });
  });

  it.each([
    '',
    ' 1',
    '1 ',
    '10 cpus',
    '1K',
    '1Kib',
    '1ki',
    '1e',
    '1e1.5',
    '.',
    '1..2',
    '--1',
    'Mi',
    '1Mi1',
    '1mi',
    'one',
  ])('rejects %j', text => {
    expect(parseQuantity(text)).toEqual({
      ok: false,
      reason: `${JSON.stringify(
        text,
      )} is not a Kubernetes quantity (e.g. 500m, 2, 4Gi)`,
    });
  });

  it('rejects absurd exponents instead of computing them', () => {
    expect(parseQuantity('1e1000000')).toEqual({
      ok: false,
      reason: '"1e1000000" is out of range for a Kubernetes quantity',
    });
  });
});

describe('compareQuantities', () => {
  it.each([
    ['1', '1000m', 0],
    ['0.5', '500m', 0],
    ['1Gi', '1073741824', 0],
    ['1Gi', '1G', 1],
    ['1000Mi', '1Gi', -1],
    ['1e3', '1k', 0],
    ['100m', '0.1', 0],
    ['-1', '0', -1],
    ['1n', '0', 1],
    ['1Ei', '1152921504606846976', 0],
    ['1Ei', '1152921504606846977', -1],
    ['8Ei', '9223372036854775807', 1],
    ['1E', '999999999999999999999n', 1],
    ['131073Mi', '128Gi', 1],
  ])('%s vs %s is %s', (a, b, expected) => {
    expect(Math.sign(compareQuantities(a, b))).toBe(expected);
    expect(Math.sign(compareQuantities(b, a))).toBe(-expected || 0);
  });

  it('accepts parsed quantities and throws a TypeError for invalid text', () => {
    const parsed = parseQuantity('2');
    expect(parsed.ok && compareQuantities(parsed.quantity, '3')).toBeLessThan(
      0,
    );
    expect(() => compareQuantities('2 cores', '3')).toThrow(
      new TypeError(
        '"2 cores" is not a Kubernetes quantity (e.g. 500m, 2, 4Gi)',
      ),
    );
  });
});

describe('addQuantities and formatQuantity', () => {
  it('adds exactly across suffixes and formats for people', () => {
    expect(addQuantities(['500m', '1', '250m']).text).toBe('1750m');
    expect(addQuantities(['4Gi', '4Gi']).text).toBe('8Gi');
    expect(addQuantities(['512Mi', '4Gi']).text).toBe('4608Mi');
    expect(addQuantities([]).text).toBe('0');
    expect(formatQuantity('2k')).toBe('2000');
    expect(formatQuantity('1500u')).toBe('0.0015');
    expect(formatQuantity('-3')).toBe('-3');
  });
});

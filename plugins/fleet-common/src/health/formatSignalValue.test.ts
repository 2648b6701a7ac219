import { formatSignalValue, isCountUnit } from './formatSignalValue';

describe('formatSignalValue', () => {
  it.each([
    // ratios as percent, never rounded up to 100 % when they are not
    [1, 'ratio', '100 %'],
    [0.9995, 'ratio', '99.95 %'],
    [0.99, 'ratio', '99 %'],
    [0.99999, 'ratio', '99.99 %'],
    [0.5, 'ratio', '50 %'],
    [0.12345, 'ratio', '12.3 %'],
    [97.5, 'percent', '97.5 %'],
    // counts as whole numbers with their noun
    [1.005, 'restarts', '1 restart'],
    [12.4, 'restarts', '12 restarts'],
    [0, 'nodes', '0 nodes'],
    [1, 'nodes', '1 node'],
    [2, 'nodes', '2 nodes'],
    [3.2, 'count', '3'],
    [12000, 'violations', '12,000 violations'],
    // durations with their unit
    [4.98, 'days', '5 days'],
    [1, 'days', '1 day'],
    [-2.04, 'days', '-2 days'],
    [26.5, 'hours', '26.5 h'],
    [30, 'seconds', '30 s'],
    [5400, 'seconds', '90 min'],
    [90000, 'seconds', '25 h'],
    [259200, 'seconds', '3 days'],
    [12, 'minutes', '12 min'],
    // rates and other units after the value
    [0.254, 'req/s', '0.25 req/s'],
    [0.123, undefined, '0.12'],
    [2, 'value', '2'],
  ])('%s %s → %s', (value, unit, expected) => {
    expect(formatSignalValue(value, unit)).toBe(expected);
  });

  it('keeps decimals when asked to be precise', () => {
    expect(formatSignalValue(19.994, 'restarts', { precise: true })).toBe(
      '19.99 restarts',
    );
    expect(formatSignalValue(4.987, 'days', { precise: true })).toBe(
      '4.99 days',
    );
  });

  it('shows a dash, not zero, when there is no value', () => {
    expect(formatSignalValue(undefined, 'ratio')).toBe('—');
    expect(formatSignalValue(NaN, 'nodes')).toBe('—');
  });

  it('spells out infinities instead of inventing a number', () => {
    expect(formatSignalValue(Infinity, 'hours')).toBe('∞ h');
  });

  it('knows count units', () => {
    expect(isCountUnit('restarts')).toBe(true);
    expect(isCountUnit('count')).toBe(true);
    expect(isCountUnit('ratio')).toBe(false);
    expect(isCountUnit('req/s')).toBe(false);
  });
});

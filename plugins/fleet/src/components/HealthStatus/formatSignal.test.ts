import { formatSignalValue, signalTitle } from './formatSignal';

describe('formatSignalValue', () => {
  it.each([
    [0.9995, 'ratio', '99.95 %'],
    [0.5, 'ratio', '50 %'],
    [3, 'count', '3'],
    [4.98, 'days', '5 days'],
    [1, 'days', '1 day'],
    [30, 'seconds', '30 s'],
    [5400, 'seconds', '90 min'],
    [90000, 'seconds', '25 h'],
    [26.5, 'hours', '26.5 h'],
    [2, 'nodes', '2 nodes'],
    [1, 'ratio', '100 %'],
    [1.005, 'restarts', '1 restart'],
    [0.254, 'req/s', '0.25 req/s'],
  ])('formats %s %s as %s', (value, unit, expected) => {
    expect(formatSignalValue(value, unit)).toBe(expected);
  });

  it('shows a dash, not zero, when there is no value', () => {
    expect(formatSignalValue(undefined, 'ratio')).toBe('—');
  });
});

describe('signalTitle', () => {
  it('falls back to the id', () => {
    expect(signalTitle([], 'x')).toBe('x');
  });
});

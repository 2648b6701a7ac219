import { SignalDefinition } from '@fleet-portal/plugin-fleet-common';
import { judgeValue, worstOf } from './verdict';

const AT = new Date('2026-11-22T10:00:00Z');
const above: SignalDefinition = {
  id: 'restarts',
  title: 'Restarts',
  description: '',
  unit: 'restarts',
  query: '',
  source: 'central',
  thresholds: { direction: 'above', warning: 5, critical: 20 },
};
const below: SignalDefinition = {
  ...above,
  id: 'cert',
  unit: 'days',
  thresholds: { direction: 'below', warning: 14, critical: 7 },
};

describe('judgeValue', () => {
  it.each([
    [above, 0, 'ok', 5, '0 restarts is below the warning threshold 5 restarts'],
    [
      above,
      5,
      'warning',
      5,
      '5 restarts is at or above the warning threshold 5 restarts',
    ],
    [
      above,
      19.99,
      'warning',
      5,
      '19.99 restarts is at or above the warning threshold 5 restarts',
    ],
    [
      above,
      20,
      'critical',
      20,
      '20 restarts is at or above the critical threshold 20 restarts',
    ],
    [below, 30, 'ok', 14, '30 days is above the warning threshold 14 days'],
    [
      below,
      14,
      'warning',
      14,
      '14 days is at or below the warning threshold 14 days',
    ],
    [
      below,
      4.123456,
      'critical',
      7,
      '4.1 days is at or below the critical threshold 7 days',
    ],
    [
      above,
      12.4,
      'warning',
      5,
      '12 restarts is at or above the warning threshold 5 restarts',
    ],
    [
      below,
      7.04,
      'warning',
      14,
      '7.04 days is at or below the warning threshold 14 days',
    ],
    [
      below,
      -2,
      'critical',
      7,
      '-2 days is at or below the critical threshold 7 days',
    ],
  ] as const)('%#: %p → %s', (signal, value, status, threshold, reason) => {
    expect(judgeValue(signal, value, AT)).toEqual({
      signal: signal.id,
      source: 'central',
      sampleTime: AT.toISOString(),
      status,
      value,
      threshold,
      reason,
    });
  });

  it('shows ratios as percent', () => {
    const ratio: SignalDefinition = {
      ...above,
      unit: 'ratio',
      thresholds: { direction: 'below', warning: 0.99, critical: 0.5 },
    };
    expect(judgeValue(ratio, 1, AT).reason).toBe(
      '100 % is above the warning threshold 99 %',
    );
    expect(judgeValue(ratio, 0.9995, AT).reason).toBe(
      '99.95 % is above the warning threshold 99 %',
    );
  });

  it('works with only a critical threshold', () => {
    const onlyCritical = {
      ...above,
      thresholds: { direction: 'above' as const, critical: 1 },
    };
    expect(judgeValue(onlyCritical, 0, AT)).toMatchObject({
      status: 'ok',
      threshold: 1,
    });
    expect(judgeValue(onlyCritical, 1, AT)).toMatchObject({
      status: 'critical',
    });
  });

  it.each([NaN, Infinity, -Infinity])(
    'gives unknown without a value for %p',
    value => {
      const verdict = judgeValue(above, value, AT);
      expect(verdict.status).toBe('unknown');
      expect(verdict.value).toBeUndefined();
      expect(verdict.reason).toBe(
        `The query returned ${value}, not a finite number`,
      );
    },
  );
});

describe('worstOf', () => {
  const v = (signal: string, status: any) => ({
    signal,
    status,
    reason: '',
    source: 's',
  });
  it('picks the worst status and its first signal', () => {
    expect(
      worstOf([
        v('a', 'ok'),
        v('b', 'unknown'),
        v('c', 'warning'),
        v('d', 'warning'),
      ]),
    ).toEqual({
      status: 'warning',
      worstSignal: 'c',
    });
    expect(worstOf([v('a', 'ok')])).toEqual({ status: 'ok' });
    expect(worstOf([])).toEqual({ status: 'unknown' });
  });
});

describe('worstOf with signals that do not apply', () => {
  const v = (signal: string, status: any) => ({ signal, status });
  it('leaves not-applicable verdicts out', () => {
    expect(worstOf([v('cilium', 'not-applicable'), v('a', 'ok')])).toEqual({
      status: 'ok',
    });
    expect(
      worstOf([v('cilium', 'not-applicable'), v('calico', 'warning')]),
    ).toEqual({ status: 'warning', worstSignal: 'calico' });
    // nothing applies: nothing is known
    expect(worstOf([v('cilium', 'not-applicable')])).toEqual({
      status: 'unknown',
    });
  });
});

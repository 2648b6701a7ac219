import type { JsonValue } from '@backstage/types';
import { ConfigReader } from '@backstage/config';
import { readOwnerRef, readPositiveDurationMs } from './readSourceConfig';

describe('readOwnerRef', () => {
  it('completes a short ref to a group in the default namespace', () => {
    expect(readOwnerRef('x.defaultOwner', 'platform-team')).toBe(
      'group:default/platform-team',
    );
    expect(readOwnerRef('x.defaultOwner', 'user:ops/jo')).toBe('user:ops/jo');
  });

  it('names the field of a malformed ref', () => {
    expect(() => readOwnerRef('x.defaultOwner', 'group:')).toThrow(
      'x.defaultOwner: "group:" is not an entity reference',
    );
  });
});

describe('readPositiveDurationMs', () => {
  const read = (value: JsonValue) =>
    readPositiveDurationMs(
      new ConfigReader({ timeout: value }),
      'timeout',
      'x.timeout',
    );

  it('reads objects, ISO 8601 and human durations', () => {
    expect(read({ seconds: 30 })).toBe(30_000);
    expect(read({ minutes: 1, seconds: 5 })).toBe(65_000);
    expect(read('PT2M')).toBe(120_000);
    expect(read({ days: 1 })).toBe(86_400_000);
  });

  it('names the field of a malformed or empty duration', () => {
    expect(() => read({ parsecs: 3 })).toThrow(/^x\.timeout: /);
    expect(() => read({ seconds: 0 })).toThrow(
      'x.timeout: must be longer than zero',
    );
  });
});

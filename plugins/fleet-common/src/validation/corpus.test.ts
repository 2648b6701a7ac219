import { corpus } from '../__fixtures__/corpus';
import { validateFleetEntity } from './fleetEntity';

describe('validation corpus', () => {
  it('has at least 35 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(35);
    expect(new Set(corpus.map(c => c.name)).size).toBe(corpus.length);
  });

  it.each(corpus.filter(c => c.valid).map(c => [c.name, c]))(
    'accepts %s',
    (_, testCase) => {
      expect(validateFleetEntity(testCase.entity)).toEqual([]);
    },
  );

  it.each(
    corpus.flatMap(c =>
      c.valid ? [] : [[c.name, c.entity, c.message] as const],
    ),
  )('rejects %s', (_, entity, message) => {
    const messages = validateFleetEntity(entity).map(i => i.message);
    expect(messages).toEqual([expect.stringContaining(message)]);
  });
});

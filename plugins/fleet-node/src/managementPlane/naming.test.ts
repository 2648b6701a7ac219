import { clusterKey, ungovernedNamespace } from './naming';

describe('clusterKey', () => {
  it.each([
    ['prd-euw1-payments-01', 'prd-euw1-payments-01'],
    ['PRD-EUW1-Payments-01', 'prd-euw1-payments-01'],
    ['Edge Shop #17', 'edge-shop-17'],
    ['--x--', 'x'],
    ['a'.repeat(80), 'a'.repeat(63)],
    ['***', undefined],
  ])('%s → %s', (name, key) => {
    expect(clusterKey(name)).toBe(key);
  });
});

describe('ungovernedNamespace', () => {
  it('is the source type and id as a namespace name, never default', () => {
    expect(ungovernedNamespace({ type: 'portainer', id: 'Prod_EU' })).toBe(
      'portainer-prod-eu',
    );
    expect(() => ungovernedNamespace({ type: 'default', id: '' })).toThrow(
      /own catalog namespace/,
    );
  });
});

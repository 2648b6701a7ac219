import { ConfigReader } from '@backstage/config';
import { applyMappingRules, compileMappingRules } from './mappingRules';

const compile = (rules: object[]) =>
  compileMappingRules(
    rules.map(rule => new ConfigReader(rule)),
    'catalog.providers.fleetPortainer.prod.mapping',
  );

describe('mapping rules', () => {
  const rules = compile([
    { tag: 'env:prod', environment: 'production' },
    { tag: 'env:(staging|test)', environment: '$1' },
    { tag: 'region:(.+)', region: '$1' },
    { group: '(?!Unassigned$)(.+)', region: '$1', owner: 'group:default/$1' },
    { tag: 'team:(.+)', owner: 'group:default/team-$1' },
  ]);

  it('sets each field from the first rule that matches and sets it', () => {
    expect(
      applyMappingRules(rules, {
        tags: ['team:edge', 'env:prod', 'region:eu-west-1'],
        group: 'shops',
      }),
    ).toEqual({
      environment: 'production',
      region: 'eu-west-1',
      owner: 'group:default/shops',
    });
    expect(
      applyMappingRules(rules, {
        tags: ['env:test', 'team:edge'],
        group: 'Unassigned',
      }),
    ).toEqual({ environment: 'test', owner: 'group:default/team-edge' });
  });

  it('matches whole tag names only', () => {
    expect(applyMappingRules(rules, { tags: ['env:production'] })).toEqual({});
  });

  it('names the rule and field of a mistake', () => {
    expect(() => compile([{ tag: 'x', group: 'y', region: 'r' }])).toThrow(
      'catalog.providers.fleetPortainer.prod.mapping[0]: give exactly one of tag or group',
    );
    expect(() => compile([{ region: 'r' }, { tag: '(', region: 'r' }])).toThrow(
      /mapping\[0\]: give exactly one/,
    );
    expect(() => compile([{ tag: '(', region: 'r' }])).toThrow(
      /mapping\[0\]\.tag: Invalid regular expression/,
    );
    expect(() => compile([{ tag: 'a' }])).toThrow(/mapping\[0\]: sets nothing/);
  });
});

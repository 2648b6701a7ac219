import { ConfigReader } from '@backstage/config';
import { InputError, NotAllowedError } from '@backstage/errors';
import { contentDigest, renderRecord } from './renderRecord';
import { RenderSeal } from './RenderSeal';

const record = renderRecord({
  task: 'task-1',
  kind: 'namespace',
  cluster: 'stg-euw1-checkout-01',
  namespace: 'checkout-search',
  mode: 'direct',
  entityRef: 'resource:default/stg-euw1-checkout-01.checkout-search',
  files: {
    'clusters/stg-euw1-checkout-01/namespaces/checkout-search/namespace.yaml':
      'kind: Resource\n',
  },
  applyFiles: [],
});

function withKeys(...secrets: string[]) {
  return RenderSeal.fromConfig(
    new ConfigReader({
      backend: { auth: { keys: secrets.map(secret => ({ secret })) } },
    }),
  );
}

describe('RenderSeal', () => {
  it('opens what it sealed', () => {
    const seal = RenderSeal.fromConfig(new ConfigReader({}));
    expect(seal.open(seal.seal(record))).toEqual(record);
    expect(
      record.files[
        'clusters/stg-euw1-checkout-01/namespaces/checkout-search/namespace.yaml'
      ],
    ).toBe(contentDigest('kind: Resource\n'));
  });

  it('refuses a missing record as an input error', () => {
    const seal = RenderSeal.fromConfig(new ConfigReader({}));
    expect(() => seal.open(undefined)).toThrow(InputError);
    expect(() => seal.open('')).toThrow(/^integrity: missing/);
  });

  it('refuses a record whose content was changed', () => {
    const seal = withKeys('k1');
    const [version, , mac] = seal.seal(record).split('.');
    const changed = Buffer.from(
      JSON.stringify({ ...record, applyFiles: ['x'] }),
    ).toString('base64url');
    expect(() => seal.open(`${version}.${changed}.${mac}`)).toThrow(
      new NotAllowedError(
        'integrity: the render record was not issued by this portal or was changed; pass steps.render.output.integrity unchanged',
      ),
    );
  });

  it.each([
    ['garbage', 'not-a-record'],
    ['an unsigned record', `v1.${Buffer.from('{}').toString('base64url')}.`],
    ['a number', 42],
  ])('refuses %s', (_, token) => {
    const seal = withKeys('k1');
    expect(() => seal.open(token)).toThrow(NotAllowedError);
  });

  it('refuses a record sealed with another key, e.g. a per-process key of another backend', () => {
    const mine = RenderSeal.fromConfig(new ConfigReader({}));
    const theirs = RenderSeal.fromConfig(new ConfigReader({}));
    expect(() => mine.open(theirs.seal(record))).toThrow(NotAllowedError);
    expect(() => withKeys('k1').open(withKeys('k2').seal(record))).toThrow(
      NotAllowedError,
    );
  });

  it('shares its key across replicas configured with the same backend.auth.keys, and accepts older keys after a rotation', () => {
    expect(withKeys('k1').open(withKeys('k1').seal(record))).toEqual(record);
    expect(withKeys('k2', 'k1').open(withKeys('k1').seal(record))).toEqual(
      record,
    );
  });
});

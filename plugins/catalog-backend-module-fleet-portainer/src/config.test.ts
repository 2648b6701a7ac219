import { ConfigReader } from '@backstage/config';
import { readPortainerConfigs } from './config';

const read = (instance: object) =>
  readPortainerConfigs(
    new ConfigReader({
      catalog: { providers: { fleetPortainer: { prod: instance } } },
    }),
  );

const minimal = {
  baseUrl: 'https://portainer.example/',
  apiKey: 'ptr_secret',
  defaultOwner: 'platform-team',
};

describe('readPortainerConfigs', () => {
  it('reads nothing when nothing is configured', () => {
    expect(readPortainerConfigs(new ConfigReader({}))).toEqual([]);
  });

  it('applies defaults', () => {
    expect(read(minimal)).toEqual([
      {
        id: 'prod',
        baseUrl: 'https://portainer.example',
        apiKey: 'ptr_secret',
        defaultOwner: 'group:default/platform-team',
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 3 } },
        pageSize: 100,
        timeoutMs: 30_000,
        edgeCheckinMaxAgeSeconds: undefined,
        mapping: [],
      },
    ]);
  });

  it('reads durations, page size and rules', () => {
    const [config] = read({
      ...minimal,
      pageSize: 500,
      timeout: { seconds: 5 },
      edgeCheckinMaxAge: 'PT2M',
      schedule: { frequency: { seconds: 30 }, timeout: { minutes: 1 } },
      mapping: [{ tag: 'env:prod', environment: 'production' }],
    });
    expect(config).toMatchObject({
      pageSize: 500,
      timeoutMs: 5000,
      edgeCheckinMaxAgeSeconds: 120,
      schedule: { frequency: { seconds: 30 } },
    });
    expect(config.mapping).toHaveLength(1);
  });

  it.each([
    [{ baseUrl: 'portainer' }, 'prod.baseUrl: "portainer" is not a URL'],
    [{ baseUrl: 'ftp://x' }, 'prod.baseUrl: must be an http(s) URL'],
    [{ apiKey: ' ' }, 'prod.apiKey: must not be empty'],
    [{ pageSize: 0 }, 'prod.pageSize: must be an integer from 1 to 10000'],
    [
      { defaultOwner: 'group:' },
      'prod.defaultOwner: "group:" is not an entity reference',
    ],
    [{ timeout: 'soon' }, 'prod.timeout:'],
    [{ mapping: [{ tag: 'x' }] }, 'prod.mapping[0]: sets nothing'],
  ])('names the field of a mistake: %j', (change, message) => {
    expect(() => read({ ...minimal, ...change })).toThrow(
      `catalog.providers.fleetPortainer.${message}`,
    );
  });
});

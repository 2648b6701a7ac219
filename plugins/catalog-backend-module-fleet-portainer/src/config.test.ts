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
        allowInsecureHttp: false,
        defaultOwner: 'group:default/platform-team',
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 3 } },
        pageSize: 100,
        maxPages: 1000,
        maxResponseBytes: 16 * 1024 * 1024,
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

  it('accepts plain http only with allowInsecureHttp, and reads the bounds', () => {
    const [config] = read({
      ...minimal,
      baseUrl: 'http://127.0.0.1:7028',
      allowInsecureHttp: true,
      maxPages: 50,
      maxResponseBytes: 1048576,
    });
    expect(config).toMatchObject({
      baseUrl: 'http://127.0.0.1:7028',
      allowInsecureHttp: true,
      maxPages: 50,
      maxResponseBytes: 1048576,
    });
  });

  it.each([
    [{ baseUrl: 'portainer' }, 'prod.baseUrl: "portainer" is not a URL'],
    [{ baseUrl: 'ftp://x' }, 'prod.baseUrl: must be an https URL'],
    [
      { baseUrl: 'http://portainer.example' },
      'prod.baseUrl: a plain http URL would send the apiKey unencrypted; use https, or set catalog.providers.fleetPortainer.prod.allowInsecureHttp: true',
    ],
    [
      { baseUrl: 'http://portainer.example', allowInsecureHttp: 3 },
      'prod.allowInsecureHttp',
    ],
    [
      { maxPages: 0 },
      'prod.maxPages: must be a whole number from 1 to 1000000',
    ],
    [
      { maxResponseBytes: 1.5 },
      'prod.maxResponseBytes: must be a whole number from 1 to 1073741824 (1 GiB)',
    ],
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

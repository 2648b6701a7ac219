import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_RESPONSE_BYTES,
  readCredentialUrl,
  readMaxResponseBytes,
  readSourceLimits,
} from './readGuardConfig';

const at = (key: string) => `catalog.providers.x.prod.${key}`;

describe('readSourceLimits', () => {
  const read = (data: JsonObject, defaults = {}) =>
    readSourceLimits(new ConfigReader(data), at, defaults);

  it('defaults to 1000 pages of at most 16 MiB, or the caller’s defaults', () => {
    expect(read({})).toEqual({
      maxPages: DEFAULT_MAX_PAGES,
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
    });
    expect(DEFAULT_MAX_PAGES).toBe(1000);
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(16 * 1024 * 1024);
    expect(read({}, { maxPages: 5, maxResponseBytes: 10 })).toEqual({
      maxPages: 5,
      maxResponseBytes: 10,
    });
  });

  it('reads both settings', () => {
    expect(read({ maxPages: 20, maxResponseBytes: 65536 })).toEqual({
      maxPages: 20,
      maxResponseBytes: 65536,
    });
  });

  it.each([
    [{ maxPages: 0 }, 'maxPages: must be a whole number from 1 to 1000000'],
    [{ maxPages: 2.5 }, 'maxPages: must be a whole number from 1 to 1000000'],
    [{ maxPages: '10' }, 'maxPages: must be a whole number from 1 to 1000000'],
    [
      { maxResponseBytes: -1 },
      'maxResponseBytes: must be a whole number from 1 to 1073741824 (1 GiB)',
    ],
    [
      { maxResponseBytes: 2 * 1024 ** 3 },
      'maxResponseBytes: must be a whole number from 1 to 1073741824 (1 GiB)',
    ],
  ])('names the field of %j', (data, message) => {
    expect(() => read(data)).toThrow(`catalog.providers.x.prod.${message}`);
  });

  it('reads a byte cap under another key with its own default', () => {
    const config = new ConfigReader({ api: { maxResponseBytes: 100 } });
    expect(readMaxResponseBytes(config, 'api.maxResponseBytes', at)).toBe(100);
    expect(readMaxResponseBytes(config, 'other', at, 7)).toBe(7);
  });
});

describe('readCredentialUrl', () => {
  const read = (data: JsonObject, key = 'baseUrl') =>
    readCredentialUrl(new ConfigReader(data), key, at, 'apiKey');

  it('reads an https URL without trailing slashes', () => {
    expect(read({ baseUrl: 'https://portainer.example//' })).toEqual({
      url: 'https://portainer.example',
      allowInsecureHttp: false,
    });
  });

  it('refuses a plain http URL, naming the setting that would allow it', () => {
    expect(() => read({ baseUrl: 'http://portainer.example' })).toThrow(
      'catalog.providers.x.prod.baseUrl: a plain http URL would send the apiKey unencrypted; use https, or set catalog.providers.x.prod.allowInsecureHttp: true to accept plain HTTP for this source (local test servers only)',
    );
    expect(() =>
      read({
        baseUrl: 'http://portainer.example',
        allowInsecureHttp: false,
      }),
    ).toThrow(/allowInsecureHttp: true/);
  });

  it('accepts plain http when allowInsecureHttp is true', () => {
    expect(
      read({ baseUrl: 'http://127.0.0.1:7028', allowInsecureHttp: true }),
    ).toEqual({ url: 'http://127.0.0.1:7028', allowInsecureHttp: true });
  });

  it('looks for allowInsecureHttp next to a nested URL', () => {
    const nested = { cluster: { url: 'http://hub:8080' } };
    expect(() => read(nested, 'cluster.url')).toThrow(
      'set catalog.providers.x.prod.cluster.allowInsecureHttp: true',
    );
    expect(
      read(
        { cluster: { url: 'http://hub:8080', allowInsecureHttp: true } },
        'cluster.url',
      ).allowInsecureHttp,
    ).toBe(true);
  });

  it.each([
    [{ baseUrl: 'portainer' }, 'baseUrl: "portainer" is not a URL'],
    [{ baseUrl: 'ftp://portainer' }, 'baseUrl: must be an https URL'],
  ])('names the field of %j', (data, message) => {
    expect(() => read(data)).toThrow(`catalog.providers.x.prod.${message}`);
  });
});

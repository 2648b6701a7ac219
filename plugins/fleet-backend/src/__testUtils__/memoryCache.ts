import { mockServices } from '@backstage/backend-test-utils';

/**
 * A CacheService over a Map that keeps values as JSON, like the memory and Redis stores do: what
 * does not survive JSON does not survive the cache.
 */
export function jsonMemoryCache() {
  const store = new Map<string, { json: string; expires: number }>();
  const cache = mockServices.cache.mock();
  cache.get.mockImplementation(async key => {
    const entry = store.get(key);
    if (!entry || entry.expires < Date.now()) return undefined;
    return JSON.parse(entry.json);
  });
  cache.set.mockImplementation(async (key, value, options) => {
    const ttl = typeof options?.ttl === 'number' ? options.ttl : 60_000;
    store.set(key, { json: JSON.stringify(value), expires: Date.now() + ttl });
  });
  cache.delete.mockImplementation(async key => {
    store.delete(key);
  });
  return { cache, store };
}

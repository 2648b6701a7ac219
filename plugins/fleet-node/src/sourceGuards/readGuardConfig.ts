import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { formatBytes } from './readCappedBody';

/** Default page bound of a paged source read: 1,000 pages (100,000 items at 100 a page). */
export const DEFAULT_MAX_PAGES = 1000;
/** Default cap of one list page's body. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** The setting that lets one source's credentials go over plain HTTP. */
export const ALLOW_INSECURE_HTTP = 'allowInsecureHttp';

const MAX_PAGES_LIMIT = 1_000_000;
const MAX_RESPONSE_BYTES_LIMIT = 1024 * 1024 * 1024;

/** Where a setting lives, for messages: `at('maxPages')` → `catalog.providers.x.prod.maxPages`. */
export type SettingPath = (key: string) => string;

/** The bounds of one source's reads. */
export type SourceLimits = {
  maxPages: number;
  maxResponseBytes: number;
};

/**
 * Reads `maxPages` and `maxResponseBytes` of one source's config; an InputError naming
 * the field when one is not a whole number in range.
 */
export function readSourceLimits(
  config: Config,
  at: SettingPath,
  defaults: Partial<SourceLimits> = {},
): SourceLimits {
  return {
    maxPages: readBoundedInteger(config, 'maxPages', at, {
      fallback: defaults.maxPages ?? DEFAULT_MAX_PAGES,
      max: MAX_PAGES_LIMIT,
    }),
    maxResponseBytes: readMaxResponseBytes(
      config,
      'maxResponseBytes',
      at,
      defaults.maxResponseBytes,
    ),
  };
}

/** Reads a byte cap setting (whole bytes, up to 1 GiB); the default when absent. */
export function readMaxResponseBytes(
  config: Config,
  key: string,
  at: SettingPath,
  fallback: number = DEFAULT_MAX_RESPONSE_BYTES,
): number {
  return readBoundedInteger(config, key, at, {
    fallback,
    max: MAX_RESPONSE_BYTES_LIMIT,
  });
}

/**
 * Reads the URL a source's credential is sent to, without trailing slashes. It must be
 * https; plain http is accepted only when the sibling setting `allowInsecureHttp` is
 * true, so sending a token unencrypted is always a decision someone wrote down by
 * name. An InputError naming the field and that setting otherwise.
 *
 * @param credential - what would be exposed, e.g. `apiKey`, for the message
 */
export function readCredentialUrl(
  config: Config,
  key: string,
  at: SettingPath,
  credential: string,
): { url: string; allowInsecureHttp: boolean } {
  const url = config.getString(key).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`${at(key)}: "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InputError(`${at(key)}: must be an https URL`);
  }
  const allowKey = siblingKey(key, ALLOW_INSECURE_HTTP);
  const allowInsecureHttp = config.getOptionalBoolean(allowKey) ?? false;
  if (parsed.protocol === 'http:' && !allowInsecureHttp) {
    throw new InputError(
      `${at(
        key,
      )}: a plain http URL would send the ${credential} unencrypted; use https, or set ${at(
        allowKey,
      )}: true to accept plain HTTP for this source (local test servers only)`,
    );
  }
  return { url, allowInsecureHttp };
}

function siblingKey(key: string, sibling: string): string {
  const dot = key.lastIndexOf('.');
  return dot < 0 ? sibling : `${key.slice(0, dot)}.${sibling}`;
}

function readBoundedInteger(
  config: Config,
  key: string,
  at: SettingPath,
  bounds: { fallback: number; max: number },
): number {
  const value = config.getOptional(key);
  if (value === undefined) {
    return bounds.fallback;
  }
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > bounds.max
  ) {
    const max =
      key === 'maxPages'
        ? String(bounds.max)
        : `${bounds.max} (${formatBytes(bounds.max)})`;
    throw new InputError(`${at(key)}: must be a whole number from 1 to ${max}`);
  }
  return value;
}

/** The parts of a cluster name by the naming convention: `<tier>-<location>-<purpose>-<nn>`. */
export type NameParts = {
  tier: string;
  location: string;
  purpose: string;
  number: string;
};

export const EMPTY_PARTS: NameParts = {
  tier: '',
  location: '',
  purpose: '',
  number: '',
};

/**
 * The tier prefixes a profile's naming pattern allows, read from its leading literal or
 * alternation: `^prd-...` → [prd], `^(stg|dev|tst)-...` → [stg, dev, tst]. Empty when the
 * pattern starts otherwise; the builder then takes the tier as free text.
 */
export function tiersOf(pattern: string | undefined): string[] {
  const match = /^\^(?:\(([a-z0-9|]+)\)|([a-z0-9]+))-/.exec(pattern ?? '');
  if (!match) {
    return [];
  }
  return (match[1] ?? match[2]).split('|').filter(Boolean);
}

export function composeName(parts: NameParts): string {
  const values = [parts.tier, parts.location, parts.purpose, parts.number].map(
    p => p.trim().toLocaleLowerCase('en-US'),
  );
  return values.every(v => v === '') ? '' : values.join('-');
}

/** Splits a name back into parts (first, second, everything but the last, last). */
export function splitName(name: string | undefined): NameParts {
  const segments = (name ?? '').split('-');
  if (segments.length < 4) {
    return EMPTY_PARTS;
  }
  return {
    tier: segments[0],
    location: segments[1],
    purpose: segments.slice(2, -1).join('-'),
    number: segments[segments.length - 1],
  };
}

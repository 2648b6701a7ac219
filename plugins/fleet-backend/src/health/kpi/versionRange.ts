import { compareVersions } from '@fleet-portal/plugin-fleet-common';

const COMPARATOR = /^(>=|<=|>|<|=)?v?(\S+)$/;

const COMPARE: Record<string, (order: number) => boolean> = {
  '>=': order => order >= 0,
  '<=': order => order <= 0,
  '>': order => order > 0,
  '<': order => order < 0,
  '=': order => order === 0,
};

/**
 * Whether `version` satisfies a range of the form profiles use: comparators separated by spaces
 * (all must hold), alternatives separated by `||`, e.g. `>=1.30.0 <1.32.0`. Undefined when the
 * version or the range cannot be read — not a guess either way.
 */
export function satisfiesRange(
  version: string,
  range: string,
): boolean | undefined {
  const alternatives = range.split('||').map(part => part.trim());
  let readable = false;
  for (const alternative of alternatives) {
    const comparators = alternative.split(/\s+/).filter(Boolean);
    if (comparators.length === 0) return undefined;
    let holds = true;
    for (const comparator of comparators) {
      const match = COMPARATOR.exec(comparator);
      if (!match) return undefined;
      const order = compareVersions(version, match[2]);
      if (order === undefined) return undefined;
      holds &&= COMPARE[match[1] ?? '='](order);
    }
    readable = true;
    if (holds) return true;
  }
  return readable ? false : undefined;
}

/** `v1.31.4+k3s1` → `1.31.4+k3s1`: the form semver reads (build metadata is ignored when comparing). */
export function normalizeVersion(version: string): string {
  return version.trim().replace(/^v/, '');
}

import { CidrParseResult, parseCidr } from '@fleet-portal/plugin-fleet-common';

export type CidrParser = (text: string) => CidrParseResult;

/**
 * parseCidr remembering its results. Parsing is most of the cost of the fleet-wide overlap sweep,
 * and a fleet's CIDRs are fixed at creation, so nearly every lookup hits. A pure function's results
 * cannot go stale or differ between replicas, so this needs no shared cache; it only bounds its size.
 */
export function memoizedCidrParser(maxEntries = 100_000): CidrParser {
  const results = new Map<string, CidrParseResult>();
  return text => {
    let result = results.get(text);
    if (!result) {
      if (results.size >= maxEntries) {
        results.clear();
      }
      result = parseCidr(text);
      results.set(text, result);
    }
    return result;
  };
}

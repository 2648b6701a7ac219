import { parseCidr, ParsedCidr } from '@fleet-portal/plugin-fleet-common';
import { Occupant } from './occupancy';

/** Parses a CIDR known to be valid (tests and benchmarks). */
export function cidr(text: string): ParsedCidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    throw new Error(parsed.reason);
  }
  return parsed.cidr;
}

export function clusterOccupant(
  name: string,
  text: string,
  role: 'pod' | 'service' = 'pod',
): Occupant {
  return { cidr: cidr(text), kind: 'cluster', name, role };
}

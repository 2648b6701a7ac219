import { InputError } from '@backstage/errors';
import {
  CidrRole,
  parseCidr,
  ParsedCidr,
  ProfileNetwork,
} from '@fleet-portal/plugin-fleet-common';

export type RolePools = { pools: ParsedCidr[]; prefix: number };

/** The pools and prefix lengths a profile allocates from, per role. */
export type ProfilePools = {
  profileRef: string;
  pod: RolePools;
  service: RolePools;
};

const FIELDS: Record<
  CidrRole,
  { pools: keyof ProfileNetwork; prefix: keyof ProfileNetwork }
> = {
  pod: { pools: 'podPools', prefix: 'podPrefix' },
  service: { pools: 'servicePools', prefix: 'servicePrefix' },
};

/** Reads `spec.network` of a profile; a profile that cannot allocate is a clear 400 naming the field. */
export function profilePools(
  profileRef: string,
  network: ProfileNetwork | undefined,
): ProfilePools {
  const problems: string[] = [];
  const read = (role: CidrRole): RolePools => {
    const field = FIELDS[role];
    const poolTexts = network?.[field.pools];
    const prefix = network?.[field.prefix];
    const pools: ParsedCidr[] = [];
    if (!Array.isArray(poolTexts) || poolTexts.length === 0) {
      problems.push(`spec.network.${field.pools} is missing or empty`);
    } else {
      for (const text of poolTexts) {
        const parsed = parseCidr(String(text));
        if (parsed.ok) {
          pools.push(parsed.cidr);
        } else {
          problems.push(`spec.network.${field.pools}: ${parsed.reason}`);
        }
      }
    }
    if (typeof prefix !== 'number' || !Number.isInteger(prefix)) {
      problems.push(
        `spec.network.${field.prefix} is missing or not an integer`,
      );
    }
    return { pools, prefix: prefix as number };
  };
  const result = { profileRef, pod: read('pod'), service: read('service') };
  if (problems.length > 0) {
    throw new InputError(
      `Profile ${profileRef} cannot allocate CIDRs: ${problems.join('; ')}`,
    );
  }
  return result;
}

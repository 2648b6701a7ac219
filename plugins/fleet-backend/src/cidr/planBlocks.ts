import {
  CidrBlockPreview,
  CidrRole,
  formatCidr,
  parseCidr,
  ParsedCidr,
} from '@fleet-portal/plugin-fleet-common';
import { Occupancy, Occupant } from './occupancy';
import { ProfilePools, RolePools } from './profilePools';

export type RequestedCidrs = { podCidr?: string; serviceCidr?: string };

export type BlockPlan = { pod: CidrBlockPreview; service: CidrBlockPreview };

const FIELD: Record<CidrRole, keyof RequestedCidrs> = {
  pod: 'podCidr',
  service: 'serviceCidr',
};

/**
 * Chooses (or validates) the pod block, then the service block with the pod block counted as
 * occupied, so that the two never overlap each other. The occupancy is left holding both blocks.
 * Never throws for bad input: each block carries its own reason, so one never hides the other.
 */
export function planBlocks(options: {
  pools: ProfilePools;
  occupancy: Occupancy;
  requested: RequestedCidrs;
  /** Who the blocks are for, to name them if the other block overlaps. */
  holder: string;
}): BlockPlan {
  const plan = (role: CidrRole): CidrBlockPreview => {
    const requested = options.requested[FIELD[role]];
    const preview =
      requested === undefined || requested === ''
        ? allocate(role, options.pools[role], options.occupancy)
        : validate(role, requested, options.pools[role], options.occupancy);
    if (preview.ok) {
      options.occupancy.add({
        cidr: (parseCidr(preview.cidr) as { cidr: ParsedCidr }).cidr,
        kind: 'reservation',
        name: options.holder,
        role,
      });
    }
    return preview;
  };
  const pod = plan('pod');
  return { pod, service: plan('service') };
}

function allocate(
  role: CidrRole,
  { pools, prefix }: RolePools,
  occupancy: Occupancy,
): CidrBlockPreview {
  for (const pool of pools) {
    const start = occupancy.firstFree(pool, prefix);
    if (start !== undefined) {
      return {
        ok: true,
        role,
        cidr: formatCidr(pool.version, start, prefix),
        pool: pool.text,
        source: 'allocated',
      };
    }
  }
  const names = pools.map(p => p.text);
  return {
    ok: false,
    role,
    reason: `The ${role} pool${names.length > 1 ? 's' : ''} ${names.join(
      ', ',
    )} ${names.length > 1 ? 'have' : 'has'} no free /${prefix} block left`,
    exhaustedPools: names,
  };
}

function validate(
  role: CidrRole,
  requested: string,
  { pools, prefix }: RolePools,
  occupancy: Occupancy,
): CidrBlockPreview {
  const field = FIELD[role];
  const fail = (reason: string, conflicts?: Occupant[]): CidrBlockPreview => ({
    ok: false,
    role,
    requested,
    reason: `${field}: ${reason}`,
    ...(conflicts && {
      conflicts: conflicts.map(c => ({
        cidr: c.cidr.text,
        kind: c.kind,
        name: c.name,
        ...(c.role && { role: c.role }),
      })),
    }),
  });
  const parsed = parseCidr(requested.trim());
  if (!parsed.ok) {
    return fail(parsed.reason);
  }
  const { cidr } = parsed;
  const pool = pools.find(
    p =>
      p.version === cidr.version && p.start <= cidr.start && cidr.end <= p.end,
  );
  if (!pool) {
    return fail(
      `${cidr.text} is not inside the profile's ${role} pool${
        pools.length > 1 ? 's' : ''
      } ${pools.map(p => p.text).join(', ')}`,
    );
  }
  if (cidr.prefix !== prefix) {
    return fail(
      `${cidr.text} must be a /${prefix}, the profile's ${field.replace(
        'Cidr',
        'Prefix',
      )}`,
    );
  }
  const conflicts = occupancy.conflicts(cidr);
  if (conflicts.length > 0) {
    return fail(
      `${cidr.text} overlaps ${conflicts.map(describeOccupant).join(', ')}`,
      conflicts,
    );
  }
  return {
    ok: true,
    role,
    cidr: cidr.text,
    pool: pool.text,
    source: 'requested',
  };
}

export function describeOccupant(occupant: Occupant): string {
  const role = occupant.role ? `${occupant.role} ` : '';
  switch (occupant.kind) {
    case 'cluster':
      return `${occupant.cidr.text} (${role}CIDR of cluster ${occupant.name})`;
    case 'reservation':
      return `${occupant.cidr.text} (${role}CIDR reserved for cluster ${occupant.name})`;
    default:
      return `${occupant.cidr.text} (reserved range: ${occupant.name})`;
  }
}

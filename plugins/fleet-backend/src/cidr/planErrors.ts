import { ConflictError, InputError } from '@backstage/errors';
import {
  CidrConflictCause,
  CidrPoolExhaustedCause,
  CidrRole,
} from '@fleet-portal/plugin-fleet-common';
import { BlockPlan } from './planBlocks';
import { ProfilePools } from './profilePools';

/** `error.cause` of a 400 for conflicting requested CIDRs; its fields reach the client as JSON. */
export class CidrConflictError extends Error {
  readonly name = 'CidrConflictError';
  constructor(
    message: string,
    readonly conflicts: CidrConflictCause['conflicts'],
  ) {
    super(message);
  }
}

/** `error.cause` of a 409 when a pool has no free block. */
export class CidrPoolExhaustedError extends Error {
  readonly name = 'CidrPoolExhaustedError';
  constructor(
    message: string,
    readonly role: CidrRole,
    readonly pools: string[],
    readonly prefix: number,
    readonly profileRef: string,
  ) {
    super(message);
  }
}

/** The chosen blocks of a plan with no problem, or the error that names every problem. */
export function acceptedBlocks(
  plan: BlockPlan,
  pools: ProfilePools,
): {
  pod: { cidr: string; pool: string };
  service: { cidr: string; pool: string };
} {
  const { pod, service } = plan;
  if (pod.ok && service.ok) {
    return { pod, service };
  }
  const failed = [pod, service].flatMap(b => (b.ok ? [] : [b]));
  const message = failed.map(b => b.reason).join('; ');
  const inputProblems = failed.filter(b => !b.exhaustedPools);
  if (inputProblems.length > 0) {
    const conflicts = inputProblems.flatMap(b =>
      (b.conflicts ?? []).map(c => ({
        ...c,
        requested: b.requested!,
        field:
          b.role === 'pod' ? ('podCidr' as const) : ('serviceCidr' as const),
      })),
    );
    // A cause's message is appended to the error's (`; caused by ...`), so it is not repeated.
    if (conflicts.length > 0) {
      throw new InputError(
        'Requested CIDRs overlap',
        new CidrConflictError(message, conflicts),
      );
    }
    throw new InputError(message);
  }
  const exhausted = failed[0];
  const role = exhausted.role;
  throw new ConflictError(
    `No free CIDR block in profile ${pools.profileRef}`,
    new CidrPoolExhaustedError(
      message,
      role,
      exhausted.exhaustedPools ?? [],
      pools[role].prefix,
      pools.profileRef,
    ) satisfies CidrPoolExhaustedCause,
  );
}

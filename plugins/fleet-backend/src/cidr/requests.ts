import { InputError } from '@backstage/errors';
import {
  CidrPreviewRequest,
  CidrReservationRequest,
  validateClusterName,
} from '@fleet-portal/plugin-fleet-common';

/** Pending reservations live at most this long, whatever a caller asks for: 30 days. */
export const MAX_TTL_MINUTES = 30 * 24 * 60;

type Body = Record<string, unknown>;

function asBody(body: unknown): Body {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The request body must be a JSON object');
  }
  return body as Body;
}

function optionalString(body: Body, field: string, problems: string[]) {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push(`${field} must be a string`);
    return undefined;
  }
  return value.trim();
}

function requiredString(body: Body, field: string, problems: string[]) {
  const value = optionalString(body, field, problems);
  if (value === undefined && !problems.some(p => p.startsWith(`${field} `))) {
    problems.push(`${field} is required`);
  }
  return value ?? '';
}

function checkCluster(cluster: string | undefined, problems: string[]) {
  if (cluster !== undefined) {
    problems.push(
      ...validateClusterName(cluster, undefined, 'cluster').map(i => i.message),
    );
  }
}

function done<T>(value: T, problems: string[]): T {
  if (problems.length > 0) {
    throw new InputError(problems.join('; '));
  }
  return value;
}

export function parsePreviewRequest(raw: unknown): CidrPreviewRequest {
  const body = asBody(raw);
  const problems: string[] = [];
  const request: CidrPreviewRequest = {
    profileRef: requiredString(body, 'profileRef', problems),
    cluster: optionalString(body, 'cluster', problems),
    podCidr: optionalString(body, 'podCidr', problems),
    serviceCidr: optionalString(body, 'serviceCidr', problems),
  };
  checkCluster(request.cluster, problems);
  return done(request, problems);
}

/** The proposal branch a reservation follows: a Git branch name, as the platform repository allows. */
function proposalBranchOf(body: Body, problems: string[]) {
  const branch = optionalString(body, 'proposalBranch', problems);
  if (branch === undefined) {
    return {};
  }
  if (
    branch.length > 255 ||
    !/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(branch) ||
    branch.includes('..') ||
    branch.includes('//') ||
    branch.endsWith('/') ||
    branch.endsWith('.lock')
  ) {
    problems.push(
      `proposalBranch: ${JSON.stringify(
        branch,
      )} is not a branch name (letters, digits, '.', '_', '-' and '/', at most 255 characters)`,
    );
    return {};
  }
  return { proposalBranch: branch };
}

/** A reservation request; `requestedBy` may be left out when the caller is the user it is for. */
export function parseReservationRequest(
  raw: unknown,
  caller: { userEntityRef?: string },
): CidrReservationRequest {
  const body = asBody(raw);
  const problems: string[] = [];
  const cluster = requiredString(body, 'cluster', problems);
  const profileRef = requiredString(body, 'profileRef', problems);
  let requestedBy = optionalString(body, 'requestedBy', problems);
  if (caller.userEntityRef) {
    if (requestedBy && requestedBy !== caller.userEntityRef) {
      problems.push(
        `requestedBy: a user can only reserve for themselves (${caller.userEntityRef}), not for ${requestedBy}`,
      );
    }
    requestedBy = caller.userEntityRef;
  } else if (!requestedBy) {
    problems.push(
      'requestedBy is required (the entity ref of the user the cluster is requested for)',
    );
  }
  const ttl = body.ttlMinutes;
  if (
    ttl !== undefined &&
    (typeof ttl !== 'number' ||
      !Number.isInteger(ttl) ||
      ttl <= 0 ||
      ttl > MAX_TTL_MINUTES)
  ) {
    problems.push(
      `ttlMinutes must be a whole number from 1 to ${MAX_TTL_MINUTES}`,
    );
  }
  checkCluster(cluster || undefined, problems);
  return done(
    {
      cluster,
      profileRef,
      requestedBy: requestedBy ?? '',
      podCidr: optionalString(body, 'podCidr', problems),
      serviceCidr: optionalString(body, 'serviceCidr', problems),
      ...(typeof ttl === 'number' && { ttlMinutes: ttl }),
      ...proposalBranchOf(body, problems),
    },
    problems,
  );
}

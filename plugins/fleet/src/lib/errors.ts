import { ResponseError } from '@backstage/errors';

function hasStatus(error: Error, status: number, name: string): boolean {
  if (error instanceof ResponseError) return error.statusCode === status;
  return error.name === name;
}

export function isForbidden(error: Error): boolean {
  return hasStatus(error, 403, 'NotAllowedError');
}

export function isNotFound(error: Error): boolean {
  return hasStatus(error, 404, 'NotFoundError');
}

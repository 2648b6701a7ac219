import semver from 'semver';
import { FleetValidationIssue, issue } from './issues';

/** MAJOR.MINOR.PATCH[-pre][+build], without the `v` or `=` semver tolerates. */
export function isStrictSemver(value: string): boolean {
  return /^\d\S*$/.test(value) && semver.valid(value) !== null;
}

export function checkSemver(
  path: string,
  value: string | undefined,
): FleetValidationIssue[] {
  if (value === undefined || isStrictSemver(value)) {
    return [];
  }
  return [
    issue(
      path,
      `"${value}" is not a semantic version (MAJOR.MINOR.PATCH, e.g. 3.2.0)`,
    ),
  ];
}

// An exact version with at least MAJOR.MINOR.PATCH (so no floating tags like `1` or
// `1.2`), optionally v-prefixed and with a pre-release or build suffix; or a digest.
const VERSION_PIN =
  /^v?\d+\.\d+\.\d+(\.\d+)*(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const DIGEST_PIN = /^sha256:[0-9a-f]{64}$/;

export function isExplicitVersionPin(version: string): boolean {
  return VERSION_PIN.test(version) || DIGEST_PIN.test(version);
}

export function checkVersionPin(
  path: string,
  version: string,
): FleetValidationIssue[] {
  if (isExplicitVersionPin(version)) {
    return [];
  }
  return [
    issue(
      path,
      `${JSON.stringify(
        version,
      )} is not an explicit version pin (pin an exact version such as 1.16.5, or a sha256 digest)`,
    ),
  ];
}

/**
 * Negative, zero or positive as `a` ranks below, equal to or above `b` (semver precedence);
 * undefined when either is not a strict semantic version.
 */
export function compareVersions(a: string, b: string): number | undefined {
  if (!isStrictSemver(a) || !isStrictSemver(b)) {
    return undefined;
  }
  return semver.compare(a, b);
}

/** True when `version` is an older release than `current`; unknown or unparsable is never behind. */
export function isVersionBehind(
  version: string | undefined,
  current: string | undefined,
): boolean {
  if (version === undefined || current === undefined) {
    return false;
  }
  return (compareVersions(version, current) ?? 0) < 0;
}

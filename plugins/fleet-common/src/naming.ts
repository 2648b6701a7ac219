import {
  RESERVED_NAMESPACE_NAMES,
  RESERVED_NAMESPACE_PREFIXES,
} from './constants';
import type { ClusterProfileEntity } from './types';
import { FleetValidationIssue, issue } from './validation/issues';
import { regexSafetyProblem } from './validation/regexSafety';

export const MAX_NAME_LENGTH = 63;

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123_RULE =
  "lowercase letters, digits and '-', starting and ending with a letter or digit";

/** A DNS-1123 label: what Kubernetes requires of namespace and most object names. */
export function isDns1123Label(value: string): boolean {
  return value.length <= MAX_NAME_LENGTH && DNS_1123_LABEL.test(value);
}

/** Why a name is not a DNS-1123 label, or undefined when it is one. */
function dns1123Problem(name: string): string | undefined {
  if (name.length === 0) {
    return 'must not be empty';
  }
  if (name.length > MAX_NAME_LENGTH) {
    return `"${name}" is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}`;
  }
  if (!DNS_1123_LABEL.test(name)) {
    return `"${name}" must be ${DNS_1123_RULE} (e.g. checkout-dev)`;
  }
  return undefined;
}

function reservation(name: string): string | undefined {
  if (name === 'default') {
    return `"default" is reserved: tenant workloads never run in the default namespace`;
  }
  const prefix = RESERVED_NAMESPACE_PREFIXES.find(p => name.startsWith(p));
  if (prefix) {
    return `"${name}" is reserved: the "${prefix}" prefix belongs to Kubernetes system namespaces`;
  }
  if ((RESERVED_NAMESPACE_NAMES as readonly string[]).includes(name)) {
    return `"${name}" is reserved: it is a platform namespace`;
  }
  return undefined;
}

/** A tenant namespace name: a DNS-1123 label, not reserved by Kubernetes or the platform. */
export function validateNamespaceName(
  name: string,
  path = 'spec.namespace',
): FleetValidationIssue[] {
  const problem = dns1123Problem(name) ?? reservation(name);
  return problem ? [issue(path, problem)] : [];
}

/**
 * A cluster name: a DNS-1123 label matching the naming pattern of its profile, if any.
 * A pattern that regexSafetyProblem refuses is never run: the name cannot be checked.
 */
export function validateClusterName(
  name: string,
  profile?: ClusterProfileEntity,
  path = 'metadata.name',
): FleetValidationIssue[] {
  const problem = dns1123Problem(name);
  if (problem) {
    return [issue(path, problem)];
  }
  const naming = profile?.spec.naming;
  if (!profile || !naming?.pattern) {
    return [];
  }
  const { pattern, example } = naming;
  const profileName = profile.metadata.name;
  let regexp: RegExp;
  try {
    regexp = new RegExp(pattern);
  } catch {
    return [
      issue(
        path,
        `cannot be checked: profile ${profileName} has an invalid naming pattern`,
      ),
    ];
  }
  // The name is a DNS-1123 label by now, so at most MAX_NAME_LENGTH characters long:
  // the input length the safety check assumes.
  const unsafe = regexSafetyProblem(pattern, MAX_NAME_LENGTH);
  if (unsafe) {
    return [
      issue(
        path,
        `cannot be checked: the naming pattern of profile ${profileName} is not safe to run (${pattern} ${unsafe})`,
      ),
    ];
  }
  if (regexp.test(name)) {
    return [];
  }
  // People read this: the convention by its example, the pattern only when there is none.
  return [
    issue(
      path,
      `"${name}" does not follow the naming convention of profile ${profileName} (${
        example ? `e.g. ${example}` : `pattern ${pattern}`
      })`,
    ),
  ];
}

/**
 * The entity name of a tenant namespace, `<cluster>.<namespace>`.
 * Throws a RangeError when it is longer than an entity name may be.
 */
export function tenantNamespaceEntityName(
  cluster: string,
  namespace: string,
): string {
  const name = `${cluster}.${namespace}`;
  if (name.length > MAX_NAME_LENGTH) {
    throw new RangeError(
      `tenant namespace entity name "${name}" is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}`,
    );
  }
  return name;
}

import { PLATFORM_ONLY_ROLES } from '../constants';
import { compareQuantities, parseQuantity, Quantity } from '../quantity';
import { quantityProblem } from '../request/tenancyRequest';
import type { LimitRangeSpec } from '../types';
import { FleetValidationIssue, fieldPath, issue } from './issues';

type Quantities = Record<string, string>;

/** Every value must be a non-negative Kubernetes quantity. */
export function checkQuantities(
  path: string,
  quantities: Quantities | undefined,
): FleetValidationIssue[] {
  return Object.entries(quantities ?? {}).flatMap(([resource, text]) => {
    const problem = quantityProblem(text);
    return problem ? [issue(fieldPath(path, resource), problem)] : [];
  });
}

/**
 * For every resource in both maps with valid quantities, the lower one must not exceed
 * the upper one, e.g. `default 32 exceeds the maximum 16 (spec.x["requests.cpu"])`.
 */
export function checkNotAbove(
  lower: { path: string; quantities?: Quantities; label: string },
  upper: { path: string; quantities?: Quantities; label: string },
): FleetValidationIssue[] {
  return Object.entries(lower.quantities ?? {}).flatMap(([resource, text]) => {
    const low = valid(text);
    const high = valid(upper.quantities?.[resource]);
    if (!low || !high || compareQuantities(low, high) <= 0) {
      return [];
    }
    return [
      issue(
        fieldPath(lower.path, resource),
        `${lower.label} ${low.text} exceeds the ${upper.label} ${
          high.text
        } (${fieldPath(upper.path, resource)})`,
      ),
    ];
  });
}

function valid(text: string | undefined): Quantity | undefined {
  const result = text === undefined ? undefined : parseQuantity(text);
  return result?.ok ? result.quantity : undefined;
}

/** Valid quantities, and each default request no larger than the default limit. */
export function checkLimitRange(
  path: string,
  limits: LimitRangeSpec | undefined,
): FleetValidationIssue[] {
  const requestPath = fieldPath(path, 'defaultRequest');
  const limitPath = fieldPath(path, 'default');
  return [
    ...checkQuantities(requestPath, limits?.defaultRequest),
    ...checkQuantities(limitPath, limits?.default),
    ...checkNotAbove(
      {
        path: requestPath,
        quantities: limits?.defaultRequest,
        label: 'default request',
      },
      { path: limitPath, quantities: limits?.default, label: 'default limit' },
    ),
  ];
}

export function checkRoles(
  path: string,
  roles: readonly string[] | undefined,
): FleetValidationIssue[] {
  return (roles ?? []).flatMap((role, index) =>
    (PLATFORM_ONLY_ROLES as readonly string[]).includes(role)
      ? [
          issue(
            fieldPath(path, index),
            `${role} is reserved for the platform team`,
          ),
        ]
      : [],
  );
}

import { asArray, asObject, asString } from './objectFields';

/** metav1.Condition, and Cluster API's v1beta1 Condition (which adds `severity`). */
export type Condition = {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  severity?: string;
};

/** Reads a conditions array, skipping entries without a type or a valid status. */
export function readConditions(value: unknown): Condition[] {
  return asArray(value).flatMap(entry => {
    const object = asObject(entry);
    const type = asString(object?.type);
    const status = asString(object?.status);
    if (
      !type ||
      (status !== 'True' && status !== 'False' && status !== 'Unknown')
    ) {
      return [];
    }
    return [
      {
        type,
        status,
        reason: asString(object?.reason),
        message: asString(object?.message),
        lastTransitionTime: asString(object?.lastTransitionTime),
        severity: asString(object?.severity),
      },
    ];
  });
}

export function findCondition(
  conditions: Condition[],
  type: string,
): Condition | undefined {
  return conditions.find(condition => condition.type === type);
}

/** A condition's explanation: its message, else its reason. */
export function describeCondition(
  condition: Condition | undefined,
): string | undefined {
  if (!condition) {
    return undefined;
  }
  const text = condition.message ?? condition.reason;
  return text ? `${condition.type}=${condition.status}: ${text}` : undefined;
}

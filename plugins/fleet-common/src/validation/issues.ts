/** One problem with an entity; `message` is the full `<path>: <reason>` text. */
export type FleetValidationIssue = { path: string; message: string };

export function issue(path: string, reason: string): FleetValidationIssue {
  return { path, message: path ? `${path}: ${reason}` : reason };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Appends segments to a field path: `spec.components[2].version`,
 * `spec.quota["requests.cpu"]`.
 */
export function fieldPath(
  base: string,
  ...segments: ReadonlyArray<string | number>
): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') {
      return `${path}[${segment}]`;
    }
    if (!IDENTIFIER.test(segment)) {
      return `${path}[${JSON.stringify(segment)}]`;
    }
    return path ? `${path}.${segment}` : segment;
  }, base);
}

import { CidrItem, findOverlaps, parseCidr } from '../cidr';
import { FleetValidationIssue, issue } from './issues';

/** A CIDR field: its path in the entity and its text. */
export type CidrField = { path: string; text: string };

/**
 * Parses every field (each must be a canonical CIDR) and reports every pair that
 * overlaps on the path of the later field, in field order.
 */
export function checkCidrs(fields: readonly CidrField[]): {
  issues: FleetValidationIssue[];
  parsed: CidrItem[];
} {
  const issues: FleetValidationIssue[] = [];
  const parsed: CidrItem[] = [];
  for (const { path, text } of fields) {
    const result = parseCidr(text);
    if (result.ok) {
      parsed.push({ id: path, cidr: result.cidr });
    } else {
      issues.push(issue(path, result.reason));
    }
  }
  const order = new Map(fields.map((field, index) => [field.path, index]));
  const index = (item: CidrItem) => order.get(item.id) ?? 0;
  const pairs = findOverlaps(parsed)
    .map(({ outer, inner }) =>
      index(outer) < index(inner) ? [outer, inner] : [inner, outer],
    )
    .sort(
      ([a1, a2], [b1, b2]) => index(a2) - index(b2) || index(a1) - index(b1),
    );
  for (const [first, second] of pairs) {
    issues.push(
      issue(
        second.id,
        `${second.cidr.text} overlaps ${first.id} (${first.cidr.text})`,
      ),
    );
  }
  return { issues, parsed };
}

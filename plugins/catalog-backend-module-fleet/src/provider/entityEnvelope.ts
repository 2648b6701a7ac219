import {
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import type { FleetValidationIssue } from '@fleet-portal/plugin-fleet-common';

// The policies the catalog enforces on every entity: checking them per file reports a
// bad envelope against its file instead of as a failure of the whole mutation.
const catalogPolicies = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

/** The entity envelope problem the catalog would reject, or undefined. */
export async function checkEntityEnvelope(
  data: unknown,
): Promise<FleetValidationIssue | undefined> {
  try {
    await catalogPolicies.enforce(data as Entity);
    return undefined;
  } catch (error) {
    return toIssue((error as Error).message);
  }
}

function toIssue(text: string): FleetValidationIssue {
  const message = text
    .replace(/^Malformed envelope, /, 'malformed entity: ')
    .replace(/\. To learn more about catalog file format.*$/s, '');
  // "/metadata/annotations/x must be string" or '"metadata.name" is not valid; ...'
  const pointer = /(?:^|\s)(\/[^\s]+)/.exec(message)?.[1];
  const field = /^"([\w.]+)" is not valid/.exec(message)?.[1];
  const path = pointer
    ? pointer
        .slice(1)
        .split('/')
        .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map(s => (/^\d+$/.test(s) ? `[${s}]` : `[${JSON.stringify(s)}]`))
        .join('')
    : field ?? '';
  return { path, message };
}

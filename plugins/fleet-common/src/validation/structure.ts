import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { FleetValidationIssue, fieldPath, issue } from './issues';

let sharedAjv: Ajv | undefined;

function ajv(): Ajv {
  if (!sharedAjv) {
    // verbose: errors carry the offending data and the schema around it, for messages
    sharedAjv = new Ajv({ allErrors: true, verbose: true });
    addFormats(sharedAjv, ['date']);
  }
  return sharedAjv;
}

/**
 * A structure check against a JSON schema, compiled on first use. Issue paths are
 * prefixed with `basePath`, the place of the validated value in the entity.
 */
export function schemaCheck(
  schema: object,
  basePath: string,
): (data: unknown) => FleetValidationIssue[] {
  let validate: ValidateFunction | undefined;
  return data => {
    validate ??= ajv().compile(schema);
    if (validate(data)) {
      return [];
    }
    return (validate.errors ?? []).map(error => toIssue(error, basePath));
  };
}

function toIssue(error: ErrorObject, basePath: string): FleetValidationIssue {
  const path = fieldPath(basePath, ...pointerSegments(error.instancePath));
  const { params, data } = error;
  switch (error.keyword) {
    case 'required':
      return issue(fieldPath(path, params.missingProperty), 'is required');
    case 'additionalProperties': {
      const allowed = Object.keys(error.parentSchema?.properties ?? {});
      return issue(
        fieldPath(path, params.additionalProperty),
        `unknown field (allowed: ${allowed.join(', ')})`,
      );
    }
    case 'enum':
      return issue(
        path,
        `must be one of ${params.allowedValues.join(', ')} (got ${show(data)})`,
      );
    case 'const':
      return issue(path, `must be ${params.allowedValue} (got ${show(data)})`);
    case 'type':
      return issue(
        path,
        `must be ${withArticle(params.type)} (got ${show(data)})`,
      );
    case 'format':
      return params.format === 'date'
        ? issue(path, `${data} is not a valid date (YYYY-MM-DD)`)
        : issue(path, `must be a ${params.format} (got ${show(data)})`);
    case 'minLength':
      return issue(
        path,
        params.limit === 1
          ? 'must not be empty'
          : `must be at least ${params.limit} characters long`,
      );
    case 'minimum':
    case 'maximum':
      return issue(
        path,
        `must be ${params.comparison} ${params.limit} (got ${show(data)})`,
      );
    case 'uniqueItems':
      return issue(
        path,
        `must not repeat ${show((data as unknown[])[params.i])} (items ${
          params.j
        } and ${params.i})`,
      );
    default:
      return issue(path, error.message ?? `fails the ${error.keyword} rule`);
  }
}

/** `/spec/components/2` → `['spec', 'components', 2]`. */
function pointerSegments(pointer: string): Array<string | number> {
  return pointer
    .split('/')
    .slice(1)
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(segment => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function show(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (value !== null && typeof value === 'object') {
    return 'an object';
  }
  return JSON.stringify(value) ?? String(value);
}

import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  fieldProblems,
  namespaceChangeFormIssues,
  namespaceDecommissionFormIssues,
} from '@fleet-portal/plugin-fleet-common';
import { namespaceChangeLookups } from './changeLookups';

/** Which Day-2 form a field belongs to (`ui:options.request`, or the picker's `purpose`). */
export type Day2Request = 'change' | 'decommission';

const FORM_ISSUES = {
  change: namespaceChangeFormIssues,
  decommission: namespaceDecommissionFormIssues,
};

/**
 * The validation hook of a field of a Day-2 namespace form: the rules the
 * fleet:namespace:change / :decommission actions run (fleet-common), over the catalog,
 * reporting this field's problems only. Next and Review stay blocked while there is one.
 */
export function day2FieldValidation<T>(
  request: Day2Request,
  field: string,
): CustomFieldValidator<T> {
  return async (_value, validation, context) => {
    const catalogApi = context.apiHolder.get(catalogApiRef);
    if (!catalogApi) {
      return;
    }
    const issues = await FORM_ISSUES[request](
      context.formData,
      namespaceChangeLookups(catalogApi),
    );
    for (const problem of fieldProblems(issues, field)) {
      validation.addError(problem);
    }
  };
}

/** The Day-2 form named by a field's `ui:options` (`request`, else `purpose`), if any. */
export function day2RequestOf(options: unknown): Day2Request | undefined {
  const given = options as { request?: unknown; purpose?: unknown } | undefined;
  const request = given?.request ?? given?.purpose;
  return request === 'change' || request === 'decommission'
    ? request
    : undefined;
}

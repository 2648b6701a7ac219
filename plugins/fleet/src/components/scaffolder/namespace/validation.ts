import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  fieldProblems,
  type NamespaceFormField,
  namespaceFormIssues,
} from '@fleet-portal/plugin-fleet-common';
import { namespaceChangeLookups } from '../namespaceChange/changeLookups';
import { calendarTodayText } from '../shared/catalogLookups';

/**
 * The validation hook of a tenant-namespace form field: the request rules the actions run
 * (fleet-common), with the chosen cluster, its profile and its platform-repository namespaces
 * (the team budget) from the catalog, reporting the problems of this field only. Next and
 * Review stay blocked while there is one.
 */
export function namespaceFieldValidation<T>(
  field: NamespaceFormField,
): CustomFieldValidator<T> {
  return async (_value, validation, context) => {
    const catalogApi = context.apiHolder.get(catalogApiRef);
    if (!catalogApi) {
      return;
    }
    const issues = await namespaceFormIssues(
      context.formData,
      namespaceChangeLookups(catalogApi),
      calendarTodayText(),
    );
    for (const problem of fieldProblems(issues, field)) {
      validation.addError(problem);
    }
  };
}

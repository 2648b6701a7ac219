import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  type ClusterFormField,
  clusterFormProblems,
} from '@fleet-portal/plugin-fleet-common';
import { loadProfile } from '../shared/catalogLookups';

/** `ui:options` of the new-cluster request fields. */
export type ClusterRequestFieldOptions = {
  /**
   * The form field the rules judge (the template's parameter name). Not `field`: rjsf reads
   * `ui:options.field` as the field component's name.
   */
  rule: ClusterFormField;
  /** The form field holding the profile ref. @defaultValue profile */
  profileField?: string;
};

/**
 * The validation hook of a new-cluster form field: the request rules the actions run
 * (fleet-common's clusterFormProblems) against the chosen profile, for the field named in
 * `ui:options.rule` (or `field` when given). Next and Review stay blocked while one is broken.
 */
export function clusterFieldValidation<T>(
  fixedField?: ClusterFormField,
): CustomFieldValidator<T, Partial<ClusterRequestFieldOptions>> {
  return async (_value, validation, context) => {
    const options = context.uiSchema?.['ui:options'];
    const field = fixedField ?? options?.rule;
    const profileRef = context.formData[options?.profileField ?? 'profile'];
    const catalogApi = context.apiHolder.get(catalogApiRef);
    if (!field || typeof profileRef !== 'string' || !catalogApi) {
      return;
    }
    const profile = await loadProfile(catalogApi, profileRef);
    if (!profile) {
      return;
    }
    for (const problem of clusterFormProblems(
      field,
      context.formData,
      profile,
      new Date(),
    )) {
      validation.addError(problem);
    }
  };
}

import type { Environment, LifetimeClass } from '../constants';
import type { ClusterProfileEntity } from '../types';
import type { FleetValidationIssue } from '../validation/issues';
import {
  checkClusterRequestAgainstProfile,
  type ClusterRequest,
} from './clusterRequest';
import { issueReason, issuesOfField } from './issues';
import { checkNamespaceChange } from './namespaceChange';
import { checkNamespaceDecommission } from './namespaceDecommission';
import type { NamespaceChangeLookups } from './namespaceTarget';
import {
  checkNamespaceRequest,
  type NamespaceRequestLookups,
} from './namespaceRequest';

// The scaffolder forms' view of the request rules: each field extension's validation hook asks
// for the problems of its own field, found by the same functions the actions run.

/** The fields of the tenant-namespace form that have a validation hook. */
export const NAMESPACE_FORM_FIELDS = [
  'cluster',
  'namespace',
  'costCenter',
  'reason',
  'description',
  'quota',
  'roles',
] as const;
export type NamespaceFormField = (typeof NAMESPACE_FORM_FIELDS)[number];

/** What the tenant-namespace form refuses, field by field (fields it does not have left out). */
export async function namespaceFormIssues(
  formData: Record<string, unknown>,
  lookups: NamespaceRequestLookups,
  today: string,
): Promise<FleetValidationIssue[]> {
  const { issues } = await checkNamespaceRequest(formData, lookups, today);
  return NAMESPACE_FORM_FIELDS.flatMap(field => issuesOfField(issues, field));
}

/** The fields of the change-tenant-namespace form. */
export const NAMESPACE_CHANGE_FORM_FIELDS = [
  'namespace',
  'quota',
  'limits',
  'roles',
  'reason',
] as const;

/** The fields of the decommission-tenant-namespace form. */
export const NAMESPACE_DECOMMISSION_FORM_FIELDS = [
  'namespace',
  'confirmation',
  'reason',
] as const;

/** What the change-tenant-namespace form refuses, field by field. */
export async function namespaceChangeFormIssues(
  formData: Record<string, unknown>,
  lookups: NamespaceChangeLookups,
): Promise<FleetValidationIssue[]> {
  const { issues } = await checkNamespaceChange(formData, lookups);
  return NAMESPACE_CHANGE_FORM_FIELDS.flatMap(field =>
    issuesOfField(issues, field),
  );
}

/** What the decommission-tenant-namespace form refuses, field by field. */
export async function namespaceDecommissionFormIssues(
  formData: Record<string, unknown>,
  lookups: NamespaceChangeLookups,
): Promise<FleetValidationIssue[]> {
  const { issues } = await checkNamespaceDecommission(formData, lookups);
  return NAMESPACE_DECOMMISSION_FORM_FIELDS.flatMap(field =>
    issuesOfField(issues, field),
  );
}

/**
 * The problems of one form field in the words shown under it: the reason alone for the field
 * itself, `limits.cpu: …` for a part of it (the quota's resources).
 */
export function fieldProblems(
  issues: readonly FleetValidationIssue[],
  field: string,
): string[] {
  return issuesOfField(issues, field).map(i =>
    i.path === field
      ? issueReason(i)
      : `${i.path.slice(field.length + 1)}: ${issueReason(i)}`,
  );
}

/** The new-cluster form's fields and the request paths the rules name them by. */
export const CLUSTER_FORM_FIELDS = {
  name: 'name',
  profileVersion: 'profileVersion',
  purpose: 'purpose',
  environment: 'environment',
  environmentGroup: 'environmentGroup',
  region: 'region',
  controlPlaneNodes: 'nodes.controlPlane',
  workerNodes: 'nodes.workers',
  reviewBy: 'lifetime.reviewBy',
  retireBy: 'lifetime.retireBy',
} as const;
export type ClusterFormField = keyof typeof CLUSTER_FORM_FIELDS;

/** The new-cluster form's data as the template's steps pass it to the actions. */
export function clusterRequestFromForm(
  formData: Record<string, unknown>,
): ClusterRequest {
  const text = (key: string) =>
    typeof formData[key] === 'string' ? (formData[key] as string) : undefined;
  return {
    name: text('name') ?? '',
    profile: text('profile') ?? '',
    profileVersion: text('profileVersion'),
    owner: text('owner') ?? '',
    purpose: text('purpose') ?? '',
    description: text('description'),
    environment: text('environment') as Environment,
    environmentGroup: text('environmentGroup') ?? '',
    region: text('region') ?? '',
    site: text('site'),
    nodes: {
      controlPlane: formData.controlPlaneNodes as number,
      workers: formData.workerNodes as number,
    },
    lifetime: {
      class: (text('lifetimeClass') ?? 'long-lived') as LifetimeClass,
      reviewBy: text('reviewBy'),
      retireBy: text('retireBy'),
    },
    nodeCidr: text('nodeCidr'),
  };
}

/**
 * The problems of one field of the new-cluster form against the chosen profile. Fields of
 * steps not yet filled in are not judged: only the asked-for field's problems are returned.
 */
export function clusterFormProblems(
  field: ClusterFormField,
  formData: Record<string, unknown>,
  profile: ClusterProfileEntity,
  now: Date,
): string[] {
  const issues = checkClusterRequestAgainstProfile(
    clusterRequestFromForm(formData),
    profile,
    now,
  );
  return issuesOfField(issues, CLUSTER_FORM_FIELDS[field]).map(issueReason);
}

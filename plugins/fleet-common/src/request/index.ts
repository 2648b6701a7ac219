export {
  checkNamespaceRequest,
  checkRequestText,
  clusterProblem,
  clusterRefOf,
  profileRefOf,
  resolveRequestCluster,
} from './namespaceRequest';
export type {
  CheckedNamespaceRequest,
  NamespaceRequestDraft,
  NamespaceRequestLookups,
} from './namespaceRequest';
export {
  checkTenancyRequest,
  defaultRoles,
  quantityProblem,
  quotaResources,
  requestableRoles,
  roleProblem,
} from './tenancyRequest';
export type { CheckedTenancy, TenancyRequest } from './tenancyRequest';
export {
  acceptedProfileVersions,
  checkClusterRequestAgainstProfile,
  environmentsFor,
  lifetimeBounds,
  MAX_REVIEW_MONTHS,
  nodeBounds,
  requestedProfileVersion,
} from './clusterRequest';
export type { ClusterRequest } from './clusterRequest';
export {
  addDays,
  addMonths,
  calendarToday,
  formatCalendarDate,
  parseCalendarDate,
} from './dates';
export { formatRequestIssues, issueReason, issuesOfField } from './issues';
export {
  CLUSTER_FORM_FIELDS,
  clusterFormProblems,
  clusterRequestFromForm,
  fieldProblems,
  NAMESPACE_FORM_FIELDS,
  namespaceFormIssues,
} from './form';
export type { ClusterFormField, NamespaceFormField } from './form';
export {
  checkTeamBudget,
  teamBudgetRemaining,
  teamBudgetUsage,
} from './teamBudget';
export type {
  TeamBudgetChange,
  TeamBudgetNamespace,
  TeamBudgetUsage,
} from './teamBudget';

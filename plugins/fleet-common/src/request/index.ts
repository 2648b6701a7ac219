export {
  checkNamespaceRequest,
  checkRequestText,
  checkTextField,
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
  NAMESPACE_CHANGE_FORM_FIELDS,
  NAMESPACE_DECOMMISSION_FORM_FIELDS,
  NAMESPACE_FORM_FIELDS,
  namespaceChangeFormIssues,
  namespaceDecommissionFormIssues,
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
export { checkNamespaceChange } from './namespaceChange';
export type {
  CheckedNamespaceChange,
  NamespaceChangeDraft,
  NamespaceChangeOptions,
} from './namespaceChange';
export {
  checkNamespaceDecommission,
  proposalOnly,
} from './namespaceDecommission';
export type {
  CheckedNamespaceDecommission,
  NamespaceDecommissionDraft,
} from './namespaceDecommission';
export {
  budgetNamespacesOf,
  namespaceClusterRef,
  namespaceRefOf,
  resolveNamespaceTarget,
} from './namespaceTarget';
export type {
  NamespaceActor,
  NamespaceChangeLookups,
  NamespaceTarget,
} from './namespaceTarget';
export {
  checkClusterRetirement,
  RETIREMENT_MODES,
  RETIREMENT_REASON_MAX,
  RETIREMENT_REASON_MIN,
  retireByBounds,
} from './clusterRetirement';
export type {
  ClusterRetirementRequest,
  RetirementMode,
} from './clusterRetirement';

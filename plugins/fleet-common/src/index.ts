/**
 * Fleet Portal entity kinds, JSON schemas, validators, naming and CIDR rules and
 * permissions, shared by frontend and backend.
 *
 * @packageDocumentation
 */

export * from './constants';
export * from './platformRepo';
export type {
  ClusterEntity,
  ClusterFleetFields,
  ClusterLifetime,
  ClusterNetwork,
  ClusterNodes,
  ClusterProfileEntity,
  ClusterRetiring,
  ClusterProfileSpec,
  ClusterSpec,
  LimitRangeSpec,
  NodeRange,
  ProfileAdmission,
  ProfileComponent,
  ProfileKubernetes,
  ProfileNaming,
  ProfileNetwork,
  ProfileNetworkPolicy,
  ProfileNodes,
  ProfileProvisioner,
  ProfileReview,
  ProfileStorageClasses,
  ProfileTenancy,
  Quota,
  TeamBudget,
  TenantNamespaceEntity,
  TenantNamespaceSpec,
} from './types';
export {
  CLUSTER_FLEET_FIELDS,
  hasFleetFields,
  isClusterEntity,
  isClusterProfileEntity,
  isTenantNamespaceEntity,
} from './guards';
export type { FleetValidationIssue } from './validation/issues';
export { issue } from './validation/issues';
export {
  isGovernedCluster,
  validateClusterFleetFields,
  validateGovernedCluster,
} from './validation/cluster';
export {
  clusterProfileEntityV1alpha1Validator,
  validateClusterProfile,
} from './validation/profile';
export { validateTenantNamespace } from './validation/tenantNamespace';
export { validateFleetEntity } from './validation/fleetEntity';
export {
  compareVersions,
  isExplicitVersionPin,
  isVersionBehind,
} from './validation/versions';
export {
  isDns1123Label,
  MAX_NAME_LENGTH,
  tenantNamespaceEntityName,
  validateClusterName,
  validateNamespaceName,
} from './naming';
export {
  isAnchoredPattern,
  MAX_NAMING_PATTERN_LENGTH,
  MAX_NAMING_PATTERN_PATHS,
  regexSafetyProblem,
} from './validation/regexSafety';
export {
  cidrContains,
  cidrsOverlap,
  findOverlaps,
  formatCidr,
  parseCidr,
} from './cidr';
export type {
  CidrItem,
  CidrOverlap,
  CidrParseResult,
  IpVersion,
  ParsedCidr,
} from './cidr';
export { IntervalSet } from './intervalSet';
export type { BigRange } from './intervalSet';
export {
  addQuantities,
  compareQuantities,
  formatQuantity,
  parseQuantity,
} from './quantity';
export type { Quantity, QuantityParseResult } from './quantity';
export * from './permissions';
export {
  clusterFleetSpecSchema,
  clusterProfileSchema,
  tenantNamespaceSpecSchema,
} from './schema';
export {
  LIFECYCLE_DEFAULT_PAGE_SIZE,
  LIFECYCLE_MAX_PAGE_SIZE,
  LIFECYCLE_SORT_FIELDS,
  LIFECYCLE_STATUSES,
  RETIRING_SOON_DAYS,
  REVIEW_DUE_DAYS,
} from './api/lifecycle';
export type {
  ClusterLifecycle,
  FindingSeverity,
  GovernanceFinding,
  GovernanceFindingCode,
  LifecyclePage,
  LifecycleQuery,
  LifecycleSchedule,
  LifecycleSortField,
  LifecycleStatus,
} from './api/lifecycle';
export {
  HEALTH_DEFAULT_PAGE_SIZE,
  HEALTH_GRID_DEFAULT_ROWS,
  HEALTH_GRID_MAX_ROWS,
  HEALTH_GROUP_FIELDS,
  HEALTH_MAX_PAGE_SIZE,
  HEALTH_SORT_FIELDS,
  HEALTH_STATUS_ORDER,
  HEALTH_SUMMARY_LIST_LIMIT,
  SIGNAL_STATUS_CODES,
  SIGNAL_STATUS_ORDER,
} from './api/health';
export type {
  ClusterHealth,
  ClusterHealthDetail,
  EnvironmentHealth,
  FleetHealthGrid,
  FleetHealthKpis,
  FleetHealthSnapshot,
  FleetHealthSummary,
  HealthClusterPage,
  HealthClusterQuery,
  HealthGroupField,
  HealthHistoryPoint,
  HealthSortField,
  HealthStatus,
  HealthStatusCounts,
  LabelCoverage,
  MetricsSourceState,
  SignalDefinition,
  SignalStatus,
  SignalThresholds,
  SignalVerdict,
  ThresholdDirection,
  VersionDrift,
} from './api/health';
export { formatSignalValue, isCountUnit } from './health/formatSignalValue';
export type { FormatSignalValueOptions } from './health/formatSignalValue';
export type {
  CidrBlockPreview,
  CidrConflict,
  CidrConflictCause,
  CidrPoolExhaustedCause,
  CidrPreview,
  CidrPreviewRequest,
  CidrReservation,
  CidrReservationList,
  CidrReservationRequest,
  CidrReservationStatus,
  CidrReleaseRequest,
  CidrRole,
  RetiredCluster,
  RetiredClusterList,
} from './api/cidr';
export { PLATFORM_REPO_STATUS_PATH } from './api/platformRepo';
export type {
  PlatformRepoEntityCounts,
  PlatformRepoFileProblem,
  PlatformRepoRead,
  PlatformRepoStatus,
  PlatformRepoStatusList,
} from './api/platformRepo';
export * from './request';
export { ROLLOUT_ALLOWED_STATUSES, UNASSIGNED_WAVE } from './api/rollout';
export type {
  ClusterRollout,
  ProfileRollout,
  ProfileRolloutWave,
  RolloutAllowedStatus,
  RolloutCluster,
  RolloutGate,
  RolloutGateEvidence,
  RolloutGatePeriod,
  RolloutGateSpec,
  RolloutGateVerdict,
  RolloutList,
  RolloutProgress,
  RolloutView,
  RolloutWave,
} from './api/rollout';
export {
  checkClusterWave,
  gateAllowedStatuses,
  parseVersionSince,
  rolloutWaveOrder,
} from './validation/rollout';

export {
  ClusterPicker,
  clusterFacts,
  isRequestableCluster,
} from './ClusterPicker';
export {
  NamespaceQuotaField,
  namespaceQuotaValidation,
  quotaProblems,
} from './NamespaceQuotaField';
export { NamespaceRolesField } from './NamespaceRolesField';
export { RequestTextField } from './RequestTextField';
export type { NamespaceQuotaOptions } from './NamespaceQuotaField';

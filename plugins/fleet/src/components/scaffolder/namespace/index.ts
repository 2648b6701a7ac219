export {
  ClusterPicker,
  clusterFacts,
  isRequestableCluster,
} from './ClusterPicker';
export {
  NamespaceQuotaField,
  namespaceQuotaValidation,
  quotaProblem,
  quotaRows,
} from './NamespaceQuotaField';
export type { NamespaceQuotaOptions } from './NamespaceQuotaField';

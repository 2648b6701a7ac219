import clusterFleetSpec from './ClusterFleetSpec.v1alpha1.schema.json';
import clusterProfile from './ClusterProfile.v1alpha1.schema.json';
import tenantNamespaceSpec from './TenantNamespaceSpec.v1alpha1.schema.json';

/** JSON schema (draft-07) of the fleet fields of a kubernetes-cluster Resource spec. */
export const clusterFleetSpecSchema: object = clusterFleetSpec;
/** JSON schema (draft-07) of the ClusterProfile kind. */
export const clusterProfileSchema: object = clusterProfile;
/** JSON schema (draft-07) of a kubernetes-namespace Resource spec. */
export const tenantNamespaceSpecSchema: object = tenantNamespaceSpec;

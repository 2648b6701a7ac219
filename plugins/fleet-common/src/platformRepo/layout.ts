/** The platform-repository layout (see the design notes): where each kind of file lives. */
export const platformRepoPaths = {
  profile: (profile: string) => `profiles/${profile}/profile.yaml`,
  cluster: (cluster: string) => `clusters/${cluster}/cluster.yaml`,
  clusterDir: (cluster: string) => `clusters/${cluster}`,
  provisioning: (cluster: string, file: string) =>
    `clusters/${cluster}/provisioning/${file}`,
  namespaceDir: (cluster: string, namespace: string) =>
    `clusters/${cluster}/namespaces/${namespace}`,
  namespaceEntity: (cluster: string, namespace: string) =>
    `clusters/${cluster}/namespaces/${namespace}/namespace.yaml`,
  namespaceManifests: (cluster: string, namespace: string) =>
    `clusters/${cluster}/namespaces/${namespace}/manifests.yaml`,
};

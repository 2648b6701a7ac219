// The shared validation corpus; fleet-common has no test-utils entry point for it yet.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { clusterProfile } from '@fleet-portal/plugin-fleet-common/src/__fixtures__/corpus';
import { stringify } from 'yaml';

/**
 * Entity files of a platform repository for tests. The cluster file has a fixed
 * layout: metadata.name on line 4, spec.network.podCidr on line 17.
 */
export function clusterYaml(
  name: string,
  options: {
    podCidr?: string;
    serviceCidr?: string;
    owner?: string;
    description?: string;
    annotations?: Record<string, string>;
  } = {},
): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${name}
  description: ${options.description ?? `Cluster ${name}`}
  annotations: ${JSON.stringify(options.annotations ?? {})}
spec:
  type: kubernetes-cluster
  owner: ${options.owner ?? 'group:default/team-payments'}
  lifecycle: production
  purpose: Runs the payments services
  profile: production
  profileVersion: 3.2.0
  environment: production
  region: eu-west-1
  network:
    podCidr: ${options.podCidr ?? '10.64.0.0/16'}
    serviceCidr: ${options.serviceCidr ?? '10.128.0.0/20'}
  lifetime:
    created: "2024-03-01"
    reviewBy: "2025-03-01"
`;
}

export function profileYaml(name = 'production'): string {
  return stringify({
    ...clusterProfile,
    metadata: { name, description: `The ${name} profile` },
  });
}

export function namespaceYaml(cluster: string, namespace: string): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${cluster}.${namespace}
  title: ${namespace} on ${cluster}
spec:
  type: kubernetes-namespace
  owner: group:default/team-checkout
  lifecycle: production
  cluster: ${cluster}
  namespace: ${namespace}
  quota: { requests.cpu: "2", requests.memory: 4Gi, pods: "50" }
  roles: [edit]
  identityGroup: team-checkout
`;
}

export const clusterPath = (cluster: string) =>
  `clusters/${cluster}/cluster.yaml`;
export const profilePath = (profile: string) =>
  `profiles/${profile}/profile.yaml`;
export const namespacePath = (cluster: string, namespace: string) =>
  `clusters/${cluster}/namespaces/${namespace}/namespace.yaml`;

/**
 * A cluster file whose aliases expand to 9^9 strings (a "billion laughs" bomb), the
 * first alias (`*l0`) on line 7.
 */
export function aliasBombClusterYaml(name: string): string {
  const levels = [`    l0: &l0 [${Array(9).fill('"lol"').join(', ')}]`];
  for (let level = 1; level < 9; level++) {
    levels.push(
      `    l${level}: &l${level} [${Array(9)
        .fill(`*l${level - 1}`)
        .join(', ')}]`,
    );
  }
  return `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${name}
  annotations:
${levels.join('\n')}
spec:
  type: kubernetes-cluster
`;
}

import { InstantSample } from '../promql/response';
import { normalizeVersion } from './versionRange';

/** The Kubernetes versions the API servers of every cluster report (several while an upgrade rolls). */
export function kubernetesVersionQuery(clusterLabel: string): string {
  return `count by (${clusterLabel}, git_version) (kubernetes_build_info{job="apiserver",${clusterLabel}!=""})`;
}

export function readVersions(
  samples: readonly InstantSample[],
  clusterLabel: string,
): Map<string, string[]> {
  const versions = new Map<string, string[]>();
  for (const sample of samples) {
    const cluster = sample.labels[clusterLabel];
    const version = sample.labels.git_version;
    if (!cluster || !version) continue;
    const list = versions.get(cluster) ?? [];
    list.push(normalizeVersion(version));
    versions.set(cluster, list.sort());
  }
  return versions;
}

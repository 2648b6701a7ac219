import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface GeneratedFile {
  path: string;
  content: string;
}

export interface PlatformRepoShape {
  clusters: number;
  profiles: number;
  /** one tenant namespace every N clusters; 0 for none */
  namespaceEvery?: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function ipv4(n: number): string {
  return [24, 16, 8, 0].map(shift => (n >>> shift) & 255).join('.');
}

/**
 * A platform repository at fleet scale, valid per the entity contract: profile i owns the pod pool
 * 10.i.0.0/16 (/22 per cluster) and the service pool 100.64.0.0/10's i-th /18 (/24 per cluster), so
 * every cluster's CIDRs are unique; up to 64 clusters per profile.
 */
export function generatePlatformRepoFiles(
  shape: PlatformRepoShape,
): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const perProfile = Math.ceil(shape.clusters / shape.profiles);
  if (perProfile > 64 || shape.profiles > 256) {
    throw new Error('at most 256 profiles and 64 clusters per profile');
  }
  for (let p = 0; p < shape.profiles; p++) {
    const name = `bench-p${pad(p, 3)}`;
    const servicePool = ipv4((100 << 24) + (64 << 16) + p * (1 << 14));
    files.push({
      path: `profiles/${name}/profile.yaml`,
      content: `apiVersion: fleet-portal.dev/v1alpha1
kind: ClusterProfile
metadata:
  name: ${name}
  description: Generated profile ${p}
spec:
  type: ${['production', 'non-production', 'edge', 'regulated'][p % 4]}
  version: 2.${(p % 7) + 1}.0
  allowedVersions: [2.${p % 7}.0]
  owner: group:default/platform-team
  lifecycle: production
  summary: Generated for the benchmark
  kubernetes: { distribution: talos, version: 1.31.4, allowedRange: ">=1.30.0 <1.32.0" }
  components:
    - { name: cilium, role: cni, version: 1.16.4, chart: cilium/cilium }
    - { name: cert-manager, role: certificates, version: v1.16.2, chart: jetstack/cert-manager }
    - { name: external-dns, role: dns, version: 0.15.0, chart: external-dns/external-dns }
    - { name: kyverno, role: admission, version: 1.13.1, chart: kyverno/kyverno }
    - { name: kube-prometheus-stack, role: monitoring, version: 65.8.1 }
  storageClasses: { default: fast-ssd, available: [fast-ssd, standard-hdd] }
  admission: { controller: kyverno, mode: enforce }
  clickOps: { allowed: ${p % 2 === 1} }
  auditLogging: true
  tenancy:
    defaults:
      quota: { requests.cpu: "2", requests.memory: 4Gi, limits.cpu: "4", limits.memory: 8Gi, pods: "50" }
      limits: { defaultRequest: { cpu: 100m, memory: 128Mi }, default: { cpu: 500m, memory: 512Mi } }
    maximums:
      quota: { requests.cpu: "16", requests.memory: 64Gi, limits.cpu: "32", limits.memory: 128Gi, pods: "500" }
    allowedRoles: [view, edit]
    networkPolicy: { allowSameNamespace: true, allowDnsEgress: true }
  network: { podPools: [10.${p}.0.0/16], servicePools: [${servicePool}/18], podPrefix: 22, servicePrefix: 24 }
  naming: { pattern: "^p${pad(p, 3)}-c[0-9]{5}$", example: p${pad(
        p,
        3,
      )}-c00001 }
  review: { intervalMonths: 12, maxLifetimeDays: 365 }
  nodes: { controlPlane: { min: 1, max: 5 }, workers: { min: 1, max: 100 } }
  provisioner: { type: cluster-api, clusterClass: talos-v2 }
`,
    });
  }
  for (let c = 0; c < shape.clusters; c++) {
    const p = c % shape.profiles;
    const k = Math.floor(c / shape.profiles);
    const name = `p${pad(p, 3)}-c${pad(c, 5)}`;
    const serviceBase = (100 << 24) + (64 << 16) + p * (1 << 14) + k * 256;
    files.push({
      path: `clusters/${name}/cluster.yaml`,
      content: `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${name}
  description: Generated cluster ${c}
spec:
  type: kubernetes-cluster
  owner: group:default/team-${pad(c % 50, 2)}
  lifecycle: production
  purpose: Generated for the benchmark
  profile: bench-p${pad(p, 3)}
  profileVersion: 2.${(p % 7) + (c % 3 === 0 ? 0 : 1)}.0
  environment: ${
    ['production', 'staging', 'development', 'test', 'edge'][c % 5]
  }
  environmentGroup: generated
  region: region-${c % 12}
  network: { podCidr: 10.${p}.${k * 4}.0/22, serviceCidr: ${ipv4(
        serviceBase,
      )}/24 }
  lifetime: { class: long-lived, created: "2025-01-${pad(
    (c % 28) + 1,
    2,
  )}", reviewBy: "2026-0${(c % 9) + 1}-15" }
  nodes: { controlPlane: 3, workers: ${(c % 20) + 1} }
`,
    });
    if (shape.namespaceEvery && c % shape.namespaceEvery === 0) {
      files.push({
        path: `clusters/${name}/namespaces/app/namespace.yaml`,
        content: `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${name}.app
  title: app on ${name}
spec:
  type: kubernetes-namespace
  owner: group:default/team-${pad(c % 50, 2)}
  lifecycle: production
  cluster: ${name}
  namespace: app
  quota: { requests.cpu: "2", requests.memory: 4Gi, limits.cpu: "4", limits.memory: 8Gi, pods: "50" }
  roles: [edit]
  identityGroup: team-${pad(c % 50, 2)}
`,
      });
    }
  }
  return files;
}

/** Writes the files into `dir` and commits them on branch main; returns the directory. */
export function writeGitRepo(dir: string, files: GeneratedFile[]): string {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'pipe',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@fleet-portal.invalid',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@fleet-portal.invalid',
      },
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'generated platform repository');
  return dir;
}

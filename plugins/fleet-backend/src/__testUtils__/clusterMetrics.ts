// Series as the real exporters of one cluster write them (kube-state-metrics, the API server,
// cert-manager, Argo CD, Flux, Gatekeeper, Kyverno, Cilium or Calico, Velero), with every state settable, for
// fixtures pushed into a real Prometheus or VictoriaMetrics.

import { PushSeries } from './metricsServers';

export type ClusterMetricsSpec = {
  cluster: string;
  /** Labels every series carries besides `cluster` (the label contract: environment, site, platform_version). */
  labels?: Record<string, string>;
  /** Up state of each API server instance. */
  apiserverUp?: number[];
  nodes?: number;
  notReadyNodes?: number;
  pressureNodes?: number;
  unschedulableNodes?: number;
  /** Restarts between the two counter samples (3000 s apart). */
  restarts?: number;
  failedVolumes?: number;
  lostClaims?: number;
  pendingClaims?: number;
  /** Days until each certificate expires. */
  certificateDays?: number[];
  argoApps?: number;
  argoOutOfSync?: number;
  argoDegraded?: number;
  fluxObjects?: number;
  fluxNotReady?: number;
  /** Up state of each admission controller target (Kyverno). */
  admissionUp?: number[];
  gatekeeperViolations?: number;
  /** Kyverno rule failures between the two counter samples. */
  kyvernoFailures?: number;
  unreachableNodes?: number;
  /** The CNI whose agents report: Cilium (default) or Calico's Felix. */
  cni?: 'cilium' | 'calico';
  /** Felix dataplane update failures between the two counter samples (Calico). */
  calicoDataplaneFailures?: number;
  /** Hours since the last successful backup, per schedule. */
  backupAgeHours?: number[];
  kubernetesVersion?: string;
  /** Exporters to leave out entirely. */
  without?: Array<
    | 'apiserver'
    | 'kube-state-metrics'
    | 'cert-manager'
    | 'argocd'
    | 'flux'
    | 'gatekeeper'
    | 'kyverno'
    | 'cilium'
    | 'velero'
  >;
};

/** A healthy cluster: every signal ok. */
export const HEALTHY: Omit<ClusterMetricsSpec, 'cluster'> = {
  apiserverUp: [1, 1, 1],
  nodes: 10,
  notReadyNodes: 0,
  pressureNodes: 0,
  unschedulableNodes: 0,
  restarts: 0,
  failedVolumes: 0,
  lostClaims: 0,
  pendingClaims: 0,
  certificateDays: [60, 85],
  argoApps: 4,
  argoOutOfSync: 0,
  argoDegraded: 0,
  fluxObjects: 2,
  fluxNotReady: 0,
  admissionUp: [1, 1, 1],
  gatekeeperViolations: 0,
  kyvernoFailures: 0,
  unreachableNodes: 0,
  backupAgeHours: [4, 10],
  kubernetesVersion: 'v1.31.4',
};

/** The previous sample of counters, so that `increase(...[1h])` has two points. */
export const COUNTER_SPAN_MS = 3_000_000;

/**
 * The series of one cluster at `nowMs` (counters also 3000 s earlier). Timestamps in
 * milliseconds; gauges holding times (certificate expiry, last backup) are relative to `nowMs`.
 */
export function clusterSeries(
  spec: ClusterMetricsSpec,
  nowMs: number,
): PushSeries[] {
  const s = { ...HEALTHY, ...spec };
  const without = new Set(spec.without ?? []);
  const common = {
    cluster: s.cluster,
    environment: 'production',
    site: 'euw1',
    platform_version: '3.2.0',
    ...spec.labels,
  };
  for (const [key, value] of Object.entries(common)) {
    if (value === '') delete (common as Record<string, string>)[key];
  }
  const out: PushSeries[] = [];
  const gauge = (name: string, labels: Record<string, string>, value: number) =>
    out.push({
      labels: { __name__: name, ...common, ...labels },
      samples: [{ value, timestamp: nowMs }],
    });
  const counter = (
    name: string,
    labels: Record<string, string>,
    start: number,
    delta: number,
  ) =>
    out.push({
      labels: { __name__: name, ...common, ...labels },
      samples: [
        { value: start, timestamp: nowMs - COUNTER_SPAN_MS },
        { value: start + delta, timestamp: nowMs },
      ],
    });

  if (!without.has('apiserver')) {
    s.apiserverUp!.forEach((up, i) => {
      gauge('up', { job: 'apiserver', instance: `10.0.0.${i + 1}:6443` }, up);
      gauge(
        'kubernetes_build_info',
        {
          job: 'apiserver',
          instance: `10.0.0.${i + 1}:6443`,
          git_version: s.kubernetesVersion!,
        },
        1,
      );
    });
  }
  if (!without.has('kube-state-metrics')) {
    const ksm = { job: 'kube-state-metrics' };
    gauge('up', ksm, 1);
    for (let n = 0; n < s.nodes!; n++) {
      const node = `node-${n}`;
      const ready = n >= s.notReadyNodes!;
      for (const status of ['true', 'false', 'unknown']) {
        gauge(
          'kube_node_status_condition',
          { ...ksm, node, condition: 'Ready', status },
          Number(status === (ready ? 'true' : 'false')),
        );
      }
      for (const condition of [
        'MemoryPressure',
        'DiskPressure',
        'PIDPressure',
      ]) {
        const under = condition === 'MemoryPressure' && n < s.pressureNodes!;
        for (const status of ['true', 'false']) {
          gauge(
            'kube_node_status_condition',
            { ...ksm, node, condition, status },
            Number(status === (under ? 'true' : 'false')),
          );
        }
      }
      gauge(
        'kube_node_spec_unschedulable',
        { ...ksm, node },
        Number(n < s.unschedulableNodes!),
      );
    }
    counter(
      'kube_pod_container_status_restarts_total',
      { ...ksm, namespace: 'payments', pod: 'api-0', container: 'api' },
      3,
      s.restarts!,
    );
    const pvPhases = ['Pending', 'Available', 'Bound', 'Released', 'Failed'];
    for (let v = 0; v < 3 + s.failedVolumes!; v++) {
      const phase = v < s.failedVolumes! ? 'Failed' : 'Bound';
      for (const p of pvPhases) {
        gauge(
          'kube_persistentvolume_status_phase',
          { ...ksm, persistentvolume: `pv-${v}`, phase: p },
          Number(p === phase),
        );
      }
    }
    const claims = [
      ...Array(s.lostClaims!).fill('Lost'),
      ...Array(s.pendingClaims!).fill('Pending'),
      'Bound',
      'Bound',
    ];
    claims.forEach((phase, c) => {
      for (const p of ['Lost', 'Bound', 'Pending']) {
        gauge(
          'kube_persistentvolumeclaim_status_phase',
          {
            ...ksm,
            namespace: 'payments',
            persistentvolumeclaim: `data-${c}`,
            phase: p,
          },
          Number(p === phase),
        );
      }
    });
  }
  if (!without.has('cert-manager')) {
    s.certificateDays!.forEach((days, i) =>
      gauge(
        'certmanager_certificate_expiration_timestamp_seconds',
        { job: 'cert-manager', namespace: 'ingress', name: `tls-${i}` },
        Math.round(nowMs / 1000 + days * 86400),
      ),
    );
  }
  if (!without.has('argocd')) {
    for (let a = 0; a < s.argoApps!; a++) {
      gauge(
        'argocd_app_info',
        {
          job: 'argocd-metrics',
          name: `app-${a}`,
          project: 'default',
          sync_status: a < s.argoOutOfSync! ? 'OutOfSync' : 'Synced',
          health_status:
            a >= s.argoApps! - s.argoDegraded! ? 'Degraded' : 'Healthy',
        },
        1,
      );
    }
  }
  if (!without.has('flux')) {
    for (let f = 0; f < s.fluxObjects!; f++) {
      const current = f < s.fluxNotReady! ? 'False' : 'True';
      for (const status of ['True', 'False', 'Unknown']) {
        gauge(
          'gotk_reconcile_condition',
          {
            job: 'flux-system',
            kind: 'Kustomization',
            name: `ks-${f}`,
            namespace: 'flux-system',
            type: 'Ready',
            status,
          },
          Number(status === current),
        );
      }
    }
  }
  if (!without.has('kyverno')) {
    s.admissionUp!.forEach((up, i) =>
      gauge('up', { job: 'kyverno-svc-metrics', instance: `kyverno-${i}` }, up),
    );
    counter(
      'kyverno_policy_results_total',
      {
        job: 'kyverno-svc-metrics',
        policy_name: 'require-labels',
        rule_result: 'fail',
      },
      0,
      s.kyvernoFailures!,
    );
  }
  if (!without.has('gatekeeper') && s.gatekeeperViolations! > 0) {
    gauge(
      'gatekeeper_violations',
      { job: 'gatekeeper-controller-manager', enforcement_action: 'deny' },
      s.gatekeeperViolations!,
    );
  }
  if (s.cni === 'calico') {
    // Felix in each calico-node agent (felix_* metrics, prometheusMetricsEnabled)
    for (let a = 0; a < 2; a++) {
      counter(
        'felix_int_dataplane_failures',
        { job: 'calico-node', pod: `calico-node-${a}` },
        3,
        a === 0 ? s.calicoDataplaneFailures ?? 0 : 0,
      );
      gauge(
        'felix_cluster_num_hosts',
        { job: 'calico-node', pod: `calico-node-${a}` },
        s.nodes!,
      );
    }
  } else if (!without.has('cilium')) {
    for (let a = 0; a < 2; a++) {
      gauge(
        'cilium_unreachable_nodes',
        { job: 'cilium-agent', pod: `cilium-${a}` },
        a === 0 ? s.unreachableNodes! : 0,
      );
    }
  }
  if (!without.has('velero')) {
    s.backupAgeHours!.forEach((hours, i) =>
      gauge(
        'velero_backup_last_successful_timestamp',
        { job: 'velero', schedule: `daily-${i}` },
        Math.round(nowMs / 1000 - hours * 3600),
      ),
    );
  }
  return out;
}

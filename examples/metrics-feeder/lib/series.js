'use strict';
// The series one cluster remote-writes, as the real exporters name them, computed from the time so
// that the backfill and the live pushes draw one consistent history. Problems come from the scenario.

const HOUR = 3600;
const DAY = 24 * HOUR;
// A fixed origin for counters, so that they only ever grow.
const COUNTER_ORIGIN = Date.UTC(2026, 0, 1) / 1000;

/** A small deterministic number in [0, 1) per string, to vary clusters without randomness. */
function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return (h >>> 0) / 2 ** 32;
}

function nodeNames(cluster) {
  const nodes = [];
  for (let i = 1; i <= cluster.controlPlane; i++) {
    nodes.push({ name: `${cluster.name}-cp-${i}`, controlPlane: true });
  }
  for (let i = 1; i <= cluster.workers; i++) {
    nodes.push({ name: `${cluster.name}-worker-${i}`, controlPlane: false });
  }
  return nodes;
}

/**
 * The series of one cluster at time `t` (seconds): a list of { group, labels, value }. `group`
 * names the exporter, so that a scenario can drop a label from one exporter's series.
 */
function clusterSeries(cluster, problems, t) {
  const out = [];
  const add = (group, name, labels, value) =>
    out.push({ group, labels: { __name__: name, ...labels }, value });
  const seed = hash(cluster.name);
  const nodes = nodeNames(cluster);
  const notReady = new Set(
    nodes
      .filter(n => !n.controlPlane)
      .slice(0, problems.nodesNotReady ?? 0)
      .map(n => n.name),
  );

  // API server: one scrape target per control-plane node
  nodes
    .filter(n => n.controlPlane)
    .forEach((node, i) => {
      const instance = `${node.name}:6443`;
      const down = i < (problems.apiserversDown ?? 0);
      add('apiserver', 'up', { job: 'apiserver', instance }, down ? 0 : 1);
      add(
        'apiserver',
        'kubernetes_build_info',
        {
          job: 'apiserver',
          instance,
          git_version: `v${
            problems.kubernetesVersion ?? cluster.kubernetesVersion
          }`,
        },
        1,
      );
    });

  // kube-state-metrics: node conditions, cordons, restarts, volumes
  add(
    'kube-state-metrics',
    'up',
    { job: 'kube-state-metrics', instance: 'kube-state-metrics:8080' },
    1,
  );
  for (const node of nodes) {
    const ready = !notReady.has(node.name);
    for (const status of ['true', 'false', 'unknown']) {
      const value = status === (ready ? 'true' : 'unknown') ? 1 : 0;
      add(
        'kube-state-metrics',
        'kube_node_status_condition',
        {
          job: 'kube-state-metrics',
          node: node.name,
          condition: 'Ready',
          status,
        },
        value,
      );
    }
    for (const condition of ['MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      add(
        'kube-state-metrics',
        'kube_node_status_condition',
        {
          job: 'kube-state-metrics',
          node: node.name,
          condition,
          status: 'true',
        },
        0,
      );
    }
    add(
      'kube-state-metrics',
      'kube_node_spec_unschedulable',
      { job: 'kube-state-metrics', node: node.name },
      0,
    );
  }
  // A few restarts a day per cluster, more where the scenario says so: only two workloads restart,
  // each with its own phase, so that a healthy cluster never sees a burst of simultaneous restarts.
  const restartsPerHour = problems.restartsPerHour ?? 0.2 + seed * 0.5;
  const restarting = { 'payments-api': 0.6, worker: 0.4 };
  ['coredns', 'ingress', 'payments-api', 'worker', 'metrics-server'].forEach(
    (app, i) => {
      const share = restarting[app] ?? 0;
      const phase = hash(`${cluster.name}/${app}`);
      add(
        'kube-state-metrics',
        'kube_pod_container_status_restarts_total',
        {
          job: 'kube-state-metrics',
          namespace: i < 2 ? 'kube-system' : 'apps',
          pod: `${app}-${Math.floor(seed * 1e5)}`,
          container: app,
        },
        Math.floor(
          ((t - COUNTER_ORIGIN) / HOUR) * restartsPerHour * share + phase,
        ),
      );
    },
  );
  for (const phase of ['Available', 'Bound', 'Released', 'Failed', 'Pending']) {
    add(
      'kube-state-metrics',
      'kube_persistentvolume_status_phase',
      {
        job: 'kube-state-metrics',
        persistentvolume: `pv-${cluster.name}-data`,
        phase,
      },
      phase === 'Bound' ? 1 : 0,
    );
  }
  for (const phase of ['Bound', 'Lost', 'Pending']) {
    add(
      'kube-state-metrics',
      'kube_persistentvolumeclaim_status_phase',
      {
        job: 'kube-state-metrics',
        namespace: 'apps',
        persistentvolumeclaim: 'data',
        phase,
      },
      phase === 'Bound' ? 1 : 0,
    );
  }

  // cert-manager: expiry timestamps of the ingress and webhook certificates
  if (cluster.roles.certificates) {
    add(
      'cert-manager',
      'up',
      { job: 'cert-manager', instance: 'cert-manager:9402' },
      1,
    );
    const soonest =
      problems.certificateExpiresInDays !== undefined
        ? problems.certificateExpiresInDays * DAY
        : (40 + seed * 40) * DAY;
    // the expiry is fixed in time: days left shrink as time passes (anchored to the feeder's start)
    add(
      'cert-manager',
      'certmanager_certificate_expiration_timestamp_seconds',
      {
        job: 'cert-manager',
        name: 'ingress-tls',
        namespace: 'ingress',
        issuer_name: 'acme-prod',
        issuer_kind: 'ClusterIssuer',
      },
      problems.anchor + soonest,
    );
    add(
      'cert-manager',
      'certmanager_certificate_expiration_timestamp_seconds',
      {
        job: 'cert-manager',
        name: 'webhook-tls',
        namespace: 'cert-manager',
        issuer_name: 'selfsigned',
        issuer_kind: 'Issuer',
      },
      problems.anchor + 300 * DAY,
    );
  }

  // GitOps: Argo CD applications or Flux Kustomizations
  if (cluster.roles.gitops === 'argo-cd') {
    add(
      'argo-cd',
      'up',
      {
        job: 'argocd-application-controller',
        instance: 'argocd-application-controller:8082',
      },
      1,
    );
    const outOfSync = problems.argoAppsOutOfSync ?? 0;
    ['platform-base', 'monitoring', 'ingress', 'tenants'].forEach((app, i) => {
      add(
        'argo-cd',
        'argocd_app_info',
        {
          job: 'argocd-application-controller',
          name: app,
          namespace: 'argocd',
          project: 'platform',
          sync_status: i < outOfSync ? 'OutOfSync' : 'Synced',
          health_status: 'Healthy',
        },
        1,
      );
    });
  } else if (cluster.roles.gitops === 'flux') {
    add(
      'flux',
      'up',
      { job: 'flux-system', instance: 'kustomize-controller:8080' },
      1,
    );
    ['platform-base', 'tenants'].forEach(name => {
      for (const status of ['True', 'False', 'Unknown']) {
        add(
          'flux',
          'gotk_reconcile_condition',
          {
            job: 'flux-system',
            kind: 'Kustomization',
            name,
            namespace: 'flux-system',
            type: 'Ready',
            status,
          },
          status === 'True' ? 1 : 0,
        );
      }
    });
  }

  // admission: Gatekeeper audit or Kyverno policy results
  if (cluster.roles.admission === 'gatekeeper') {
    add(
      'gatekeeper',
      'up',
      {
        job: 'gatekeeper-controller-manager',
        instance: 'gatekeeper-audit:8888',
      },
      1,
    );
    add(
      'gatekeeper',
      'gatekeeper_violations',
      { job: 'gatekeeper-controller-manager', enforcement_action: 'deny' },
      problems.policyViolations ?? 0,
    );
  } else if (cluster.roles.admission === 'kyverno') {
    add(
      'kyverno',
      'up',
      {
        job: 'kyverno-admission-controller',
        instance: 'kyverno-svc-metrics:8000',
      },
      1,
    );
    add(
      'kyverno',
      'kyverno_policy_results_total',
      {
        job: 'kyverno-admission-controller',
        policy_name: 'require-labels',
        rule_result: 'pass',
      },
      Math.floor((t - COUNTER_ORIGIN) / 60),
    );
    add(
      'kyverno',
      'kyverno_policy_results_total',
      {
        job: 'kyverno-admission-controller',
        policy_name: 'require-labels',
        rule_result: 'fail',
      },
      Math.floor(
        ((t - COUNTER_ORIGIN) / HOUR) * (problems.policyViolations ?? 0),
      ),
    );
  }

  // Calico: Felix in each calico-node agent (prometheusMetricsEnabled, port 9091) counts the
  // dataplane updates that failed and are retried, and sees every Calico host of the cluster
  if (cluster.roles.cni === 'calico') {
    const failuresPerHour = problems.calicoDataplaneFailuresPerHour ?? 0;
    for (const node of nodes) {
      const instance = `${node.name}:9091`;
      add('calico', 'up', { job: 'calico-node', instance }, 1);
      add(
        'calico',
        'felix_int_dataplane_failures',
        { job: 'calico-node', instance },
        // only the first agent fails, so that the sum is the scenario's rate
        node === nodes[0]
          ? Math.floor(((t - COUNTER_ORIGIN) / HOUR) * failuresPerHour)
          : 0,
      );
      add(
        'calico',
        'felix_cluster_num_hosts',
        { job: 'calico-node', instance },
        nodes.length,
      );
    }
  }

  // Cilium agents, one per node
  if (cluster.roles.cni === 'cilium') {
    for (const node of nodes) {
      add(
        'cilium',
        'up',
        { job: 'cilium-agent', instance: `${node.name}:9962` },
        1,
      );
      add(
        'cilium',
        'cilium_unreachable_nodes',
        { job: 'cilium-agent', instance: `${node.name}:9962` },
        notReady.has(node.name) ? 0 : notReady.size,
      );
    }
  }

  // Velero: the nightly schedule succeeds in the early morning (UTC) unless the scenario holds it back
  if (cluster.roles.backup) {
    add('velero', 'up', { job: 'velero', instance: 'velero:8085' }, 1);
    const at = (1 + Math.floor(seed * 4)) * HOUR; // between 01:00 and 04:00
    const lastNightly = Math.floor((t - at) / DAY) * DAY + at;
    const last =
      problems.backupAgeHours !== undefined
        ? problems.anchor - problems.backupAgeHours * HOUR
        : lastNightly;
    add(
      'velero',
      'velero_backup_last_successful_timestamp',
      { job: 'velero', schedule: 'nightly' },
      Math.min(last, t),
    );
  }
  return out;
}

module.exports = { clusterSeries };

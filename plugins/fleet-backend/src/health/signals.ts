import { InputError } from '@backstage/errors';
import {
  SignalDefinition,
  SignalThresholds,
} from '@fleet-portal/plugin-fleet-common';
import { HealthConfig, MetricsSourceConfig } from './config';

/**
 * A default signal. Its query is a template: `$cluster` is the source's cluster label and
 * `$filter` a label matcher put in every selector — `cluster!=""` for the fleet, `cluster="x"` for one
 * cluster's history, so that the tab's range queries only touch that cluster's series.
 */
export type SignalTemplate = Omit<SignalDefinition, 'query' | 'source'> & {
  template: string;
  exporter: string;
};

// Each query yields one series per cluster, for the whole fleet, with one request.
export const DEFAULT_SIGNALS: readonly SignalTemplate[] = [
  {
    id: 'apiserver-availability',
    title: 'API server availability',
    description:
      'Share of API server scrape targets that are up. A scrape of the API server fails when it does not answer, which an error ratio of served requests cannot show (a dead API server serves none).',
    exporter: 'Prometheus scrape of the API server (`up{job="apiserver"}`)',
    unit: 'ratio',
    template: 'avg by ($cluster) (up{job="apiserver",$filter})',
    thresholds: { direction: 'below', warning: 0.99, critical: 0.5 },
  },
  {
    id: 'node-readiness',
    title: 'Node readiness',
    description: 'Share of nodes whose Ready condition is true.',
    exporter: 'kube-state-metrics (`kube_node_status_condition`)',
    unit: 'ratio',
    template:
      'avg by ($cluster) (kube_node_status_condition{condition="Ready",status="true",$filter})',
    thresholds: { direction: 'below', warning: 0.99, critical: 0.8 },
  },
  {
    id: 'node-pressure',
    title: 'Node pressure',
    description: 'Nodes under memory, disk or PID pressure.',
    exporter: 'kube-state-metrics (`kube_node_status_condition`)',
    unit: 'nodes',
    template:
      'sum by ($cluster) (kube_node_status_condition{condition=~"MemoryPressure|DiskPressure|PIDPressure",status="true",$filter})',
    thresholds: { direction: 'above', warning: 1, critical: 3 },
  },
  {
    id: 'unschedulable-nodes',
    title: 'Unschedulable nodes',
    description: 'Cordoned nodes (spec.unschedulable).',
    exporter: 'kube-state-metrics (`kube_node_spec_unschedulable`)',
    unit: 'nodes',
    template: 'sum by ($cluster) (kube_node_spec_unschedulable{$filter})',
    thresholds: { direction: 'above', warning: 1, critical: 3 },
  },
  {
    id: 'container-restarts',
    title: 'Container restarts',
    description: 'Container restarts over the last hour.',
    exporter: 'kube-state-metrics (`kube_pod_container_status_restarts_total`)',
    unit: 'restarts',
    template:
      'sum by ($cluster) (increase(kube_pod_container_status_restarts_total{$filter}[1h]))',
    thresholds: { direction: 'above', warning: 5, critical: 20 },
  },
  {
    id: 'volume-failures',
    title: 'Volume failures',
    description:
      'Persistent volumes in phase Failed and claims Lost or Pending; 0 when the cluster reports volumes and none fails.',
    exporter:
      'kube-state-metrics (`kube_persistentvolume_status_phase`, `kube_persistentvolumeclaim_status_phase`)',
    unit: 'volumes',
    template:
      'sum by ($cluster) (kube_persistentvolume_status_phase{phase="Failed",$filter} or kube_persistentvolumeclaim_status_phase{phase=~"Lost|Pending",$filter})',
    thresholds: { direction: 'above', warning: 1, critical: 3 },
  },
  {
    id: 'certificate-expiry',
    title: 'Certificate expiry',
    description: 'Days until the first cert-manager certificate expires.',
    exporter:
      'cert-manager (`certmanager_certificate_expiration_timestamp_seconds`)',
    unit: 'days',
    appliesTo: ['cert-manager'],
    role: 'certificates',
    template:
      'min by ($cluster) (certmanager_certificate_expiration_timestamp_seconds{$filter} - time()) / 86400',
    thresholds: { direction: 'below', warning: 14, critical: 7 },
  },
  {
    id: 'gitops-sync',
    title: 'GitOps sync and health',
    description:
      'Argo CD applications out of sync or degraded (not Healthy or Progressing) and Flux objects not Ready; 0 when the cluster reports GitOps objects and all are fine.',
    exporter: 'Argo CD (`argocd_app_info`), Flux (`gotk_reconcile_condition`)',
    unit: 'objects',
    appliesTo: ['argo-cd', 'flux'],
    role: 'gitops',
    template:
      'sum by ($cluster) (argocd_app_info{sync_status!="Synced",$filter} or argocd_app_info{health_status!~"Healthy|Progressing",$filter} or argocd_app_info{$filter} * 0 or gotk_reconcile_condition{type="Ready",status="False",$filter})',
    thresholds: { direction: 'above', warning: 1, critical: 5 },
  },
  {
    id: 'admission-controller',
    title: 'Admission controller',
    description: 'Share of Gatekeeper and Kyverno scrape targets that are up.',
    exporter: 'Prometheus scrape of Gatekeeper / Kyverno (`up`)',
    unit: 'ratio',
    appliesTo: ['gatekeeper', 'kyverno'],
    role: 'admission',
    template: 'avg by ($cluster) (up{job=~".*(gatekeeper|kyverno).*",$filter})',
    thresholds: { direction: 'below', warning: 0.99, critical: 0.5 },
  },
  {
    id: 'admission-violations',
    title: 'Policy violations',
    description:
      'Gatekeeper audit violations plus Kyverno rule failures over the last hour; 0 when an admission controller is scraped and reports none.',
    exporter:
      'Gatekeeper (`gatekeeper_violations`), Kyverno (`kyverno_policy_results_total`)',
    unit: 'violations',
    appliesTo: ['gatekeeper', 'kyverno'],
    role: 'admission',
    template:
      'sum by ($cluster) (gatekeeper_violations{$filter} or increase(kyverno_policy_results_total{rule_result="fail",$filter}[1h]) or up{job=~".*(gatekeeper|kyverno).*",$filter} * 0)',
    thresholds: { direction: 'above', warning: 1, critical: 25 },
  },
  {
    id: 'cni-health',
    title: 'CNI health (Cilium)',
    description:
      'Nodes a Cilium agent cannot reach (the worst agent of the cluster). Applies to clusters whose profile runs Cilium.',
    exporter: 'Cilium agent (`cilium_unreachable_nodes`)',
    unit: 'nodes',
    appliesTo: ['cilium'],
    role: 'cni',
    template: 'max by ($cluster) (cilium_unreachable_nodes{$filter})',
    thresholds: { direction: 'above', warning: 1, critical: 2 },
  },
  {
    id: 'cni-calico',
    title: 'CNI health (Calico)',
    description:
      "Calico dataplane update failures over the last hour, summed over the cluster's calico-node agents (Felix retries each one); 0 when Felix reports and none failed. Applies to clusters whose profile runs Calico.",
    exporter:
      'Calico Felix in calico-node (`felix_int_dataplane_failures`, `felix_cluster_num_hosts`)',
    unit: 'failures',
    appliesTo: ['calico'],
    role: 'cni',
    template:
      'sum by ($cluster) (increase(felix_int_dataplane_failures{$filter}[1h]) or felix_cluster_num_hosts{$filter} * 0)',
    thresholds: { direction: 'above', warning: 1, critical: 10 },
  },
  {
    id: 'backup-freshness',
    title: 'Backup freshness',
    description:
      'Hours since the last successful Velero backup of the stalest schedule.',
    exporter: 'Velero (`velero_backup_last_successful_timestamp`)',
    unit: 'hours',
    appliesTo: ['velero'],
    role: 'backup',
    template:
      'max by ($cluster) (time() - velero_backup_last_successful_timestamp{$filter}) / 3600',
    thresholds: { direction: 'above', warning: 26, critical: 50 },
  },
];

/** A signal as configured: the fleet-wide query and, when the query is a template, the per-cluster one. */
export type ResolvedSignal = SignalDefinition & {
  /** PromQL restricted to one cluster; undefined for a config query without `$filter`. */
  clusterQuery?: (cluster: string) => string;
  /** PromQL restricted to a set of clusters (a rollout wave); undefined like clusterQuery. */
  clustersQuery?: (clusters: readonly string[]) => string;
};

/** A PromQL string literal. */
export function promqlString(value: string): string {
  return JSON.stringify(value);
}

export function expandTemplate(
  template: string,
  clusterLabel: string,
  filter: string,
): string {
  return template
    .replace(/\$filter/g, filter)
    .replace(/\$cluster/g, clusterLabel);
}

function resolveQuery(template: string, source: MetricsSourceConfig) {
  const label = source.clusterLabel;
  return {
    query: expandTemplate(template, label, `${label}!=""`),
    clusterQuery: template.includes('$filter')
      ? (cluster: string) =>
          expandTemplate(template, label, `${label}=${promqlString(cluster)}`)
      : undefined,
    clustersQuery: template.includes('$filter')
      ? (clusters: readonly string[]) =>
          expandTemplate(
            template,
            label,
            `${label}=~${promqlString(clusters.map(escapeRegex).join('|'))}`,
          )
      : undefined,
  };
}

/** A literal inside a PromQL (RE2) regular expression. */
function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function checkThresholds(id: string, t: SignalThresholds) {
  if (t.warning === undefined && t.critical === undefined) {
    throw new InputError(
      `fleet.health.signals.${id}: set at least one of warning and critical`,
    );
  }
  if (t.warning !== undefined && t.critical !== undefined) {
    const ordered =
      t.direction === 'above'
        ? t.warning <= t.critical
        : t.warning >= t.critical;
    if (!ordered) {
      throw new InputError(
        `fleet.health.signals.${id}: warning ${t.warning} must come before critical ${t.critical} (direction ${t.direction})`,
      );
    }
  }
}

/** The enabled signals: the defaults with config overrides, and signals defined only in config. */
export function resolveSignals(config: HealthConfig): ResolvedSignal[] {
  const sources = new Map(config.sources.map(s => [s.name, s]));
  const defaultSource = config.sources[0];
  const defaults = new Map(DEFAULT_SIGNALS.map(s => [s.id, s]));
  const ids = [
    ...DEFAULT_SIGNALS.map(s => s.id),
    ...Object.keys(config.signals).filter(id => !defaults.has(id)),
  ];
  const signals: ResolvedSignal[] = [];
  for (const id of ids) {
    const base = defaults.get(id);
    const override = config.signals[id] ?? {};
    if (override.enabled === false) continue;
    if (!base && !override.query) {
      throw new InputError(
        `fleet.health.signals.${id}.query is required for a signal that is not a default`,
      );
    }
    const source = override.source
      ? sources.get(override.source)!
      : defaultSource;
    const thresholds: SignalThresholds = {
      direction: override.direction ?? base?.thresholds.direction ?? 'above',
      warning: override.warning ?? base?.thresholds.warning,
      critical: override.critical ?? base?.thresholds.critical,
    };
    checkThresholds(id, thresholds);
    const { query, clusterQuery, clustersQuery } = resolveQuery(
      override.query ?? base!.template,
      source,
    );
    // an empty list in config: the signal applies to every cluster
    const appliesTo = override.appliesTo ?? base?.appliesTo;
    const role = override.role ?? base?.role;
    signals.push({
      id,
      title: override.title ?? base?.title ?? id,
      description: base?.description ?? `Configured query: ${query}`,
      unit: override.unit ?? base?.unit ?? 'value',
      query,
      thresholds,
      source: source.name,
      ...(appliesTo?.length
        ? { appliesTo: appliesTo.map(name => name.toLocaleLowerCase('en-US')) }
        : {}),
      ...(appliesTo?.length && role ? { role } : {}),
      clusterQuery,
      clustersQuery,
    });
  }
  return signals;
}

/** The definition as the API shows it (without functions). */
export function signalDefinition(signal: ResolvedSignal): SignalDefinition {
  const {
    clusterQuery: _omit,
    clustersQuery: _omitToo,
    ...definition
  } = signal;
  return definition;
}

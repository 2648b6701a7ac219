'use strict';
// The fleet the feeder writes for and its series at given times, shared by the live feeder (feed.js)
// and the history it backfills before the store starts (history.js).
const { readClusters } = require('./fleet');
const { clusterSeries } = require('./series');

/** The clusters to feed: the platform repository's, plus the scenario's unregistered ones. */
function fleetOf(platformConfig, scenarioFile, scenario) {
  const clusters = readClusters(platformConfig);
  const known = new Set(clusters.map(c => c.name));
  for (const name of Object.keys(scenario.clusters ?? {})) {
    if (!known.has(name)) {
      throw new Error(
        `scenario ${scenarioFile}: clusters.${name} is not a cluster of ${platformConfig}`,
      );
    }
  }
  for (const extra of scenario.unregistered ?? []) {
    clusters.push({
      controlPlane: 3,
      workers: 4,
      platformVersion: 'unknown',
      kubernetesVersion: '1.31.4',
      roles: {
        certificates: 'cert-manager',
        gitops: 'argo-cd',
        admission: 'kyverno',
        cni: 'cilium',
        backup: 'velero',
      },
      ...extra,
    });
  }
  return clusters;
}

/** Every series of the fleet with one sample per time in `times` (seconds, ascending). */
function timeseries(clusters, scenario, anchor, times) {
  const byKey = new Map();
  for (const cluster of clusters) {
    const problems = { anchor, ...(scenario.clusters?.[cluster.name] ?? {}) };
    const dropSite = new Set(problems.missingSiteLabelOn ?? []);
    for (const t of times) {
      for (const s of clusterSeries(cluster, problems, t)) {
        const labels = {
          ...s.labels,
          cluster: cluster.name,
          environment: cluster.environment,
          platform_version: cluster.platformVersion,
          ...(dropSite.has(s.group) ? {} : { site: cluster.site }),
        };
        const key = JSON.stringify(labels);
        let entry = byKey.get(key);
        if (!entry) {
          entry = { labels, samples: [] };
          byKey.set(key, entry);
        }
        entry.samples.push({ value: s.value, timestamp: t * 1000 });
      }
    }
  }
  return [...byKey.values()];
}

module.exports = { fleetOf, timeseries };

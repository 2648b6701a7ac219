import { ClusterLifecycle } from '@fleet-portal/plugin-fleet-common';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { Registry } from 'prom-client';
import { governanceMetricFamilies } from './governanceMetrics';

function lifecycle(
  entityRef: string,
  fields: Partial<ClusterLifecycle>,
): ClusterLifecycle {
  return {
    entityRef,
    name: entityRef.split('/')[1],
    owner: 'group:default/team-payments',
    environment: 'production',
    status: 'ok',
    governed: true,
    findings: [],
    ...fields,
  } as ClusterLifecycle;
}

async function gauges(clusters: ClusterLifecycle[]) {
  const registry = new Registry();
  for (const family of governanceMetricFamilies(clusters)) {
    family(registry);
  }
  const parsed = parsePrometheusTextFormat(await registry.metrics());
  return (name: string) =>
    parsed
      .find(f => f.name === name)!
      .metrics.map(m => `${m.labels!.cluster} ${m.value}`);
}

describe('governanceMetricFamilies', () => {
  // The real cluster is overdue; a copy of the same name, owner and environment registered in
  // another namespace claims a fresh review date.
  const real = lifecycle('resource:default/prd-euw1-payments-01', {
    status: 'review-overdue',
  });
  const copy = lifecycle('resource:mallory/prd-euw1-payments-01', {
    governed: false,
    findings: [
      {
        code: 'ungoverned',
        severity: 'critical',
        message:
          'Not under fleet governance: it is not from the platform repository (the catalog records another origin for it).',
      },
    ],
  });

  it.each([
    ['after', [real, copy]],
    ['before', [copy, real]],
  ])(
    'lets the platform-repository cluster speak for its name, with the copy listed %s it',
    async (_, clusters) => {
      const values = await gauges(clusters);
      expect(values('fleet_cluster_review_overdue')).toEqual([
        'prd-euw1-payments-01 1',
      ]);
      expect(values('fleet_cluster_ungoverned')).toEqual([
        'prd-euw1-payments-01 0',
      ]);
    },
  );

  it('still counts every catalog cluster by status, the copy included', async () => {
    const registry = new Registry();
    for (const family of governanceMetricFamilies([real, copy])) {
      family(registry);
    }
    const totals = parsePrometheusTextFormat(await registry.metrics())
      .find(f => f.name === 'fleet_clusters')!
      .metrics.filter(m => Number(m.value) > 0)
      .map(m => `${m.labels!.status} ${m.value}`);
    expect(totals).toEqual(['review-overdue 1', 'ok 1']);
  });
});

import { mockCredentials } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import parsePrometheusTextFormat, {
  ParsedMetricFamily,
} from 'parse-prometheus-text-format';
import request from 'supertest';
import { fleet, profiles, TODAY } from '../__fixtures__/entities';
import { startFleetTestBackend } from '../__testUtils__/fleetTestBackend';

const PROMTOOL = '/usr/bin/promtool';

describe('GET /metrics', () => {
  let context: Awaited<ReturnType<typeof startFleetTestBackend>>;
  let res: request.Response;
  let text: string;
  let families: Map<string, ParsedMetricFamily>;

  beforeAll(async () => {
    context = await startFleetTestBackend({
      entities: [...fleet, ...profiles],
      today: TODAY,
    });
    res = await request(context.server)
      .get('/api/fleet/metrics')
      .set('Authorization', mockCredentials.service.header());
    text = res.text;
    families = new Map(parsePrometheusTextFormat(text).map(f => [f.name, f]));
  });
  afterAll(() => context.backend.stop());

  /** Cluster name → value of the per-cluster family. */
  function valuesOf(name: string): Record<string, number> {
    const family = families.get(name)!;
    expect(family.type).toBe('GAUGE');
    return Object.fromEntries(
      family.metrics.map(sample => [
        sample.labels!.cluster,
        Number(sample.value),
      ]),
    );
  }

  it('answers in the Prometheus text format', () => {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;/);
    expect(res.headers['content-type']).toContain('version=0.0.4');
  });

  it('reads the catalog as the plugin when a scraper (a service) calls', () => {
    expect(context.streamEntities).toHaveBeenCalledWith(expect.anything(), {
      credentials: mockCredentials.service('plugin:fleet'),
    });
  });

  it('exposes the governance and rollout gauge families, and only those', () => {
    expect([...families.keys()].sort()).toEqual([
      'fleet_cluster_cidr_conflicts',
      'fleet_cluster_profile_behind',
      'fleet_cluster_retired',
      'fleet_cluster_review_overdue',
      'fleet_cluster_ungoverned',
      'fleet_clusters',
      'fleet_rollout_clusters',
      'fleet_rollout_gate',
      'fleet_rollout_promotable',
    ]);
    for (const family of families.values()) {
      expect(family.help).not.toBe('');
    }
  });

  it('labels each cluster series with cluster, owner and environment', () => {
    const overdue = families.get('fleet_cluster_review_overdue')!;
    expect(overdue.metrics).toHaveLength(fleet.length);
    expect(overdue.metrics).toContainEqual({
      value: '1',
      labels: {
        cluster: 'stg-euw1-checkout-01',
        owner: 'group:default/team-checkout',
        environment: 'staging',
      },
    });
  });

  it('gives 0/1 per cluster and counts of CIDR conflicts', () => {
    const ones = (name: string) =>
      Object.entries(valuesOf(name))
        .filter(([, value]) => value > 0)
        .map(([cluster, value]) => `${cluster}=${value}`)
        .sort();
    expect(ones('fleet_cluster_review_overdue')).toEqual([
      'stg-euw1-checkout-01=1',
    ]);
    expect(ones('fleet_cluster_retired')).toEqual(['dev-euw1-legacy-01=1']);
    expect(ones('fleet_cluster_ungoverned')).toEqual(['edge-store-0042=1']);
    expect(ones('fleet_cluster_profile_behind')).toEqual([
      'dev-euw1-legacy-01=1',
      'stg-euw1-checkout-01=1',
    ]);
    expect(ones('fleet_cluster_cidr_conflicts')).toEqual([
      'prd-euw1-payments-01=1',
      'prd-use1-payments-01=1',
    ]);
    expect(valuesOf('fleet_cluster_retired')['prd-euw1-payments-01']).toBe(0);
  });

  it('totals clusters by status, including empty statuses', () => {
    const totals = Object.fromEntries(
      families
        .get('fleet_clusters')!
        .metrics.map(sample => [sample.labels!.status, Number(sample.value)]),
    );
    expect(totals).toEqual({
      retired: 1,
      'review-overdue': 1,
      'retiring-soon': 1,
      'review-due': 1,
      ok: 3,
      unknown: 1,
    });
  });

  (existsSync(PROMTOOL) ? describe : describe.skip)('with promtool', () => {
    it('passes promtool check metrics', () => {
      // promtool reads the exposition on stdin and exits non-zero on parse errors and lint problems.
      const output = execFileSync(PROMTOOL, ['check', 'metrics'], {
        input: text,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      expect(output).toBe('');
    });
  });

  it("reads the catalog with a user's own credentials when a user calls", async () => {
    context.streamEntities.mockClear();
    const userResponse = await request(context.server)
      .get('/api/fleet/metrics')
      .set('Authorization', mockCredentials.user.header('user:default/bob'));
    expect(userResponse.status).toBe(200);
    expect(context.streamEntities).toHaveBeenCalledWith(expect.anything(), {
      credentials: mockCredentials.user('user:default/bob'),
    });
  });
});

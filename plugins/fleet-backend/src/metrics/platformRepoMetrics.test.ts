import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import parsePrometheusTextFormat, {
  ParsedMetricFamily,
} from 'parse-prometheus-text-format';
import { statusList } from './__fixtures__/platformRepos';
import { renderExposition } from './exposition';
import { platformRepoMetricFamilies } from './platformRepoMetrics';

const PROMTOOL = '/usr/bin/promtool';

describe('platformRepoMetricFamilies', () => {
  let text: string;
  let families: Map<string, ParsedMetricFamily>;

  beforeAll(async () => {
    text = (
      await renderExposition(platformRepoMetricFamilies(statusList.items))
    ).body;
    families = new Map(parsePrometheusTextFormat(text).map(f => [f.name, f]));
  });

  /** `label=value …` → value of every series of a family. */
  function series(name: string): Record<string, number> {
    const family = families.get(name)!;
    expect(family.type).toBe('GAUGE');
    expect(family.help).not.toBe('');
    return Object.fromEntries(
      family.metrics.map(sample => [
        Object.entries(sample.labels ?? {})
          .map(([label, value]) => `${label}=${value}`)
          .join(' '),
        Number(sample.value),
      ]),
    );
  }

  it('exposes the platform-repository gauges', () => {
    expect([...families.keys()].sort()).toEqual([
      'fleet_platform_repo_entities',
      'fleet_platform_repo_info',
      'fleet_platform_repo_last_attempt_timestamp_seconds',
      'fleet_platform_repo_last_read_timestamp_seconds',
      'fleet_platform_repo_read_failing',
      'fleet_platform_repo_skipped_files',
    ]);
  });

  it('gives the facts of each provider that has them', () => {
    expect(series('fleet_platform_repo_skipped_files')).toEqual({
      'provider=demo': 2,
    });
    expect(series('fleet_platform_repo_last_read_timestamp_seconds')).toEqual({
      'provider=demo': Date.parse('2026-11-20T10:00:00.000Z') / 1000,
    });
    expect(
      series('fleet_platform_repo_last_attempt_timestamp_seconds'),
    ).toEqual({
      'provider=demo': Date.parse('2026-11-20T10:02:00.000Z') / 1000,
      'provider=edge': Date.parse('2026-11-20T10:01:00.000Z') / 1000,
    });
    expect(series('fleet_platform_repo_read_failing')).toEqual({
      'provider=demo': 1,
      'provider=edge': 1,
    });
    expect(series('fleet_platform_repo_entities')).toEqual({
      'provider=demo kind=profile': 4,
      'provider=demo kind=cluster': 12,
      'provider=demo kind=namespace': 30,
    });
    expect(series('fleet_platform_repo_info')).toEqual({
      [`provider=demo remote=https://***@git.example.com/platform-config.git branch=main commit=${'a'.repeat(
        40,
      )}`]: 1,
      'provider=edge remote=/srv/git/edge-platform.git branch=main commit=': 1,
    });
  });

  it('reports a good latest read as not failing', async () => {
    const [demo] = statusList.items;
    const { body } = await renderExposition(
      platformRepoMetricFamilies([{ ...demo, failure: undefined }]),
    );
    expect(body).toContain(
      'fleet_platform_repo_read_failing{provider="demo"} 0',
    );
  });

  (existsSync(PROMTOOL) ? describe : describe.skip)('with promtool', () => {
    it('passes promtool check metrics', () => {
      expect(
        execFileSync(PROMTOOL, ['check', 'metrics'], {
          input: text,
          encoding: 'utf8',
          stdio: ['pipe', 'pipe', 'pipe'],
        }),
      ).toBe('');
    });
  });
});

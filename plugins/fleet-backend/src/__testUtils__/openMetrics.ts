import { PushSeries } from './metricsServers';

function escape(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

/**
 * OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`: one `# TYPE` per family
 * (gauges: promtool needs no more), samples in time order, timestamps in seconds, a final `# EOF`.
 */
export function toOpenMetrics(series: readonly PushSeries[]): string {
  const families = new Map<string, PushSeries[]>();
  for (const s of series) {
    const list = families.get(s.labels.__name__) ?? [];
    list.push(s);
    families.set(s.labels.__name__, list);
  }
  const lines: string[] = [];
  for (const [name, list] of families) {
    lines.push(`# TYPE ${name} gauge`);
    for (const s of list) {
      const labels = Object.entries(s.labels)
        .filter(([key]) => key !== '__name__')
        .map(([key, value]) => `${key}="${escape(value)}"`)
        .join(',');
      for (const sample of [...s.samples].sort(
        (a, b) => a.timestamp - b.timestamp,
      )) {
        lines.push(
          `${name}{${labels}} ${sample.value} ${sample.timestamp / 1000}`,
        );
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

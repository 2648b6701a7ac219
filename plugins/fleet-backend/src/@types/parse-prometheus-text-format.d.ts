declare module 'parse-prometheus-text-format' {
  export type ParsedSample = {
    value: string;
    labels?: Record<string, string>;
  };
  export type ParsedMetricFamily = {
    name: string;
    help: string;
    type: 'GAUGE' | 'COUNTER' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    metrics: ParsedSample[];
  };
  export default function parsePrometheusTextFormat(
    text: string,
  ): ParsedMetricFamily[];
}

import { ClusterValues, MetricsRound } from './metricsRound';

// The cache service keeps JSON: Maps become entry lists, and sample values strings so that NaN and
// ±Inf survive (JSON would turn them into null, i.e. invent a value).

type Encoded<T> =
  | { ok: true; entries: Array<[string, T]>; warnings: string[] }
  | { ok: false; error: string };

export type EncodedRound = {
  time: string;
  /** Wall-clock milliseconds when the round was stored: instances reuse their copy until storedAt + ttl. */
  storedAt: number;
  sources: MetricsRound['sources'];
  signals: Array<[string, Encoded<{ value: string; time: number }>]>;
  freshness: Array<[string, Encoded<number>]>;
  labelContract?: Encoded<unknown>;
  kubernetesVersions?: Encoded<string[]>;
};

function encode<T, U>(
  values: ClusterValues<T>,
  map: (value: T) => U,
): Encoded<U> {
  if (!values.ok) return values;
  return {
    ok: true,
    warnings: values.warnings,
    entries: [...values.byCluster].map(([k, v]) => [k, map(v)]),
  };
}

function decode<T, U>(
  values: Encoded<T>,
  map: (value: T) => U,
): ClusterValues<U> {
  if (!values.ok) return values;
  return {
    ok: true,
    warnings: values.warnings,
    byCluster: new Map(values.entries.map(([k, v]) => [k, map(v)])),
  };
}

const same = <T>(value: T) => value;

export function encodeRound(
  round: MetricsRound,
  storedAt: number,
): EncodedRound {
  return {
    time: round.time.toISOString(),
    storedAt,
    sources: round.sources,
    signals: [...round.signals].map(([id, values]) => [
      id,
      encode(values, v => ({ value: String(v.value), time: v.time })),
    ]),
    freshness: [...round.freshness].map(([name, values]) => [
      name,
      encode(values, same),
    ]),
    ...(round.labelContract
      ? { labelContract: encode(round.labelContract, same) }
      : {}),
    ...(round.kubernetesVersions
      ? { kubernetesVersions: encode(round.kubernetesVersions, same) }
      : {}),
  };
}

export function decodeRound(encoded: EncodedRound): MetricsRound {
  return {
    time: new Date(encoded.time),
    sources: encoded.sources,
    signals: new Map(
      encoded.signals.map(([id, values]) => [
        id,
        decode(values, v => ({ value: Number(v.value), time: v.time })),
      ]),
    ),
    freshness: new Map(
      encoded.freshness.map(([name, values]) => [name, decode(values, same)]),
    ),
    labelContract: encoded.labelContract
      ? (decode(encoded.labelContract, same) as MetricsRound['labelContract'])
      : undefined,
    kubernetesVersions: encoded.kubernetesVersions
      ? decode(encoded.kubernetesVersions, same)
      : undefined,
  };
}

import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ThresholdDirection } from '@fleet-portal/plugin-fleet-common';

export const SOURCE_TYPES = [
  'prometheus',
  'thanos',
  'mimir',
  'victoriametrics',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** One Prometheus-compatible HTTP API, as configured under `fleet.health.sources`. */
export type MetricsSourceConfig = {
  name: string;
  type: SourceType;
  /** Base URL; for Mimir including its prefix, e.g. `http://mimir:8080/prometheus`. */
  url: string;
  /** Mimir tenant, sent as `X-Scope-OrgID`. */
  tenant?: string;
  /** Thanos Querier `partial_response` (default false: a store that fails fails the query). */
  partialResponse?: boolean;
  /** Thanos Querier `dedup` (default true). */
  dedup?: boolean;
  auth?:
    | { type: 'bearer'; token: string }
    | { type: 'basic'; username: string; password: string };
  tls?: {
    ca?: string;
    cert?: string;
    key?: string;
    insecureSkipVerify?: boolean;
  };
  timeoutMs: number;
  clusterLabel: string;
};

/** A signal's overrides from `fleet.health.signals.<id>`. */
export type SignalOverride = {
  enabled?: boolean;
  query?: string;
  warning?: number;
  critical?: number;
  direction?: ThresholdDirection;
  source?: string;
  title?: string;
  unit?: string;
  /** Profile component names the signal applies to; `[]` for every cluster. */
  appliesTo?: string[];
  /** The component role (e.g. `cni`) shared by signals that are alternatives to each other. */
  role?: string;
};

export type HealthConfig = {
  sources: MetricsSourceConfig[];
  signals: Record<string, SignalOverride>;
  cacheSeconds: number;
  /** A cluster whose newest sample is older than this is stale: every verdict unknown. */
  maxSampleAgeSeconds: number;
  history: { rangeSeconds: number; maxPoints: number };
  labelContract: {
    enabled: boolean;
    requiredLabels: string[];
    source: string;
    /** Count only this metric's series (e.g. `up`); all series when absent. */
    metric?: string;
  };
  versions: { enabled: boolean; source: string };
};

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_REQUIRED_LABELS = [
  'cluster',
  'environment',
  'site',
  'platform_version',
];

/** `fleet.health`, or undefined when no source is configured (the health API then answers 503-free empty). */
export function readHealthConfig(root: Config): HealthConfig | undefined {
  const health = root.getOptionalConfig('fleet.health');
  if (!health || !health.has('sources')) {
    return undefined;
  }
  const sources = health
    .getConfigArray('sources')
    .map((source, index) =>
      readSource(source, `fleet.health.sources[${index}]`),
    );
  const names = new Set<string>();
  for (const source of sources) {
    if (names.has(source.name)) {
      throw new InputError(
        `fleet.health.sources: the name "${source.name}" is used twice`,
      );
    }
    names.add(source.name);
  }
  if (sources.length === 0) {
    throw new InputError('fleet.health.sources: configure at least one source');
  }
  const defaultSource = sources[0].name;
  const checkSource = (key: string, name: string | undefined) => {
    if (name !== undefined && !names.has(name)) {
      throw new InputError(
        `${key}: no metrics source named "${name}" in fleet.health.sources`,
      );
    }
    return name ?? defaultSource;
  };

  const signals: Record<string, SignalOverride> = {};
  const signalsConfig = health.getOptionalConfig('signals');
  for (const id of signalsConfig?.keys() ?? []) {
    const s = signalsConfig!.getConfig(id);
    const key = `fleet.health.signals.${id}`;
    const direction = s.getOptionalString('direction');
    if (
      direction !== undefined &&
      direction !== 'above' &&
      direction !== 'below'
    ) {
      throw new InputError(`${key}.direction must be "above" or "below"`);
    }
    signals[id] = {
      enabled: s.getOptionalBoolean('enabled'),
      query: s.getOptionalString('query'),
      warning: s.getOptionalNumber('warning'),
      critical: s.getOptionalNumber('critical'),
      direction: direction as ThresholdDirection | undefined,
      source: s.has('source')
        ? checkSource(`${key}.source`, s.getString('source'))
        : undefined,
      title: s.getOptionalString('title'),
      unit: s.getOptionalString('unit'),
      appliesTo: s.getOptionalStringArray('appliesTo'),
      role: s.getOptionalString('role'),
    };
  }

  return {
    sources,
    signals,
    cacheSeconds: nonNegative(health, 'cacheSeconds', 30),
    maxSampleAgeSeconds: positive(health, 'maxSampleAgeSeconds', 600),
    history: {
      rangeSeconds: durationSeconds(
        health.getOptionalString('history.range') ?? '6h',
        'fleet.health.history.range',
      ),
      maxPoints: positive(health, 'history.maxPoints', 120),
    },
    labelContract: {
      enabled: health.getOptionalBoolean('labelContract.enabled') ?? true,
      requiredLabels:
        health.getOptionalStringArray('labelContract.requiredLabels') ??
        DEFAULT_REQUIRED_LABELS,
      source: checkSource(
        'fleet.health.labelContract.source',
        health.getOptionalString('labelContract.source'),
      ),
      metric: optionalMetricName(
        health.getOptionalString('labelContract.metric'),
      ),
    },
    versions: {
      enabled: health.getOptionalBoolean('versions.enabled') ?? true,
      source: checkSource(
        'fleet.health.versions.source',
        health.getOptionalString('versions.source'),
      ),
    },
  };
}

function readSource(c: Config, key: string): MetricsSourceConfig {
  const name = c.getString('name');
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    throw new InputError(
      `${key}.name "${name}" may only contain letters, digits, ".", "_" and "-"`,
    );
  }
  const type = c.getString('type');
  if (!(SOURCE_TYPES as readonly string[]).includes(type)) {
    throw new InputError(
      `${key}.type "${type}" is not one of ${SOURCE_TYPES.join(', ')}`,
    );
  }
  const url = c.getString('url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`${key}.url "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError(`${key}.url must be http or https`);
  }
  const tenant = c.getOptionalString('tenant');
  if (type === 'mimir' && !tenant) {
    throw new InputError(`${key}.tenant is required for a mimir source`);
  }
  const token = c.getOptionalString('auth.token');
  const username = c.getOptionalString('auth.username');
  const password = c.getOptionalString('auth.password');
  if (token && (username || password)) {
    throw new InputError(
      `${key}.auth: set either token or username and password, not both`,
    );
  }
  if ((username === undefined) !== (password === undefined)) {
    throw new InputError(`${key}.auth: username and password go together`);
  }
  const cert = c.getOptionalString('tls.cert');
  const tlsKey = c.getOptionalString('tls.key');
  if ((cert === undefined) !== (tlsKey === undefined)) {
    throw new InputError(`${key}.tls: cert and key go together`);
  }
  const clusterLabel = c.getOptionalString('clusterLabel') ?? 'cluster';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(clusterLabel)) {
    throw new InputError(
      `${key}.clusterLabel "${clusterLabel}" is not a Prometheus label name`,
    );
  }
  const timeoutSeconds = c.getOptionalNumber('timeoutSeconds');
  if (timeoutSeconds !== undefined && !(timeoutSeconds > 0)) {
    throw new InputError(`${key}.timeoutSeconds must be positive`);
  }
  return {
    name,
    type: type as SourceType,
    url: url.replace(/\/+$/, ''),
    tenant,
    partialResponse: c.getOptionalBoolean('partialResponse'),
    dedup: c.getOptionalBoolean('dedup'),
    auth: readAuth(token, username, password),
    tls: c.has('tls')
      ? {
          ca: c.getOptionalString('tls.ca'),
          cert,
          key: tlsKey,
          insecureSkipVerify: c.getOptionalBoolean('tls.insecureSkipVerify'),
        }
      : undefined,
    timeoutMs:
      timeoutSeconds !== undefined
        ? Math.round(timeoutSeconds * 1000)
        : DEFAULT_TIMEOUT_MS,
    clusterLabel,
  };
}

function readAuth(
  token?: string,
  username?: string,
  password?: string,
): MetricsSourceConfig['auth'] {
  if (token) return { type: 'bearer', token };
  if (username !== undefined) {
    return { type: 'basic', username, password: password! };
  }
  return undefined;
}

function optionalMetricName(name: string | undefined): string | undefined {
  if (name !== undefined && !/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name)) {
    throw new InputError(
      `fleet.health.labelContract.metric "${name}" is not a metric name`,
    );
  }
  return name;
}

function nonNegative(c: Config, key: string, fallback: number): number {
  const value = c.getOptionalNumber(key) ?? fallback;
  if (!(value >= 0)) {
    throw new InputError(`fleet.health.${key} must be 0 or more`);
  }
  return value;
}

function positive(c: Config, key: string, fallback: number): number {
  const value = c.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) {
    throw new InputError(`fleet.health.${key} must be positive`);
  }
  return value;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `90s`, `30m`, `6h`, `2d` → seconds. */
export function durationSeconds(value: string, key: string): number {
  const match = /^(\d+)([smhd])$/.exec(value);
  if (!match || Number(match[1]) === 0) {
    throw new InputError(
      `${key} "${value}" is not a duration such as 30m, 6h or 2d`,
    );
  }
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  readCredentialUrl,
  readMaxResponseBytes,
  readOwnerRef,
  readPositiveDurationMs,
  readSourceLimits,
} from '@fleet-portal/plugin-fleet-node';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ArgoCdApiConnection,
  DEFAULT_ARGOCD_MAX_RESPONSE_BYTES,
} from './client/ArgoCdApiClient';
import type { ManagementClusterConnection } from './client/kubeConfig';
import { DEFAULT_LABEL_MAPPING, LabelMapping } from './sources/labelMapping';

export const CONFIG_KEY = 'catalog.providers.fleetKubernetes';

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
};
const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_ARGOCD_NAMESPACE = 'argocd';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Options every kind of source has. */
export type SourceConfig = {
  labels: LabelMapping;
  linkTemplate?: string;
};

/** One management cluster and the sources read from it. */
export type FleetKubernetesProviderConfig = {
  id: string;
  connection: ManagementClusterConnection;
  defaultOwner: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  pageSize: number;
  /** Pages one list may take. */
  maxPages: number;
  /** Bytes one list page may have. */
  maxResponseBytes: number;
  timeoutMs: number;
  sources: {
    openClusterManagement?: SourceConfig;
    clusterApi?: SourceConfig & { namespaces?: string[] };
    argocd?: SourceConfig & { namespace: string; api?: ArgoCdApiConnection };
  };
};

/** Reads `catalog.providers.fleetKubernetes`, a map of management-cluster id to its config. */
export function readFleetKubernetesConfigs(
  config: Config,
): FleetKubernetesProviderConfig[] {
  const providers = config.getOptionalConfig(CONFIG_KEY);
  if (!providers) {
    return [];
  }
  return providers
    .keys()
    .map(id => readProviderConfig(id, providers.getConfig(id)));
}

function readProviderConfig(
  id: string,
  config: Config,
): FleetKubernetesProviderConfig {
  const at = (field: string) => `${CONFIG_KEY}.${id}.${field}`;
  // The id becomes part of catalog namespaces such as `open-cluster-management-<id>`.
  if (!/^[a-z0-9][a-z0-9-]{0,30}$/.test(id)) {
    throw new InputError(
      `${CONFIG_KEY}.${id}: the management cluster id must be lower-case letters, digits and dashes (at most 31)`,
    );
  }
  const pageSize = config.getOptionalNumber('pageSize') ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) {
    throw new InputError(
      `${at('pageSize')}: must be an integer from 1 to 10000`,
    );
  }
  const labels = readLabels(
    config,
    'labels',
    at('labels'),
    DEFAULT_LABEL_MAPPING,
  );
  const sources = readSources(config, at, labels);
  return {
    id,
    connection: readConnection(config, at),
    defaultOwner: readOwnerRef(
      at('defaultOwner'),
      config.getString('defaultOwner'),
    ),
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    pageSize,
    ...readSourceLimits(config, at),
    timeoutMs: config.has('timeout')
      ? readPositiveDurationMs(config, 'timeout', at('timeout'))
      : DEFAULT_TIMEOUT_MS,
    sources,
  };
}

function readConnection(
  config: Config,
  at: (field: string) => string,
): ManagementClusterConnection {
  const { url, allowInsecureHttp } = readCredentialUrl(
    config,
    'cluster.url',
    at,
    'token',
  );
  const skipTLSVerify =
    config.getOptionalBoolean('cluster.skipTLSVerify') ?? false;
  const token = config.getString('cluster.token');
  if (token.trim() === '') {
    throw new InputError(`${at('cluster.token')}: must not be empty`);
  }
  const caData = config.getOptionalString('cluster.caData')?.trim();
  if (caData !== undefined) {
    const pem = Buffer.from(caData, 'base64').toString('utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new InputError(
        `${at(
          'cluster.caData',
        )}: must be a base64-encoded PEM certificate bundle (a kubeconfig's certificate-authority-data)`,
      );
    }
  }
  return { url, caData, skipTLSVerify, token, allowInsecureHttp };
}

function readArgoCdApi(
  config: Config,
  at: (field: string) => string,
): ArgoCdApiConnection {
  const { url, allowInsecureHttp } = readCredentialUrl(
    config,
    'url',
    at,
    'token',
  );
  const token = config.getString('token');
  if (token.trim() === '') {
    throw new InputError(`${at('token')}: must not be empty`);
  }
  const caData = config.getOptionalString('caData')?.trim();
  if (caData !== undefined) {
    checkCaData(caData, at('caData'));
  }
  return {
    url,
    token,
    caData,
    skipTLSVerify: config.getOptionalBoolean('skipTLSVerify') ?? false,
    allowInsecureHttp,
    maxResponseBytes: readMaxResponseBytes(
      config,
      'maxResponseBytes',
      at,
      DEFAULT_ARGOCD_MAX_RESPONSE_BYTES,
    ),
    maxResponseBytesSetting: at('maxResponseBytes'),
  };
}

function checkCaData(caData: string, field: string): void {
  const pem = Buffer.from(caData, 'base64').toString('utf8');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new InputError(
      `${field}: must be a base64-encoded PEM certificate bundle (a kubeconfig's certificate-authority-data)`,
    );
  }
}

function readSources(
  config: Config,
  at: (field: string) => string,
  labels: LabelMapping,
): FleetKubernetesProviderConfig['sources'] {
  const sources: FleetKubernetesProviderConfig['sources'] = {};
  const ocm = readSource(config, 'openClusterManagement', at, labels);
  if (ocm) {
    sources.openClusterManagement = ocm.source;
  }
  const capi = readSource(config, 'clusterApi', at, labels);
  if (capi) {
    const namespaces = capi.config?.getOptionalStringArray('namespaces');
    for (const namespace of namespaces ?? []) {
      if (!DNS_LABEL.test(namespace)) {
        throw new InputError(
          `${at(
            'sources.clusterApi.namespaces',
          )}: "${namespace}" is not a namespace name`,
        );
      }
    }
    sources.clusterApi = { ...capi.source, namespaces };
  }
  const argocd = readSource(config, 'argocd', at, labels);
  if (argocd) {
    const namespace =
      argocd.config?.getOptionalString('namespace') ?? DEFAULT_ARGOCD_NAMESPACE;
    if (!DNS_LABEL.test(namespace)) {
      throw new InputError(
        `${at(
          'sources.argocd.namespace',
        )}: "${namespace}" is not a namespace name`,
      );
    }
    const api = argocd.config?.getOptionalConfig('api');
    sources.argocd = {
      ...argocd.source,
      namespace,
      ...(api
        ? {
            api: readArgoCdApi(api, field => at(`sources.argocd.api.${field}`)),
          }
        : {}),
    };
  }
  if (
    !sources.openClusterManagement &&
    !sources.clusterApi &&
    !sources.argocd
  ) {
    throw new InputError(
      `${at(
        'sources',
      )}: enable at least one of openClusterManagement, clusterApi, argocd`,
    );
  }
  return sources;
}

/** A source is enabled by `true` or by an object of options; absent or `false` disables it. */
function readSource(
  config: Config,
  key: string,
  at: (field: string) => string,
  labels: LabelMapping,
): { source: SourceConfig; config?: Config } | undefined {
  const path = `sources.${key}`;
  const value = config.getOptional(path);
  if (value === undefined || value === false) {
    return undefined;
  }
  if (value === true) {
    return { source: { labels } };
  }
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    throw new InputError(
      `${at(path)}: must be true, false or an object of options`,
    );
  }
  const sourceConfig = config.getConfig(path);
  return {
    config: sourceConfig,
    source: {
      labels: readLabels(sourceConfig, 'labels', at(`${path}.labels`), labels),
      linkTemplate: readLinkTemplate(sourceConfig, at(`${path}.linkTemplate`)),
    },
  };
}

function readLabels(
  config: Config,
  key: string,
  field: string,
  defaults: LabelMapping,
): LabelMapping {
  const labels = config.getOptionalConfig(key);
  if (!labels) {
    return defaults;
  }
  const mapping: LabelMapping = { ...defaults };
  for (const name of labels.keys()) {
    if (name !== 'environment' && name !== 'region' && name !== 'owner') {
      throw new InputError(
        `${field}.${name}: only environment, region and owner can be mapped from labels`,
      );
    }
    const labelKey = labels.getString(name).trim();
    if (labelKey === '') {
      throw new InputError(`${field}.${name}: must name a label`);
    }
    mapping[name] = labelKey;
  }
  return mapping;
}

function readLinkTemplate(config: Config, field: string): string | undefined {
  const template = config.getOptionalString('linkTemplate');
  if (template === undefined) {
    return undefined;
  }
  const unknown = [...template.matchAll(/\{(\w+)\}/g)]
    .map(match => match[1])
    .filter(
      name => !['name', 'namespace', 'uid', 'server', 'version'].includes(name),
    );
  if (unknown.length > 0 || !/^https?:\/\//.test(template)) {
    throw new InputError(
      `${field}: must be an http(s) URL with placeholders among {name}, {namespace}, {uid}, {server}, {version}${
        unknown.length ? ` (unknown: {${unknown.join('}, {')}})` : ''
      }`,
    );
  }
  return template;
}

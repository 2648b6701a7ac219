import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  readCredentialUrl,
  readOwnerRef,
  readPositiveDurationMs,
  readSourceLimits,
} from '@fleet-portal/plugin-fleet-node';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { compileMappingRules, MappingRule } from './mappingRules';

export const CONFIG_KEY = 'catalog.providers.fleetPortainer';

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
};
const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_TIMEOUT_MS = 30_000;

export type PortainerProviderConfig = {
  id: string;
  /** Without a trailing slash; https unless `allowInsecureHttp`. */
  baseUrl: string;
  apiKey: string;
  /** Whether `baseUrl` may be plain http, sending the key unencrypted (test servers). */
  allowInsecureHttp: boolean;
  defaultOwner: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  pageSize: number;
  /** Pages of /api/endpoints one run may read. */
  maxPages: number;
  /** Bytes one answer may have. */
  maxResponseBytes: number;
  timeoutMs: number;
  /** Undefined: Portainer's rule, twice the check-in interval plus 20 s. */
  edgeCheckinMaxAgeSeconds?: number;
  mapping: MappingRule[];
};

/** Reads `catalog.providers.fleetPortainer`, a map of instance id to its config. */
export function readPortainerConfigs(
  config: Config,
): PortainerProviderConfig[] {
  const providers = config.getOptionalConfig(CONFIG_KEY);
  if (!providers) {
    return [];
  }
  return providers
    .keys()
    .map(id => readPortainerConfig(id, providers.getConfig(id)));
}

function readPortainerConfig(
  id: string,
  config: Config,
): PortainerProviderConfig {
  const at = (field: string) => `${CONFIG_KEY}.${id}.${field}`;
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/i.test(id)) {
    throw new InputError(
      `${CONFIG_KEY}.${id}: the instance id must be letters, digits and dashes (at most 41)`,
    );
  }
  const { url: baseUrl, allowInsecureHttp } = readCredentialUrl(
    config,
    'baseUrl',
    at,
    'apiKey',
  );
  const apiKey = config.getString('apiKey');
  if (apiKey.trim() === '') {
    throw new InputError(`${at('apiKey')}: must not be empty`);
  }
  const pageSize = config.getOptionalNumber('pageSize') ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) {
    throw new InputError(
      `${at('pageSize')}: must be an integer from 1 to 10000`,
    );
  }
  return {
    id,
    baseUrl,
    apiKey,
    allowInsecureHttp,
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
    edgeCheckinMaxAgeSeconds: config.has('edgeCheckinMaxAge')
      ? readPositiveDurationMs(
          config,
          'edgeCheckinMaxAge',
          at('edgeCheckinMaxAge'),
        ) / 1000
      : undefined,
    mapping: compileMappingRules(
      config.getOptionalConfigArray('mapping') ?? [],
      at('mapping'),
    ),
  };
}

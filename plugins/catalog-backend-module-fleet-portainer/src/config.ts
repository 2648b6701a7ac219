import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  readOwnerRef,
  readPositiveDurationMs,
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
  /** Without a trailing slash. */
  baseUrl: string;
  apiKey: string;
  defaultOwner: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  pageSize: number;
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
  const baseUrl = config.getString('baseUrl').replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new InputError(`${at('baseUrl')}: "${baseUrl}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`${at('baseUrl')}: must be an http(s) URL`);
  }
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

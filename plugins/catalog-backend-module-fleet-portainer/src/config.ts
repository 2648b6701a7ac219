import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
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
    defaultOwner: readOwner(
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
      ? readMilliseconds(config, 'timeout', at('timeout'))
      : DEFAULT_TIMEOUT_MS,
    edgeCheckinMaxAgeSeconds: config.has('edgeCheckinMaxAge')
      ? readMilliseconds(config, 'edgeCheckinMaxAge', at('edgeCheckinMaxAge')) /
        1000
      : undefined,
    mapping: compileMappingRules(
      config.getOptionalConfigArray('mapping') ?? [],
      at('mapping'),
    ),
  };
}

function readOwner(field: string, owner: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(`${field}: "${owner}" is not an entity reference`);
  }
}

const MS: Record<string, number> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

function readMilliseconds(config: Config, key: string, field: string): number {
  let duration: Record<string, number | undefined>;
  try {
    duration = readDurationFromConfig(config, { key }) as Record<
      string,
      number | undefined
    >;
  } catch (error) {
    throw new InputError(`${field}: ${(error as Error).message}`);
  }
  let ms = 0;
  for (const [unit, value] of Object.entries(duration)) {
    if (value === undefined) {
      continue;
    }
    if (!(unit in MS)) {
      throw new InputError(`${field}: ${unit} are not supported here`);
    }
    ms += value * MS[unit];
  }
  if (!(ms > 0)) {
    throw new InputError(`${field}: must be longer than zero`);
  }
  return ms;
}

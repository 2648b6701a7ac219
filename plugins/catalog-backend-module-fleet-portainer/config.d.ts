import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/** An ISO 8601 duration (`PT30S`) or an object such as `{ seconds: 30 }`. */
type Duration =
  | string
  | {
      milliseconds?: number;
      seconds?: number;
      minutes?: number;
      hours?: number;
      days?: number;
    };

/** A rule mapping an environment's tags or group to catalog fields. */
interface FleetPortainerMappingRule {
  /**
   * Regular expression that must match a whole tag name of the environment (its own
   * tags and its group's), e.g. `env:prod` or `region:(.+)`. Give `tag` or `group`.
   */
  tag?: string;
  /** Regular expression that must match the whole name of the environment's group. */
  group?: string;
  /** environment to set: production, staging, development, test or edge; `$1`... are the match's groups. */
  environment?: string;
  /** region to set, e.g. `$1`. */
  region?: string;
  /** owner to set, an entity reference (default kind group), e.g. `group:default/$1`. */
  owner?: string;
}

/** One Portainer instance to read environments from. */
interface FleetPortainerProviderConfig {
  /**
   * Portainer's base URL, e.g. https://portainer.example.com (the UI's address; the API
   * is under /api). Must be https: a plain http URL is refused at startup unless
   * `allowInsecureHttp` is true.
   */
  baseUrl: string;
  /**
   * Accept a plain `http://` baseUrl, sending the apiKey unencrypted. Only for test
   * servers on a trusted network (the e2e and test fakes set it).
   * @defaultValue false
   */
  allowInsecureHttp?: boolean;
  /**
   * A Portainer access token, sent as the X-API-KEY header. Read-only access to the
   * environments, groups and tags is enough.
   * @visibility secret
   */
  apiKey: string;
  /** Owner of the clusters only Portainer knows, e.g. group:default/platform-team. */
  defaultOwner: string;
  /**
   * How often to read Portainer.
   * @defaultValue frequency every 5 minutes, timeout 3 minutes
   */
  schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
  /**
   * Environments per request to /api/endpoints.
   * @defaultValue 100
   */
  pageSize?: number;
  /**
   * Most pages of /api/endpoints one run reads. A run that would need more — more
   * announced in X-Total-Count, or pages that never run out — fails and changes
   * nothing, as does a page repeating an earlier page's environments.
   * @defaultValue 1000 (100,000 environments at the default pageSize)
   */
  maxPages?: number;
  /**
   * Most bytes one answer may have (each page, the groups, the tags). A larger answer
   * is stopped at the limit (or refused on its Content-Length) and fails the run.
   * @defaultValue 16777216 (16 MiB)
   */
  maxResponseBytes?: number;
  /**
   * How long one request may take.
   * @defaultValue 30 seconds
   */
  timeout?: Duration;
  /**
   * How old an edge agent's last check-in may be for the environment to count as
   * connected. By default Portainer's own heartbeat rule: twice the check-in interval
   * plus 20 seconds.
   */
  edgeCheckinMaxAge?: Duration;
  /**
   * Rules that set environment, region and owner of clusters only Portainer knows. For
   * each field the first matching rule that sets it wins.
   */
  mapping?: FleetPortainerMappingRule[];
}

export interface Config {
  catalog?: {
    providers?: {
      /** Portainer instances by id; the id names the instance in entities, links and logs. */
      fleetPortainer?: {
        [id: string]: FleetPortainerProviderConfig;
      };
    };
  };
}

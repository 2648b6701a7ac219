/**
 * The parts of Portainer's API answers this module reads (portainer.Endpoint,
 * EndpointGroup, Tag), and checks that an answer has the documented shape. A wrong
 * shape fails the whole run: a half-understood answer must not delete anything.
 */

/** EndpointType: 5 KubernetesLocal, 6 AgentOnKubernetes, 7 EdgeAgentOnKubernetes. */
export const KUBERNETES_ENDPOINT_TYPES = [5, 6, 7] as const;
/** Edge agents check in instead of being polled: 4 EdgeAgentOnDocker, 7 EdgeAgentOnKubernetes. */
export const EDGE_ENDPOINT_TYPES = [4, 7] as const;

export type PortainerEndpoint = {
  Id: number;
  Name: string;
  Type: number;
  GroupId?: number;
  TagIds?: number[];
  /** 1 up, 2 down. */
  Status?: number;
  EdgeID?: string;
  /** Seconds; the list handler fills 0 with the global setting. */
  EdgeCheckinInterval?: number;
  /** Unix seconds. */
  LastCheckInDate?: number;
  /** Unix seconds, the server's time of the answer. */
  QueryDate?: number;
  Heartbeat?: boolean;
  Edge?: { AsyncMode?: boolean; PingInterval?: number };
  Agent?: { Version?: string };
  Kubernetes?: {
    Snapshots?: Array<{ Time?: number; KubernetesVersion?: string }>;
  };
};

export type PortainerEndpointGroup = {
  Id: number;
  Name: string;
  TagIds?: number[];
};
export type PortainerTag = { ID: number; Name: string };

/** Thrown when an answer is not the documented shape; names the first bad field. */
export class PortainerShapeError extends Error {
  name = 'PortainerShapeError';
}

type Check = (value: unknown, at: string) => void;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function expectType(value: unknown, type: 'number' | 'string', at: string) {
  if (typeof value !== type) {
    throw new PortainerShapeError(
      `${at} is ${describe(value)}, expected a ${type}`,
    );
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function optional(check: Check): Check {
  return (value, at) => {
    if (value !== undefined && value !== null) {
      check(value, at);
    }
  };
}

const number: Check = (value, at) => expectType(value, 'number', at);
const string: Check = (value, at) => expectType(value, 'string', at);
const numbers: Check = (value, at) => {
  if (!Array.isArray(value)) {
    throw new PortainerShapeError(
      `${at} is ${describe(value)}, expected an array`,
    );
  }
  value.forEach((item, i) => number(item, `${at}[${i}]`));
};
const object =
  (fields: Record<string, Check>): Check =>
  (value, at) => {
    if (!isObject(value)) {
      throw new PortainerShapeError(
        `${at} is ${describe(value)}, expected an object`,
      );
    }
    for (const [field, check] of Object.entries(fields)) {
      check(value[field], `${at}.${field}`);
    }
  };

const endpointCheck = object({
  Id: number,
  Name: string,
  Type: number,
  GroupId: optional(number),
  TagIds: optional(numbers),
  Status: optional(number),
  EdgeCheckinInterval: optional(number),
  LastCheckInDate: optional(number),
  QueryDate: optional(number),
  Edge: optional(object({ PingInterval: optional(number) })),
  Agent: optional(object({ Version: optional(string) })),
  Kubernetes: optional(
    object({
      Snapshots: optional((value, at) => {
        if (!Array.isArray(value)) {
          throw new PortainerShapeError(
            `${at} is ${describe(value)}, expected an array`,
          );
        }
        value.forEach((snapshot, i) =>
          object({
            Time: optional(number),
            KubernetesVersion: optional(string),
          })(snapshot, `${at}[${i}]`),
        );
      }),
    }),
  ),
});
const groupCheck = object({
  Id: number,
  Name: string,
  TagIds: optional(numbers),
});
const tagCheck = object({ ID: number, Name: string });

function arrayOf<T>(check: Check, what: string) {
  return (value: unknown): T[] => {
    if (!Array.isArray(value)) {
      throw new PortainerShapeError(
        `${what}: the answer is ${describe(value)}, expected an array`,
      );
    }
    value.forEach((item, i) => check(item, `${what}[${i}]`));
    return value as T[];
  };
}

export const parseEndpoints = arrayOf<PortainerEndpoint>(
  endpointCheck,
  '/api/endpoints',
);
export const parseEndpointGroups = arrayOf<PortainerEndpointGroup>(
  groupCheck,
  '/api/endpoint_groups',
);
export const parseTags = arrayOf<PortainerTag>(tagCheck, '/api/tags');

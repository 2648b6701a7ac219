import type {
  ClusterProfileSpec,
  NodeRange,
} from '@fleet-portal/plugin-fleet-common';
import { EntityLink } from '../EntityLink';

function compact(rows: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(rows).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
}

function list(values: string[] | undefined): string | undefined {
  return values?.length ? values.join(', ') : undefined;
}

function storageClasses(spec: ClusterProfileSpec): string | undefined {
  const { default: defaultClass, available = [] } = spec.storageClasses ?? {};
  const names = [
    ...new Set([...(defaultClass ? [defaultClass] : []), ...available]),
  ];
  return list(
    names.map(name => (name === defaultClass ? `${name} (default)` : name)),
  );
}

function clickOps(spec: ClusterProfileSpec): string | undefined {
  if (spec.clickOps?.allowed === undefined) return undefined;
  return spec.clickOps.allowed
    ? 'Allowed (changes must still produce the YAML kept in Git)'
    : 'Not allowed: declarative changes through Git only';
}

function range(nodes: NodeRange | undefined): string | undefined {
  if (nodes?.min === undefined && nodes?.max === undefined) return undefined;
  if (nodes.max === undefined) return `at least ${nodes.min}`;
  if (nodes.min === undefined) return `at most ${nodes.max}`;
  return `${nodes.min}–${nodes.max}`;
}

function yesNo(value: boolean | undefined, yes: string, no: string) {
  if (value === undefined) return undefined;
  return value ? yes : no;
}

/** What the profile is and what it pins, one row per rule. */
export function profileMetadata(
  spec: ClusterProfileSpec,
): Record<string, unknown> {
  const { kubernetes, admission, naming, review, provisioner } = spec;
  return compact({
    Type: spec.type,
    Version: spec.version,
    'Also accepted for new clusters': list(spec.allowedVersions),
    Owner: spec.owner && (
      <EntityLink entityRef={spec.owner} defaultKind="group" />
    ),
    Summary: spec.summary,
    Kubernetes:
      kubernetes && `${kubernetes.distribution} ${kubernetes.version}`,
    'Allowed Kubernetes range': kubernetes?.allowedRange,
    'Storage classes': storageClasses(spec),
    'Admission control':
      admission?.controller &&
      `${admission.controller}${
        admission.mode ? `, ${admission.mode} mode` : ''
      }`,
    ClickOps: clickOps(spec),
    'Audit logging': yesNo(spec.auditLogging, 'Required', 'Not required'),
    'Naming pattern': naming?.pattern,
    'Naming example': naming?.example,
    'Review interval':
      review?.intervalMonths !== undefined
        ? `${review.intervalMonths} months`
        : undefined,
    'Longest project lifetime':
      review?.maxLifetimeDays !== undefined
        ? `${review.maxLifetimeDays} days`
        : undefined,
    'Control-plane nodes': range(spec.nodes?.controlPlane),
    'Worker nodes': range(spec.nodes?.workers),
    Provisioner:
      provisioner?.type &&
      `${provisioner.type}${
        provisioner.clusterClass ? ` (${provisioner.clusterClass})` : ''
      }`,
  });
}

/** The CIDR pools new clusters draw from and the prefix each gets. */
export function networkMetadata(
  spec: ClusterProfileSpec,
): Record<string, unknown> {
  const network = spec.network;
  return compact({
    'Pod CIDR pools': list(network?.podPools),
    'Pod CIDR prefix':
      network?.podPrefix !== undefined ? `/${network.podPrefix}` : undefined,
    'Service CIDR pools': list(network?.servicePools),
    'Service CIDR prefix':
      network?.servicePrefix !== undefined
        ? `/${network.servicePrefix}`
        : undefined,
  });
}

/** Roles a tenant may get and the NetworkPolicy allows on top of default-deny. */
export function tenancyMetadata(
  spec: ClusterProfileSpec,
): Record<string, unknown> {
  const policy = spec.tenancy?.networkPolicy;
  return compact({
    'Allowed roles': list(spec.tenancy?.allowedRoles),
    'Same-namespace traffic': yesNo(
      policy?.allowSameNamespace,
      'Allowed',
      'Denied',
    ),
    'DNS egress': yesNo(policy?.allowDnsEgress, 'Allowed', 'Denied'),
    'Ingress from namespaces': list(policy?.allowIngressFromNamespaces),
  });
}

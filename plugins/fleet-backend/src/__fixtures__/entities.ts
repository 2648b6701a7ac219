import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  platformRepoEntityPath,
  PlatformRepoOrigin,
} from '@fleet-portal/plugin-fleet-common';
import { platformRepoSourceAnnotations } from '@fleet-portal/plugin-fleet-node';

/** The day the fixtures are judged on. */
export const TODAY = '2026-06-15';

/** The platform repository the fixtures' profiles and clusters come from. */
export const FIXTURE_PLATFORM_REPO: PlatformRepoOrigin = {
  remote: '/srv/git/platform-config.git',
  branch: 'main',
};

/** The config that makes the fleet backend read FIXTURE_PLATFORM_REPO's entities as governed. */
export const FIXTURE_PLATFORM_REPO_CONFIG = {
  catalog: { providers: { fleetPlatformRepo: FIXTURE_PLATFORM_REPO } },
};

/** The entity as the platform-repo provider emits it: annotated with its file's locations. */
export function fromPlatformRepo(entity: Entity): Entity {
  const file = platformRepoEntityPath(entity);
  return file
    ? withAnnotations(
        entity,
        platformRepoSourceAnnotations(FIXTURE_PLATFORM_REPO, file),
      )
    : entity;
}

/**
 * The entity as the catalog holds it after someone registered `url` as a location: the
 * catalog sets its location and origin to that URL and keeps every other annotation.
 */
export function registeredFrom(entity: Entity, url: string): Entity {
  return withAnnotations(entity, {
    [ANNOTATION_LOCATION]: `url:${url}`,
    [ANNOTATION_ORIGIN_LOCATION]: `url:${url}`,
  });
}

function withAnnotations(
  entity: Entity,
  annotations: Record<string, string>,
): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: { ...entity.metadata.annotations, ...annotations },
    },
  };
}

type Spec = NonNullable<Entity['spec']>;

export type ClusterOptions = {
  namespace?: string;
  title?: string;
  annotations?: Record<string, string>;
  /** Replaces fields of the governed spec; an undefined value removes the field. */
  spec?: Record<string, Spec[string] | undefined>;
};

/**
 * A governed cluster of the platform repository on profile `production` 3.2.0, reviewed in a
 * year: status ok, no findings.
 */
export function clusterEntity(
  name: string,
  podCidr: string,
  serviceCidr: string,
  options: ClusterOptions = {},
): Entity {
  const spec: Spec = {
    type: 'kubernetes-cluster',
    owner: 'group:default/team-payments',
    lifecycle: 'production',
    purpose: `Runs ${name}`,
    profile: 'production',
    profileVersion: '3.2.0',
    environment: 'production',
    environmentGroup: 'production',
    region: 'eu-west-1',
    network: { podCidr, serviceCidr },
    lifetime: {
      class: 'long-lived',
      created: '2026-01-10',
      reviewBy: '2026-12-01',
      retireBy: '2028-01-01',
    },
  };
  for (const [key, value] of Object.entries(options.spec ?? {})) {
    if (value === undefined) {
      delete spec[key];
    } else {
      spec[key] = value;
    }
  }
  const cluster = fromPlatformRepo({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      ...(options.title ? { title: options.title } : {}),
    },
    spec,
  });
  return withAnnotations(cluster, {
    'fleet-portal.dev/source': 'platform-repo',
    'kubernetes.io/api-server-certificate-authority': 'LS0tLS1CRUdJTi...',
    ...options.annotations,
  });
}

export function profileEntity(
  name: string,
  version: string,
  allowedVersions: string[] = [],
  intervalMonths = 12,
): Entity {
  return fromPlatformRepo({
    apiVersion: 'fleet-portal.dev/v1alpha1',
    kind: 'ClusterProfile',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'production',
      version,
      allowedVersions,
      owner: 'group:default/platform-team',
      lifecycle: 'production',
      kubernetes: { distribution: 'talos', version: '1.31.4' },
      components: [{ name: 'cilium', role: 'cni', version: '1.16.5' }],
      review: { intervalMonths, maxLifetimeDays: 365 },
    },
  });
}

/** An edge profile with only CIDR pools: /22 pod and /24 service blocks out of 172.16.0.0/13 and 172.24.0.0/16. */
export const edgeProfile: Entity = fromPlatformRepo({
  apiVersion: 'fleet-portal.dev/v1alpha1',
  kind: 'ClusterProfile',
  metadata: { name: 'edge', namespace: 'default' },
  spec: {
    network: {
      podPools: ['172.16.0.0/13'],
      servicePools: ['172.24.0.0/16'],
      podPrefix: 22,
      servicePrefix: 24,
    },
  },
});

export const profiles: Entity[] = [
  profileEntity('production', '3.2.0', ['3.1.0']),
  profileEntity('non-production', '2.4.0', ['2.3.0'], 6),
];

function lifetime(dates: Record<string, string | undefined>) {
  return { class: 'long-lived', created: '2026-01-10', ...dates };
}

/** One cluster per status and per finding, judged on TODAY. */
export const fleet: Entity[] = [
  clusterEntity('prd-euw1-payments-01', '10.64.0.0/16', '10.96.0.0/20'),
  clusterEntity('prd-euw1-checkout-01', '10.65.0.0/16', '10.96.16.0/20', {
    spec: {
      owner: 'group:default/team-checkout',
      lifetime: lifetime({ reviewBy: '2026-07-10' }),
    },
  }),
  clusterEntity('stg-euw1-checkout-01', '10.66.0.0/16', '10.96.32.0/20', {
    title: 'Checkout staging',
    spec: {
      owner: 'group:default/team-checkout',
      environment: 'staging',
      profile: 'non-production',
      profileVersion: '2.3.0',
      lifetime: lifetime({ created: '2025-01-10', reviewBy: '2026-06-01' }),
    },
  }),
  clusterEntity('tst-euw1-reindex-01', '10.67.0.0/16', '10.96.48.0/20', {
    spec: {
      environment: 'test',
      profile: 'non-production',
      profileVersion: '2.4.0',
      lifetime: {
        class: 'project',
        created: '2026-03-01',
        retireBy: '2026-08-01',
      },
    },
  }),
  clusterEntity('dev-euw1-legacy-01', '10.68.0.0/16', '10.96.64.0/20', {
    spec: {
      environment: 'development',
      profile: 'non-production',
      profileVersion: '2.2.0',
      lifetime: {
        class: 'project',
        created: '2025-01-10',
        retireBy: '2026-05-01',
      },
    },
  }),
  // Its pod CIDR overlaps prd-euw1-payments-01's.
  clusterEntity('prd-use1-payments-01', '10.64.128.0/17', '10.97.0.0/20', {
    spec: {
      region: 'us-east-1',
      lifetime: lifetime({ reviewBy: '2027-06-01' }),
    },
  }),
  clusterEntity('edge-store-0042', '172.16.0.0/22', '172.24.0.0/24', {
    annotations: { 'fleet-portal.dev/source': 'portainer' },
    spec: {
      owner: 'group:default/retail-ops',
      environment: 'edge',
      purpose: undefined,
      profile: undefined,
      profileVersion: undefined,
      lifetime: undefined,
    },
  }),
  clusterEntity('prd-euw1-search-01', '10.69.0.0/16', '10.96.80.0/20', {
    spec: { profile: 'regulated', owner: 'group:default/team-search' },
  }),
];

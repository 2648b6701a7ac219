import { ResponseError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import type {
  ClusterLifecycle,
  LifecyclePage,
  LifecycleSchedule,
} from '@fleet-portal/plugin-fleet-common';
import type { FleetApi } from '../api/FleetApi';

export const clusterEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'prd-euw1-payments-01', namespace: 'default' },
  spec: {
    type: 'kubernetes-cluster',
    owner: 'group:default/team-payments',
    lifecycle: 'production',
    purpose: 'Runs the payments services for EU customers',
    profile: 'production',
    profileVersion: '3.1.0',
    environment: 'production',
    environmentGroup: 'production',
    region: 'eu-west-1',
    site: 'fra-dc2',
    network: {
      podCidr: '10.64.0.0/16',
      serviceCidr: '10.96.0.0/20',
      nodeCidr: '10.10.0.0/24',
    },
    lifetime: {
      class: 'long-lived',
      created: '2024-03-01',
      reviewBy: '2025-03-01',
      retireBy: '2027-03-01',
    },
  },
};

export const ungovernedClusterEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'legacy-cluster' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/ops' },
};

export function clusterLifecycle(
  overrides: Partial<ClusterLifecycle> = {},
): ClusterLifecycle {
  return {
    entityRef: 'resource:default/prd-euw1-payments-01',
    name: 'prd-euw1-payments-01',
    owner: 'group:default/team-payments',
    purpose: 'Runs the payments services for EU customers',
    environment: 'production',
    region: 'eu-west-1',
    profileRef: 'clusterprofile:default/production',
    profileVersion: '3.1.0',
    profileCurrentVersion: '3.2.0',
    lifetimeClass: 'long-lived',
    created: '2024-03-01',
    reviewBy: '2025-03-01',
    retireBy: '2027-03-01',
    status: 'review-overdue',
    daysLeft: -12,
    statusDate: '2025-03-01',
    governed: true,
    findings: [],
    ...overrides,
  };
}

export function lifecyclePage(
  items: ClusterLifecycle[],
  overrides: Partial<LifecyclePage> = {},
): LifecyclePage {
  return {
    items,
    totalItems: items.length,
    offset: 0,
    limit: 50,
    facets: {
      owner: ['group:default/team-payments', 'group:default/team-search'],
      environment: ['production', 'staging'],
      profile: ['clusterprofile:default/production'],
      status: {
        retired: 0,
        'review-overdue': 1,
        'retiring-soon': 0,
        'review-due': 0,
        ok: 1,
        unknown: 0,
      },
    },
    ...overrides,
  };
}

export function schedule(): LifecycleSchedule {
  return {
    months: Array.from({ length: 12 }, (_, i) => ({
      month: `2027-${String(i + 1).padStart(2, '0')}`,
      reviews: i,
      retirements: i % 3,
    })),
  };
}

/** A FleetApi whose methods are jest mocks; pass implementations for the ones a test uses. */
export function mockFleetApi(
  overrides: Partial<FleetApi> = {},
): jest.Mocked<FleetApi> {
  return {
    listClusters: jest.fn(),
    getCluster: jest.fn(),
    getSchedule: jest.fn(),
    exportCsv: jest.fn(),
    previewCidrs: jest.fn(),
    listRetiredClusters: jest.fn().mockResolvedValue({ items: [] }),
    ...overrides,
  } as jest.Mocked<FleetApi>;
}

/** An error as FleetClient throws it for a Backstage JSON error response. */
export function responseError(status: 403 | 404 | 500): Promise<ResponseError> {
  const name = { 403: 'NotAllowedError', 404: 'NotFoundError', 500: 'Error' }[
    status
  ];
  const body = {
    error: { name, message: `${name}: status ${status}` },
    response: { statusCode: status },
  };
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

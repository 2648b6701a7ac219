// The lifecycle and governance API of the fleet backend (plugin id `fleet`), shared by the backend that
// serves it and the frontend client that reads it. All dates are calendar dates, YYYY-MM-DD.
//
//   GET /lifecycle/clusters?<LifecycleQuery>          LifecyclePage (with the schedule on request)
//   GET /lifecycle/clusters/export.csv?<filters>      every matching cluster as CSV
//   GET /lifecycle/clusters/:namespace/:name          ClusterLifecycle (404 unknown)
//   GET /lifecycle/schedule?months=&<filters>         LifecycleSchedule
//   GET /cidr/retired                                 RetiredClusterList (api/cidr.ts): clusters gone from
//                                                     the catalog whose CIDRs are held until the grace period ends
// All need the permission fleet.lifecycle.read. The backend judges a catalog snapshot once and
// indexes it, so a page, a filter, a sort or one cluster costs milliseconds at 10,000 clusters.

/**
 * Where a cluster stands against its dates, worst first:
 * - `retired`: past its retire-by date and still in the inventory
 * - `review-overdue`: past its review-by date
 * - `retiring-soon`: retire-by within 90 days
 * - `review-due`: review-by within 30 days
 * - `ok`: none of the above
 * - `unknown`: neither date is recorded (also reported as a finding)
 */
export type LifecycleStatus =
  | 'retired'
  | 'review-overdue'
  | 'retiring-soon'
  | 'review-due'
  | 'ok'
  | 'unknown';

export const LIFECYCLE_STATUSES: readonly LifecycleStatus[] = [
  'retired',
  'review-overdue',
  'retiring-soon',
  'review-due',
  'ok',
  'unknown',
];

/** Days before a date at which the status changes. */
export const REVIEW_DUE_DAYS = 30;
export const RETIRING_SOON_DAYS = 90;

/** Governance rules of domain.md that a cluster can break. */
export type GovernanceFindingCode =
  | 'no-owner'
  | 'no-profile'
  | 'unknown-profile'
  | 'profile-version-behind'
  | 'profile-version-not-allowed'
  | 'missing-review-date'
  | 'missing-retire-date'
  | 'review-interval-too-long'
  | 'cidr-overlap'
  | 'ungoverned';

export type FindingSeverity = 'critical' | 'warning' | 'info';

export type GovernanceFinding = {
  code: GovernanceFindingCode;
  severity: FindingSeverity;
  /** A sentence for people, naming the values involved. */
  message: string;
  /** The other entity involved, e.g. the cluster whose CIDR overlaps, or the profile. */
  relatedEntityRef?: string;
};

/** One cluster as the lifecycle views show it. */
export type ClusterLifecycle = {
  entityRef: string;
  name: string;
  title?: string;
  owner?: string;
  purpose?: string;
  environment?: string;
  environmentGroup?: string;
  region?: string;
  site?: string;
  /** Entity ref of the profile, as the cluster names it. */
  profileRef?: string;
  profileVersion?: string;
  /** The profile's current version, when the profile is in the catalog. */
  profileCurrentVersion?: string;
  lifetimeClass?: 'long-lived' | 'project';
  created?: string;
  reviewBy?: string;
  retireBy?: string;
  /** Set when a platform owner marked the cluster retiring (spec.lifetime.retiring): who, when, why. */
  retiring?: { reason: string; requestedBy: string; requestedAt: string };
  status: LifecycleStatus;
  /** Days from today to the date that decides the status (negative when past); absent when unknown. */
  daysLeft?: number;
  /** The date `daysLeft` counts to: review-by or retire-by. */
  statusDate?: string;
  governed: boolean;
  findings: GovernanceFinding[];
};

export const LIFECYCLE_SORT_FIELDS = [
  'status',
  'name',
  'owner',
  'environment',
  'profile',
  'reviewBy',
  'retireBy',
] as const;

export type LifecycleSortField = (typeof LIFECYCLE_SORT_FIELDS)[number];

/** Page size of GET /lifecycle/clusters when the query names none, and the largest it serves. */
export const LIFECYCLE_DEFAULT_PAGE_SIZE = 50;
export const LIFECYCLE_MAX_PAGE_SIZE = 500;

/** Query of GET /lifecycle/clusters; filters take several values (OR within a field, AND across). */
export type LifecycleQuery = {
  owner?: string[];
  environment?: string[];
  profile?: string[];
  status?: LifecycleStatus[];
  /** Substring match on name, title and purpose. */
  search?: string;
  /** Default `status` (worst first, then the nearest date). */
  orderBy?: LifecycleSortField;
  order?: 'asc' | 'desc';
  offset?: number;
  /** Default 50, at most 500. */
  limit?: number;
  /**
   * With a number of months (1-60), the page also carries the schedule of the clusters the
   * filters select (`LifecyclePage.schedule`), so that the chart needs no request of its own.
   */
  scheduleMonths?: number;
};

export type LifecyclePage = {
  items: ClusterLifecycle[];
  totalItems: number;
  offset: number;
  limit: number;
  /** Values present in the whole fleet (not only this page), for the filter pickers. */
  facets: {
    owner: string[];
    environment: string[];
    profile: string[];
    status: Record<LifecycleStatus, number>;
  };
  /** Reviews and retirements per month of the selection, when the query asked for `scheduleMonths`. */
  schedule?: LifecycleSchedule;
};

/** GET /lifecycle/schedule: reviews and retirements per month for the next `months` months. */
export type LifecycleSchedule = {
  months: { month: string; reviews: number; retirements: number }[];
};

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_FLEET_GOVERNED,
  CLUSTER_PROFILE_KIND,
  CLUSTER_SPEC_TYPE,
} from '@fleet-portal/plugin-fleet-common';
import { Clock } from '../clock';
import {
  buildClusterRecords,
  ClusterRecord,
} from '../lifecycle/clusterRecords';
import { CidrParser, memoizedCidrParser } from '../lifecycle/cidrParser';
import { calendarDateOf } from '../lifecycle/dates';
import { GovernanceJudge, governanceJudge } from '../lifecycle/governance';

const PAGE_SIZE = 1000;

/** Only what the lifecycle views read; leaves out e.g. CA certificates and relations. */
const CLUSTER_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  `metadata.annotations.${ANNOTATION_FLEET_GOVERNED}`,
  'spec',
];
const PROFILE_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'spec.version',
  'spec.allowedVersions',
  'spec.review',
];

export type FleetSnapshot = {
  /** The calendar date (UTC) the statuses were computed for. */
  today: string;
  clusters: ClusterRecord[];
  /** Judges the governance of some of `clusters` against all of them. */
  judge: GovernanceJudge;
};

/** Reads the clusters and profiles a principal can see and judges them. */
export class FleetInventory {
  private readonly parseCidr: CidrParser = memoizedCidrParser();

  constructor(
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  async snapshot(credentials: BackstageCredentials): Promise<FleetSnapshot> {
    const [clusters, profiles] = await Promise.all([
      this.readAll(
        { kind: 'resource', 'spec.type': CLUSTER_SPEC_TYPE },
        CLUSTER_FIELDS,
        credentials,
      ),
      this.readAll({ kind: CLUSTER_PROFILE_KIND }, PROFILE_FIELDS, credentials),
    ]);
    const today = calendarDateOf(this.clock.now());
    const records = buildClusterRecords(clusters, profiles, today);
    return {
      today,
      clusters: records,
      judge: governanceJudge(records, today, this.parseCidr),
    };
  }

  private async readAll(
    filter: Record<string, string>,
    fields: string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const entities: Entity[] = [];
    for await (const page of this.catalog.streamEntities(
      { filter, fields, pageSize: PAGE_SIZE },
      { credentials },
    )) {
      entities.push(...page);
    }
    return entities;
  }
}

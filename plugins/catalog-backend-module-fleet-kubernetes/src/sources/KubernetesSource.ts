import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ManagementPlaneSource,
  ObservedCluster,
} from '@fleet-portal/plugin-fleet-node';
import type { ManagementClusterClient } from '../client/ManagementClusterClient';
import type { LabelMapping } from './labelMapping';

/** What every source read from a management cluster is made of. */
export type KubernetesSourceOptions = {
  /** The provider's config key under `catalog.providers.fleetKubernetes`. */
  id: string;
  client: ManagementClusterClient;
  labels: LabelMapping;
  /** A link into the source's UI per cluster; see expandLinkTemplate. */
  linkTemplate?: string;
  logger: LoggerService;
};

/**
 * Base of the sources on a management cluster: lists raw objects, maps each one,
 * skips (and logs) objects that cannot be mapped so one odd object never hides the
 * others, and makes every failure of the list itself an error that names the source.
 */
export abstract class KubernetesSource implements ManagementPlaneSource {
  abstract readonly type: string;
  readonly id: string;
  protected readonly client: ManagementClusterClient;
  protected readonly labels: LabelMapping;
  protected readonly linkTemplate?: string;
  protected readonly logger: LoggerService;

  constructor(options: KubernetesSourceOptions) {
    this.id = options.id;
    this.client = options.client;
    this.labels = options.labels;
    this.linkTemplate = options.linkTemplate;
    this.logger = options.logger;
  }

  async listClusters(signal?: AbortSignal): Promise<ObservedCluster[]> {
    let objects: unknown[];
    try {
      objects = await this.listObjects(signal);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${this.type} source "${this.id}": ${message}`);
    }
    const clusters: ObservedCluster[] = [];
    for (const object of objects) {
      try {
        clusters.push(this.mapObject(object));
      } catch (error) {
        this.logger.warn(
          `${this.type} source "${this.id}": skipped an object: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
    }
    return clusters;
  }

  /** Every object of the source, or an error describing why not. */
  protected abstract listObjects(signal?: AbortSignal): Promise<unknown[]>;

  /** The cluster an object describes; throws when the object lacks what identifies it. */
  protected abstract mapObject(object: unknown): ObservedCluster;
}

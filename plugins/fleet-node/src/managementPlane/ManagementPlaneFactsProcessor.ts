import type { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { CLUSTER_SPEC_TYPE } from '@fleet-portal/plugin-fleet-common';
import { attachFacts } from './attachFacts';
import type { ManagementPlaneFactsStore } from './ManagementPlaneFactsStore';
import { factsRefreshKey } from './naming';

/**
 * Attaches what one kind of management plane reports (from the facts store) to the
 * cluster entity of the same name, whoever emitted it — so a governed cluster from the
 * platform repository stays one entity and gains the live facts.
 *
 * Each cluster entity also gets a refresh key per cluster name, so that a provider can
 * have exactly the clusters whose facts changed reprocessed right away
 * (`connection.refresh({ keys })`) instead of waiting for the processing interval.
 * Register one per kind of source.
 */
export class ManagementPlaneFactsProcessor implements CatalogProcessor {
  readonly #store: ManagementPlaneFactsStore;
  readonly #sourceType: string;

  constructor(options: {
    store: ManagementPlaneFactsStore;
    sourceType: string;
  }) {
    this.#store = options.store;
    this.#sourceType = options.sourceType;
  }

  getProcessorName(): string {
    return `ManagementPlaneFactsProcessor:${this.#sourceType}`;
  }

  async preProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (entity.kind.toLowerCase() !== 'resource') {
      return entity;
    }
    if (entity.spec?.type !== CLUSTER_SPEC_TYPE) {
      return entity;
    }
    const key = entity.metadata.name.toLowerCase();
    emit(processingResult.refresh(factsRefreshKey(this.#sourceType, key)));
    const facts = await this.#store.factsFor(key, this.#sourceType);
    return attachFacts(entity, this.#sourceType, facts);
  }
}

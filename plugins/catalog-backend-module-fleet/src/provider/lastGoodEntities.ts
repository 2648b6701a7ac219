import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_FLEET_SOURCE,
  ANNOTATION_FLEET_SOURCE_FILE,
} from '@fleet-portal/plugin-fleet-common';
import { ANNOTATION_INGESTION_ERROR, PLATFORM_REPO_SOURCE } from '../constants';

// Keeps the catalog client's GET URLs well below the usual header size limits.
const PATHS_PER_QUERY = 40;

/**
 * Looks up the entities the catalog currently holds for the given source files, each
 * identified by its `managed-by-location`, so that a broken file keeps its entity.
 * Returns them by file, ready to re-emit: server-populated fields stripped and
 * `fleet-portal.dev/ingestion-error` set to the file's error.
 */
export async function lastGoodEntities(options: {
  catalog: CatalogService;
  auth: AuthService;
  /** source file → the managed-by-location this provider gives it */
  locations: Map<string, string>;
  /** source file → the error text */
  errors: Map<string, string>;
}): Promise<Map<string, Entity>> {
  const { catalog, auth, locations, errors } = options;
  const credentials = await auth.getOwnServiceCredentials();
  const paths = [...errors.keys()];
  const found = new Map<string, Entity>();
  for (let start = 0; start < paths.length; start += PATHS_PER_QUERY) {
    const { items } = await catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_FLEET_SOURCE}`]:
            PLATFORM_REPO_SOURCE,
          [`metadata.annotations.${ANNOTATION_FLEET_SOURCE_FILE}`]: paths.slice(
            start,
            start + PATHS_PER_QUERY,
          ),
        },
      },
      { credentials },
    );
    for (const entity of items) {
      const annotations = entity.metadata.annotations ?? {};
      const file = annotations[ANNOTATION_FLEET_SOURCE_FILE];
      // The location is compared here, not filtered on: search values over 200
      // characters are not indexed by the catalog.
      if (file && annotations[ANNOTATION_LOCATION] === locations.get(file)) {
        found.set(file, withIngestionError(entity, errors.get(file)!));
      }
    }
  }
  return found;
}

function withIngestionError(entity: Entity, error: string): Entity {
  const {
    relations: _relations,
    status: _status,
    ...rest
  } = entity as Entity & {
    status?: unknown;
  };
  const { uid: _uid, etag: _etag, ...metadata } = entity.metadata;
  return {
    ...rest,
    metadata: {
      ...metadata,
      annotations: {
        ...metadata.annotations,
        [ANNOTATION_INGESTION_ERROR]: error,
      },
    },
  };
}

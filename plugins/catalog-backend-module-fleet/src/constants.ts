/**
 * Set by the platform-repo provider on the last good version of an entity whose source
 * file is currently broken; the processor turns it into a processing error.
 * (Not in fleet-common yet, which owns the other fleet-portal.dev annotations.)
 */
export const ANNOTATION_INGESTION_ERROR = 'fleet-portal.dev/ingestion-error';

/** The `fleet-portal.dev/source` value of entities from the platform repository. */
export const PLATFORM_REPO_SOURCE = 'platform-repo';

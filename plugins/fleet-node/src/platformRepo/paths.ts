// The layout lives in fleet-common, next to the provenance check that reads it.
export { platformRepoPaths } from '@fleet-portal/plugin-fleet-common';

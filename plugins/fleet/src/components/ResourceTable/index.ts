export { ResourceTable } from './ResourceTable';
export type { ResourceColumn } from './ResourceTable';

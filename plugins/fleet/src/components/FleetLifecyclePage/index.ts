export { FleetLifecyclePage } from './FleetLifecyclePage';

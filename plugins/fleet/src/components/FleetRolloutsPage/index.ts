export { FleetRolloutsPage } from './FleetRolloutsPage';

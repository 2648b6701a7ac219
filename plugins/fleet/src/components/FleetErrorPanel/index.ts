export { FleetErrorPanel } from './FleetErrorPanel';

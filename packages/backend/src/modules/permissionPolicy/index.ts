export { permissionModuleFleetPortalPolicy as default } from './module';
export { FleetPortalPermissionPolicy } from './FleetPortalPermissionPolicy';

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { FleetPortalPermissionPolicy } from './FleetPortalPermissionPolicy';

/** Installs {@link FleetPortalPermissionPolicy}, configured under `fleetPortal.permissions`. */
export const permissionModuleFleetPortalPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'fleet-portal-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const platformOwnerRefs = config.getOptionalStringArray(
          'fleetPortal.permissions.platformOwners',
        ) ?? ['group:default/platform-team'];
        const namespaceRequesterRefs = config.getOptionalStringArray(
          'fleetPortal.permissions.namespaceRequesters',
        );
        policy.setPolicy(
          new FleetPortalPermissionPolicy({
            platformOwnerRefs,
            namespaceRequesterRefs,
          }),
        );
      },
    });
  },
});

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth. The demo's guest and persona sign-in are added only in development and only when configured
// (modules/demoSignIn); production signs in through a real identity provider (README, Production).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('./modules/demoSignIn'));
// OpenID Connect, configured in app-config.production.yaml (auth.providers.oidc)
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@fleet-portal/plugin-catalog-backend-module-fleet'));
backend.add(
  import('@fleet-portal/plugin-catalog-backend-module-fleet-kubernetes'),
);
backend.add(
  import('@fleet-portal/plugin-catalog-backend-module-fleet-portainer'),
);

// scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
// publish:gitlab:merge-request, for platform repositories hosted on GitLab (see templates/)
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// Fleet Portal actions: tenant namespace requests and platform-repo proposals
backend.add(import('@fleet-portal/plugin-scaffolder-backend-module-fleet'));

// permissions, with the Fleet Portal persona policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/permissionPolicy'));

// search over the catalog (in-memory Lunr engine by default)
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// Fleet Portal: lifecycle and governance API, notifications, governance metrics
backend.add(import('@fleet-portal/plugin-fleet-backend'));

// AI agents: the actions registry (backend.actions.pluginSources) as MCP tools at /api/mcp-actions/v1
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// kubernetes
backend.add(import('@backstage/plugin-kubernetes-backend'));

// notifications and signals
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));

backend.start();

import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidc';

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => (await import('./FleetSignInPage')).FleetSignInPage,
  },
});

/**
 * Replaces the app's sign-in page: the demo persona chooser when the backend has the demo providers
 * (development only), otherwise the real identity providers.
 */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage, oidcAuthApi],
});

import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

const demoSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => (await import('./DemoSignInPage')).DemoSignInPage,
  },
});

/** Replaces the app's sign-in page with the demo persona chooser. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [demoSignInPage],
});

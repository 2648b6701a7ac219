import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Plugins listed in package.json are discovered (app.packages: all); the catalog is imported
// explicitly because it is also the landing page.
export default createApp({
  features: [catalogPlugin, navModule, signInModule],
});

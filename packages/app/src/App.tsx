import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogModule } from './modules/catalog';
import { homeModule } from './modules/home';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Plugins listed in package.json are discovered (app.packages: all); the home page (`/`, see
// app-config.yaml) gets the fleet widgets from homeModule.
export default createApp({
  features: [catalogPlugin, catalogModule, homeModule, navModule, signInModule],
});

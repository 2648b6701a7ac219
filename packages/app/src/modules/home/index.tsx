import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';

// The home page every persona lands on (`/`): their teams' clusters and namespaces with health,
// reviews due, their own requests and quick links to the request templates. The widgets are the
// fleet plugin's; this module places them on Backstage's home page.

const widget = (
  name: string,
  title: string,
  load: () => Promise<() => JSX.Element>,
) =>
  HomePageWidgetBlueprint.make({
    name,
    params: {
      name,
      title,
      components: () => load().then(Content => ({ Content })),
    },
  });

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [
    HomePageLayoutBlueprint.make({
      name: 'fleet',
      params: {
        loader: () => import('./FleetHomeLayout').then(m => m.FleetHomeLayout),
      },
    }),
    widget('fleet-my-fleet', 'My clusters and namespaces', () =>
      import('@fleet-portal/plugin-fleet').then(m => m.MyFleetContent),
    ),
    widget('fleet-my-reviews', 'Reviews due', () =>
      import('@fleet-portal/plugin-fleet').then(m => m.MyReviewsContent),
    ),
    widget('fleet-my-requests', 'My requests', () =>
      import('@fleet-portal/plugin-fleet').then(m => m.MyRequestsContent),
    ),
    widget('fleet-quick-links', 'Quick links', () =>
      import('@fleet-portal/plugin-fleet').then(m => m.QuickLinksContent),
    ),
  ],
});

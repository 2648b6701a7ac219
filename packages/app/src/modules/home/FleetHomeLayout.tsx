import Grid from '@material-ui/core/Grid';
import { Content, Header, Page } from '@backstage/core-components';
import type { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import { useMyDisplayName } from '@fleet-portal/plugin-fleet';

/** Wide widgets take the whole row; the others share it. */
const WIDE = new Set(['fleet-my-fleet']);

/**
 * The personas' home: a greeting and the fleet widgets (of homeModule), the widest first. Widgets
 * other plugins add to the home page are left out: the page answers what is mine in the fleet.
 */
export function FleetHomeLayout(props: HomePageLayoutProps) {
  const name = useMyDisplayName();
  const widgets = props.widgets
    .filter(w => w.name?.startsWith('fleet-'))
    .sort(
      (a, b) => Number(WIDE.has(b.name ?? '')) - Number(WIDE.has(a.name ?? '')),
    );
  return (
    <Page themeId="home">
      <Header
        title={name ? `Hello, ${name}` : 'Home'}
        subtitle="Your teams' clusters and namespaces, what is due and what you asked for"
      />
      <Content>
        <Grid container spacing={3}>
          {widgets.map(widget => (
            <Grid
              item
              key={widget.name ?? widget.node.spec.id}
              xs={12}
              md={WIDE.has(widget.name ?? '') ? 12 : 4}
            >
              {widget.component}
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}

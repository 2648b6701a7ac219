import Grid from '@material-ui/core/Grid';
import { Content, Header, Page } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import type { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import useAsync from 'react-use/esm/useAsync';

/** Wide widgets take the whole row; the others share it. */
const WIDE = new Set(['fleet-my-fleet']);

/** The personas' home: a greeting and the fleet widgets, the widest first. */
export function FleetHomeLayout(props: HomePageLayoutProps) {
  const identityApi = useApi(identityApiRef);
  const { value: profile } = useAsync(
    () => identityApi.getProfileInfo(),
    [identityApi],
  );
  const widgets = [...props.widgets].sort(
    (a, b) => Number(WIDE.has(b.name ?? '')) - Number(WIDE.has(a.name ?? '')),
  );
  return (
    <Page themeId="home">
      <Header
        title={profile?.displayName ? `Hello, ${profile.displayName}` : 'Home'}
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

import { useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import { IdentityApi, SignInPageProps } from '@backstage/core-plugin-api';
import { Button, Grid, Typography } from '@material-ui/core';
import { DemoPersona, rememberedPersona, rememberPersona } from './personas';

/** Forgets the persona on sign-out, so the next sign-in offers the choice again. */
function forgetOnSignOut(identityApi: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identityApi.getProfileInfo(),
    getBackstageIdentity: () => identityApi.getBackstageIdentity(),
    getCredentials: () => identityApi.getCredentials(),
    signOut: async () => {
      rememberPersona(undefined);
      await identityApi.signOut();
    },
  };
}

/**
 * The demo's sign-in page: the guest, or one of the three personas (platform owner, developer,
 * manager), of those the backend has. The choice lasts for the browser tab.
 */
export const DemoSignInPage = (
  props: SignInPageProps & { personas: DemoPersona[] },
) => {
  const { personas } = props;
  const [chosen, setChosen] = useState<DemoPersona | undefined>(() =>
    rememberedPersona(personas),
  );

  if (chosen) {
    return (
      <ProxiedSignInPage
        provider={chosen.provider}
        headers={chosen.headers}
        onSignInSuccess={identityApi =>
          props.onSignInSuccess(forgetOnSignOut(identityApi))
        }
      />
    );
  }

  const choose = (persona: DemoPersona) => {
    rememberPersona(persona);
    setChosen(persona);
  };

  return (
    <Page themeId="home">
      <Header title="Fleet Portal" subtitle="Demo: choose who you are" />
      <Content>
        <Grid container spacing={3}>
          {personas.map(persona => (
            <Grid item xs={12} sm={6} md={3} key={persona.id}>
              <InfoCard title={persona.displayName} subheader={persona.role}>
                <Typography variant="body2" paragraph>
                  {persona.description}
                </Typography>
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => choose(persona)}
                >
                  {persona.provider === 'guest'
                    ? 'Enter'
                    : `Sign in as ${persona.displayName}`}
                </Button>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
};

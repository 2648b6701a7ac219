import {
  Content,
  Header,
  Page,
  SignInPage,
  SignInProviderConfig,
  WarningPanel,
} from '@backstage/core-components';
import { SignInPageProps } from '@backstage/core-plugin-api';
import { Typography } from '@material-ui/core';

/**
 * Sign-in through a real identity provider only. Without one, the page says so instead of offering a
 * way in.
 */
export const ProductionSignInPage = (
  props: SignInPageProps & {
    providers: SignInProviderConfig[];
    /** Why the demo sign-in could not be looked up, if it could not. */
    error?: Error;
  },
) => {
  const { providers, error, ...signInProps } = props;
  if (providers.length > 0) {
    return (
      <SignInPage
        {...signInProps}
        title="Fleet Portal"
        align="center"
        providers={providers}
      />
    );
  }
  return (
    <Page themeId="home">
      <Header title="Fleet Portal" />
      <Content>
        <WarningPanel
          severity="info"
          title="Sign-in is not set up"
          defaultExpanded
          message="This Fleet Portal has no identity provider to sign in with. Its administrators set one up as described in the Production section of the Fleet Portal README."
        >
          {error && (
            <Typography variant="body2">
              The portal could not ask its backend for sign-in options:{' '}
              {error.message}
            </Typography>
          )}
        </WarningPanel>
      </Content>
    </Page>
  );
};

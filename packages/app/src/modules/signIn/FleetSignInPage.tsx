import { useEffect, useState } from 'react';
import { Progress } from '@backstage/core-components';
import { SignInPageProps } from '@backstage/core-plugin-api';
import {
  configApiRef,
  discoveryApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { DemoSignInPage } from './DemoSignInPage';
import { availableDemoProviders, DemoProviderId } from './demoProviders';
import { DEMO_PERSONAS } from './personas';
import { ProductionSignInPage } from './ProductionSignInPage';
import { REAL_SIGN_IN_PROVIDERS } from './realSignInProviders';

type Availability =
  | { state: 'loading' }
  | { state: 'done'; providers: DemoProviderId[]; error?: Error };

/**
 * The app's sign-in page: the demo's guest and personas when the backend has them (development
 * only), otherwise the real identity providers.
 */
export const FleetSignInPage = (props: SignInPageProps) => {
  const configApi = useApi(configApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const [availability, setAvailability] = useState<Availability>({
    state: 'loading',
  });

  useEffect(() => {
    let current = true;
    availableDemoProviders({
      configApi,
      discoveryApi,
      fetch: (input, init) => window.fetch(input, init),
    }).then(
      providers => current && setAvailability({ state: 'done', providers }),
      error =>
        current && setAvailability({ state: 'done', providers: [], error }),
    );
    return () => {
      current = false;
    };
  }, [configApi, discoveryApi]);

  if (availability.state === 'loading') {
    return <Progress />;
  }
  const { providers, error } = availability;
  const personas = DEMO_PERSONAS.filter(p => providers.includes(p.provider));
  if (personas.length > 0) {
    return <DemoSignInPage {...props} personas={personas} />;
  }
  return (
    <ProductionSignInPage
      {...props}
      providers={REAL_SIGN_IN_PROVIDERS}
      error={error}
    />
  );
};

import { useEffect, useState } from 'react';
import { Progress } from '@backstage/core-components';
import { SignInPageProps } from '@backstage/core-plugin-api';
import type { SignInProviderConfig } from '@backstage/core-components';
import { coreApis, useApi } from '@backstage/frontend-plugin-api';
import { DemoSignInPage } from './DemoSignInPage';
import { availableDemoProviders, DemoProviderId } from './demoProviders';
import { DEMO_PERSONAS } from './personas';
import { ProductionSignInPage } from './ProductionSignInPage';
import { availableRealProviders } from './realSignInProviders';

type Availability =
  | { state: 'loading' }
  | {
      state: 'done';
      providers: DemoProviderId[];
      real: SignInProviderConfig[];
      error?: Error;
    };

/**
 * The app's sign-in page: the demo's guest and personas when the backend has them (development
 * only), otherwise the real identity providers.
 */
export const FleetSignInPage = (props: SignInPageProps) => {
  const configApi = useApi(coreApis.config);
  const discoveryApi = useApi(coreApis.discovery);
  const [availability, setAvailability] = useState<Availability>({
    state: 'loading',
  });

  useEffect(() => {
    let current = true;
    const fetch: typeof window.fetch = (input, init) =>
      window.fetch(input, init);
    const environment =
      configApi.getOptionalString('auth.environment') ?? 'development';
    Promise.all([
      availableDemoProviders({ configApi, discoveryApi, fetch }),
      availableRealProviders({ discoveryApi, fetch, environment }),
    ]).then(
      ([providers, real]) =>
        current && setAvailability({ state: 'done', providers, real }),
      error =>
        current &&
        setAvailability({ state: 'done', providers: [], real: [], error }),
    );
    return () => {
      current = false;
    };
  }, [configApi, discoveryApi]);

  if (availability.state === 'loading') {
    return <Progress />;
  }
  const { providers, real, error } = availability;
  const personas = DEMO_PERSONAS.filter(p => providers.includes(p.provider));
  if (personas.length > 0) {
    return <DemoSignInPage {...props} personas={personas} />;
  }
  return <ProductionSignInPage {...props} providers={real} error={error} />;
};

import type { SignInProviderConfig } from '@backstage/core-components';

/**
 * The identity providers a production Fleet Portal offers on its sign-in page. None is wired in
 * this repository: the README's "Production" section shows how to add OIDC here and in the backend.
 */
export const REAL_SIGN_IN_PROVIDERS: SignInProviderConfig[] = [];

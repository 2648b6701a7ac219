export { demoSignInFeatures as default } from './demoSignInFeatures';
export {
  DEMO_SIGN_IN_PROVIDERS,
  demoSignInProviders,
  type DemoSignInProviderId,
} from './demoSignInProviders';

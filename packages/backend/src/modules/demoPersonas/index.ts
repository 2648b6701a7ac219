export { authModuleDemoPersonaProvider as default } from './module';
export { PERSONA_HEADER } from './authenticator';

export { PortalLinks } from './PortalLinks';

export { ProfileVersion } from './ProfileVersion';

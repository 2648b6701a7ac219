export { PlatformRepositoryPage } from './PlatformRepositoryPage';

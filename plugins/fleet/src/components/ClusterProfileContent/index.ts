export { ClusterProfileContent } from './ClusterProfileContent';

export { ClusterHealthContent } from './ClusterHealthContent';

export { TenantNamespaceCard } from './TenantNamespaceCard';

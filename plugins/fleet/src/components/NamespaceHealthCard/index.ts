export { NamespaceHealthCard } from './NamespaceHealthCard';

export { LifecycleFilters } from './LifecycleFilters';

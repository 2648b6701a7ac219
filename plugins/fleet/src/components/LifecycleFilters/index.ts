export { LifecycleFilters } from './LifecycleFilters';
export { FacetPicker } from './FacetPicker';
export { SearchField } from './SearchField';

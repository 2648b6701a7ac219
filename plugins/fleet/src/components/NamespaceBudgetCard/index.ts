export { NamespaceBudgetCard } from './NamespaceBudgetCard';

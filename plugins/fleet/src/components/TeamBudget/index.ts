export { budgetLines, budgetSentence } from './budgetLines';
export type { BudgetLine } from './budgetLines';
export { loadClusterBudget } from './loadClusterBudget';
export type { ClusterBudget } from './loadClusterBudget';
export { TeamBudgetUsage } from './TeamBudgetUsage';
export { useClusterBudgets } from './useClusterBudgets';
export { useTeamTitles } from './useTeamTitles';

import {
  formatQuantity,
  parseQuantity,
  type TeamBudget,
  type TeamBudgetUsage,
} from '@fleet-portal/plugin-fleet-common';

/** One capped thing of a team budget: what the team uses against what the profile allows. */
export type BudgetLine = {
  /** `namespaces` or the quota resource. */
  resource: string;
  used: string;
  budget: string;
  /** `2 of 3 namespaces`, `6 of 8 CPU requested`. */
  text: string;
  /** used / budget, for a bar (1 when the budget is zero and something is used). */
  ratio: number;
};

const RESOURCE_WORDS: Record<string, string> = {
  'requests.cpu': 'CPU requested',
  'requests.memory': 'memory requested',
  'limits.cpu': 'CPU in limits',
  'limits.memory': 'memory in limits',
  pods: 'pods',
  'requests.storage': 'storage requested',
};

/** The lines of a team's usage against its budget on one cluster: namespaces first, then the quota. */
export function budgetLines(
  budget: TeamBudget,
  usage: TeamBudgetUsage,
): BudgetLine[] {
  const lines: BudgetLine[] = [];
  if (typeof budget.namespaces === 'number') {
    const max = budget.namespaces;
    lines.push({
      resource: 'namespaces',
      used: String(usage.namespaces),
      budget: String(max),
      text: `${usage.namespaces} of ${max} namespace${max === 1 ? '' : 's'}`,
      ratio: ratio(usage.namespaces, max),
    });
  }
  for (const [resource, max] of Object.entries(budget.quota ?? {})) {
    if (!parseQuantity(max).ok) {
      continue;
    }
    const used = formatQuantity(usage.quota[resource] ?? '0');
    const total = formatQuantity(max);
    lines.push({
      resource,
      used,
      budget: total,
      text: `${used} of ${total} ${RESOURCE_WORDS[resource] ?? resource}`,
      ratio: ratio(amount(usage.quota[resource] ?? '0'), amount(max)),
    });
  }
  return lines;
}

/** What the sentence always names; any other line only once it is nearly used up. */
const SENTENCE_LINES = ['namespaces', 'requests.cpu'];
export const NEARLY_FULL = 0.8;

/**
 * `Checkout on stg-euw1-checkout-01: 2 of 3 namespaces, 6 of 8 CPU requested` — namespaces and
 * requested CPU, plus whatever else is at 80 % of its budget or beyond (the bars show all).
 */
export function budgetSentence(
  team: string,
  cluster: string,
  lines: readonly BudgetLine[],
): string {
  const told = lines.filter(
    line => SENTENCE_LINES.includes(line.resource) || line.ratio >= NEARLY_FULL,
  );
  return `${team} on ${cluster}: ${(told.length > 0 ? told : lines)
    .map(line => line.text)
    .join(', ')}`;
}

function amount(text: string): number {
  const parsed = parseQuantity(text);
  return parsed.ok
    ? Number(parsed.quantity.unscaled) / 10 ** parsed.quantity.scale
    : 0;
}

function ratio(used: number, max: number): number {
  if (max <= 0) {
    return used > 0 ? 1 : 0;
  }
  return used / max;
}

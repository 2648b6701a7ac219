import {
  teamBudgetUsage,
  type TeamBudgetNamespace,
} from '@fleet-portal/plugin-fleet-common';
import { budgetLines, budgetSentence } from './budgetLines';

const namespaces: TeamBudgetNamespace[] = [
  {
    team: 'group:default/team-checkout',
    quota: { 'requests.cpu': '4', 'requests.memory': '8Gi' },
  },
  {
    team: 'team-checkout',
    quota: { 'requests.cpu': '2', 'requests.memory': '4Gi' },
  },
  { team: 'group:default/team-payments', quota: { 'requests.cpu': '2' } },
];

describe('budgetLines', () => {
  it("says a team's namespaces and summed quota against the budget, in words", () => {
    const usage = teamBudgetUsage(namespaces, 'group:default/team-checkout');
    const lines = budgetLines(
      {
        namespaces: 3,
        quota: { 'requests.cpu': '8', 'requests.memory': '16Gi' },
      },
      usage,
    );
    expect(lines.map(l => l.text)).toEqual([
      '2 of 3 namespaces',
      '6 of 8 CPU requested',
      '12Gi of 16Gi memory requested',
    ]);
    expect(lines[1].ratio).toBe(0.75);
    expect(budgetSentence('Checkout', 'stg-euw1-checkout-01', lines)).toBe(
      'Checkout on stg-euw1-checkout-01: 2 of 3 namespaces, 6 of 8 CPU requested',
    );
  });

  it('names other resources in the sentence only when nearly used up', () => {
    const usage = teamBudgetUsage(namespaces, 'team-checkout');
    const lines = budgetLines(
      { quota: { 'requests.cpu': '60', 'requests.memory': '14Gi' } },
      usage,
    );
    expect(budgetSentence('Checkout', 'c', lines)).toBe(
      'Checkout on c: 6 of 60 CPU requested, 12Gi of 14Gi memory requested',
    );
  });

  it('counts nothing for a team without namespaces and keeps a usage above the budget visible', () => {
    const none = budgetLines(
      { namespaces: 1, quota: { pods: '100' } },
      teamBudgetUsage(namespaces, 'team-search'),
    );
    expect(none.map(l => l.text)).toEqual([
      '0 of 1 namespace',
      '0 of 100 pods',
    ]);
    const over = budgetLines(
      { quota: { 'requests.cpu': '4' } },
      teamBudgetUsage(namespaces, 'team-checkout'),
    );
    expect(over[0]).toMatchObject({ text: '6 of 4 CPU requested', ratio: 1.5 });
  });

  it('leaves out a budget entry that is not a quantity', () => {
    expect(
      budgetLines(
        { quota: { 'requests.cpu': 'lots' } },
        { namespaces: 0, quota: {} },
      ),
    ).toEqual([]);
  });
});

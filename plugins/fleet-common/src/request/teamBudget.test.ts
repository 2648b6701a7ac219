import {
  checkTeamBudget,
  type TeamBudgetNamespace,
  teamBudgetRemaining,
  teamBudgetUsage,
} from './teamBudget';

const namespaces: TeamBudgetNamespace[] = [
  {
    team: 'group:default/team-checkout',
    quota: { 'requests.cpu': '2', 'requests.memory': '4Gi', pods: '30' },
  },
  {
    team: 'team-checkout',
    quota: { 'requests.cpu': '1500m', 'requests.memory': '512Mi' },
  },
  { team: 'group:default/team-payments', quota: { 'requests.cpu': '6' } },
  { team: 'team-checkout', quota: { 'requests.cpu': 'lots' } },
];
const budget = {
  namespaces: 3,
  quota: { 'requests.cpu': '8', 'requests.memory': '8Gi', pods: '60' },
};

describe('teamBudgetUsage', () => {
  it('counts the team namespaces and sums their quotas exactly, refs or bare names alike', () => {
    expect(teamBudgetUsage(namespaces, 'team-checkout')).toEqual({
      namespaces: 3,
      quota: {
        'requests.cpu': '3500m',
        'requests.memory': '4608Mi',
        pods: '30',
      },
    });
    expect(teamBudgetUsage(namespaces, 'group:default/team-payments')).toEqual({
      namespaces: 1,
      quota: { 'requests.cpu': '6' },
    });
    expect(teamBudgetUsage([], 'team-checkout')).toEqual({
      namespaces: 0,
      quota: {},
    });
  });
});

describe('checkTeamBudget', () => {
  const usage = {
    namespaces: 2,
    quota: { 'requests.cpu': '6', 'requests.memory': '4Gi' },
  };

  it('refuses a change above the budget with usage, budget and cluster in words', () => {
    const issues = checkTeamBudget(budget, usage, {
      team: 'group:default/team-checkout',
      cluster: 'stg-euw1-checkout-01',
      addsNamespace: false,
      quota: { 'requests.cpu': '6' },
      previousQuota: { 'requests.cpu': '2' },
    });
    expect(issues).toEqual([
      {
        path: 'quota.requests.cpu',
        message:
          'quota.requests.cpu: team-checkout would use 10 of its budget of 8 CPU on stg-euw1-checkout-01 (now 6)',
      },
    ]);
  });

  it('accepts a change up to the budget exactly', () => {
    expect(
      checkTeamBudget(budget, usage, {
        team: 'team-checkout',
        cluster: 'c',
        addsNamespace: false,
        quota: { 'requests.cpu': '4', 'requests.memory': '8Gi' },
        previousQuota: { 'requests.cpu': '2', 'requests.memory': '4Gi' },
      }),
    ).toEqual([]);
  });

  it('refuses a new namespace over the count and over the memory sum', () => {
    const issues = checkTeamBudget(
      budget,
      { ...usage, namespaces: 3 },
      {
        team: 'team-checkout',
        cluster: 'stg-euw1-checkout-01',
        addsNamespace: true,
        quota: { 'requests.memory': '4100Mi' },
      },
    );
    expect(issues.map(i => i.message)).toEqual([
      'cluster: team-checkout would have 4 of its budget of 3 namespaces on stg-euw1-checkout-01 (now 3); give one back or choose another cluster',
      'quota.requests.memory: team-checkout would use 8196Mi of its budget of 8Gi on stg-euw1-checkout-01 (now 4Gi)',
    ]);
  });

  it('never refuses lowering a quota when the team is already over a budget', () => {
    expect(
      checkTeamBudget({ quota: { 'requests.cpu': '4' } }, usage, {
        team: 'team-checkout',
        cluster: 'c',
        addsNamespace: false,
        quota: { 'requests.cpu': '1' },
        previousQuota: { 'requests.cpu': '2' },
      }),
    ).toEqual([]);
  });

  it('has nothing to say without a budget', () => {
    expect(
      checkTeamBudget(undefined, usage, {
        team: 't',
        cluster: 'c',
        addsNamespace: true,
        quota: { 'requests.cpu': '100' },
      }),
    ).toEqual([]);
  });
});

describe('teamBudgetRemaining', () => {
  it('is the room left per resource, never below zero', () => {
    expect(
      teamBudgetRemaining(budget, {
        namespaces: 2,
        quota: { 'requests.cpu': '6500m', pods: '90' },
      }),
    ).toEqual({ 'requests.cpu': '1500m', 'requests.memory': '8Gi', pods: '0' });
  });
});

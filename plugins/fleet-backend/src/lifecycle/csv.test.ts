import { ClusterLifecycle } from '@fleet-portal/plugin-fleet-common';
import { csvCell, lifecycleCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('keeps numbers and leaves absent values empty', () => {
    expect(csvCell(-14)).toBe('-14');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('lifecycleCsv', () => {
  it('writes a header and one row per cluster', () => {
    const cluster: ClusterLifecycle = {
      entityRef: 'resource:default/prd-euw1-payments-01',
      name: 'prd-euw1-payments-01',
      owner: 'group:default/team-payments',
      environment: 'production',
      profileRef: 'clusterprofile:default/production',
      profileVersion: '3.1.0',
      reviewBy: '2026-06-01',
      status: 'review-overdue',
      daysLeft: -14,
      statusDate: '2026-06-01',
      governed: true,
      findings: [
        { code: 'profile-version-behind', severity: 'warning', message: 'm' },
        { code: 'cidr-overlap', severity: 'critical', message: 'm' },
      ],
    };
    expect(lifecycleCsv([cluster])).toBe(
      'name,owner,environment,profile,profileVersion,reviewBy,retireBy,status,daysLeft,findings\r\n' +
        'prd-euw1-payments-01,group:default/team-payments,production,clusterprofile:default/production,3.1.0,2026-06-01,,review-overdue,-14,profile-version-behind cidr-overlap\r\n',
    );
  });
});

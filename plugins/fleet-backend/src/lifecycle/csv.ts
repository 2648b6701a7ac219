import { ClusterLifecycle } from '@fleet-portal/plugin-fleet-common';

const COLUMNS: Array<[string, (cluster: ClusterLifecycle) => unknown]> = [
  ['name', c => c.name],
  ['owner', c => c.owner],
  ['environment', c => c.environment],
  ['profile', c => c.profileRef],
  ['profileVersion', c => c.profileVersion],
  ['reviewBy', c => c.reviewBy],
  ['retireBy', c => c.retireBy],
  ['status', c => c.status],
  ['daysLeft', c => c.daysLeft],
  ['findings', c => c.findings.map(finding => finding.code).join(' ')],
];

// Spreadsheets run a cell starting with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180), neutralised against formula injection. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  let text = String(value);
  // Numbers are data, not formulas: a negative daysLeft stays a number.
  if (typeof value !== 'number' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The clusters as CSV with a header row and CRLF line ends. */
export function lifecycleCsv(clusters: readonly ClusterLifecycle[]): string {
  const header = COLUMNS.map(([name]) => name).join(',');
  const rows = clusters.map(cluster =>
    COLUMNS.map(([, get]) => csvCell(get(cluster))).join(','),
  );
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

/**
 * Count units: shown as whole numbers with their singular or plural noun ("1 restart",
 * "12 nodes"). A count from `increase()` is fractional (1.005 restarts); people count whole ones.
 */
const COUNT_NOUNS: Record<string, string> = {
  nodes: 'node',
  restarts: 'restart',
  volumes: 'volume',
  objects: 'object',
  violations: 'violation',
  failures: 'failure',
  errors: 'error',
  pods: 'pod',
  certificates: 'certificate',
  applications: 'application',
  targets: 'target',
  backups: 'backup',
};

/** Whether values of `unit` are counts of things (shown as whole numbers). */
export function isCountUnit(unit: string | undefined): boolean {
  return unit === 'count' || (unit !== undefined && unit in COUNT_NOUNS);
}

export type FormatSignalValueOptions = {
  /**
   * Up to two decimals even for counts: when the whole number would read as crossing a threshold
   * the value does not cross (19.99 restarts against a threshold of 20).
   */
  precise?: boolean;
};

function number(value: number, maximumFractionDigits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const text = new Intl.NumberFormat('en-US', {
    maximumFractionDigits,
  }).format(value);
  return text === '-0' ? '0' : text;
}

function duration(seconds: number, digits: number): string {
  const abs = Math.abs(seconds);
  if (abs < 120) return `${number(seconds, digits)} s`;
  if (abs < 7200) return `${number(seconds / 60, digits)} min`;
  if (abs < 172800) return `${number(seconds / 3600, digits)} h`;
  return days(seconds / 86400, digits);
}

function days(value: number, digits: number): string {
  const shown = number(value, digits);
  return `${shown} ${shown === '1' || shown === '-1' ? 'day' : 'days'}`;
}

/**
 * A signal value as people read it, by its unit: ratios as percent ("99.95 %", "100 %"), counts as
 * whole numbers with their noun ("1 restart"), durations with their unit ("5 days", "26.5 h"),
 * anything else with the unit after the value ("0.25 req/s"). A missing value is a dash, never 0.
 */
export function formatSignalValue(
  value: number | undefined | null,
  unit: string | undefined,
  options: FormatSignalValueOptions = {},
): string {
  if (value === undefined || value === null || Number.isNaN(value)) {
    return '—';
  }
  const digits = options.precise ? 2 : 1;
  switch (unit) {
    case 'ratio': {
      const percent = value * 100;
      // 99.95 % must not read as 100 %
      const fraction = percent >= 99 && percent < 100 ? 2 : digits;
      const shown = number(percent, fraction);
      return `${shown === '100' && percent < 100 ? '99.99' : shown} %`;
    }
    case 'percent':
      return `${number(value, digits)} %`;
    case 'seconds':
      return duration(value, digits);
    case 'minutes':
      return `${number(value, digits)} min`;
    case 'hours':
      return `${number(value, digits)} h`;
    case 'days':
      return days(value, digits);
    case undefined:
    case '':
    case 'value':
      return number(value, 2);
    default:
      break;
  }
  if (isCountUnit(unit)) {
    const shown = number(value, options.precise ? 2 : 0);
    if (unit === 'count') return shown;
    const noun = shown === '1' || shown === '-1' ? COUNT_NOUNS[unit!] : unit;
    return `${shown} ${noun}`;
  }
  return `${number(value, 2)} ${unit}`;
}

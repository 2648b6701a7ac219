/**
 * True when `version` is an older semver release than `current`. Only major.minor.patch are
 * compared (pins are explicit releases); anything unparsable is not reported as behind.
 */
export function isVersionBehind(
  version: string | undefined,
  current: string | undefined,
): boolean {
  const a = parse(version);
  const b = parse(current);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) return a[i] < b[i];
  }
  return false;
}

function parse(version: string | undefined): number[] | undefined {
  const match = version?.trim().match(/^v?(\d+)\.(\d+)\.(\d+)/);
  return match ? match.slice(1, 4).map(Number) : undefined;
}

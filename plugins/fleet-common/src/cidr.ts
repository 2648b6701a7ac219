import { Address4, Address6 } from 'ip-address';
import { compareBigInt } from './bigint';

export type IpVersion = 4 | 6;

/** A canonical CIDR block; start and end are the first and last address, inclusive. */
export type ParsedCidr = {
  /** Canonical text, e.g. `10.64.0.0/16` or `fd00:10::/56`. */
  text: string;
  version: IpVersion;
  prefix: number;
  start: bigint;
  end: bigint;
};

export type CidrParseResult =
  | { ok: true; cidr: ParsedCidr }
  | { ok: false; reason: string };

const ADDRESS_BITS: Record<IpVersion, number> = { 4: 32, 6: 128 };
const PREFIX_DIGITS = /^(0|[1-9][0-9]{0,2})$/;

/**
 * Parses `<address>/<prefix>`. The reason of a failure names the input, e.g.
 * `10.0.0.1/24 has host bits set; the network address would be 10.0.0.0/24`.
 */
export function parseCidr(text: string): CidrParseResult {
  const slash = text.indexOf('/');
  if (slash < 0) {
    return {
      ok: false,
      reason: `${JSON.stringify(
        text,
      )} is not a CIDR (expected <address>/<prefix length>, e.g. 10.64.0.0/16)`,
    };
  }
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const version: IpVersion = address.includes(':') ? 6 : 4;
  const invalid = (why: string): CidrParseResult => ({
    ok: false,
    reason: `${text} is not a valid IPv${version} CIDR: ${why}`,
  });

  const bits = ADDRESS_BITS[version];
  const prefix = Number(prefixText);
  if (!PREFIX_DIGITS.test(prefixText) || prefix > bits) {
    return invalid(`the prefix length must be a number from 0 to ${bits}`);
  }
  const fast = version === 4 ? ipv4Block(address, prefix) : undefined;
  if (fast) {
    if (fast.address !== fast.start) {
      return {
        ok: false,
        reason: `${text} has host bits set; the network address would be ${fast.text}`,
      };
    }
    return {
      ok: true,
      cidr: {
        text: fast.text,
        version,
        prefix,
        start: fast.start,
        end: fast.end,
      },
    };
  }
  const parsed = parseAddress(version, `${address}/${prefix}`);
  if (!parsed) {
    return invalid(`${address} is not an IPv${version} address`);
  }

  const start = parsed.startAddress().bigInt();
  const cidr: ParsedCidr = {
    text: formatCidr(version, start, prefix),
    version,
    prefix,
    start,
    end: parsed.endAddress().bigInt(),
  };
  if (parsed.bigInt() !== start) {
    return {
      ok: false,
      reason: `${text} has host bits set; the network address would be ${cidr.text}`,
    };
  }
  return { ok: true, cidr };
}

const IPV4_OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4_CANONICAL = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`);

/**
 * The block of a canonical dotted-quad IPv4 address (no leading zeros), computed directly:
 * a fleet's CIDRs are almost all IPv4, and the address library costs most of entity validation
 * at 10,000 clusters. Anything else goes through the library.
 */
function ipv4Block(
  address: string,
  prefix: number,
): { address: bigint; start: bigint; end: bigint; text: string } | undefined {
  if (!IPV4_CANONICAL.test(address)) {
    return undefined;
  }
  const value = address
    .split('.')
    .reduce((sum, octet) => sum * 256 + Number(octet), 0);
  const size = 2 ** (32 - prefix);
  const start = Math.floor(value / size) * size;
  const text = [24, 16, 8, 0]
    .map(shift => Math.floor(start / 2 ** shift) % 256)
    .join('.');
  return {
    address: BigInt(value),
    start: BigInt(start),
    end: BigInt(start + size - 1),
    text: `${text}/${prefix}`,
  };
}

function parseAddress(
  version: IpVersion,
  text: string,
): Address4 | Address6 | undefined {
  // Zone ids (fe80::1%eth0) name an interface, not a network.
  if (text.includes('%')) {
    return undefined;
  }
  try {
    return version === 4 ? new Address4(text) : new Address6(text);
  } catch {
    return undefined;
  }
}

/** The canonical text of the block of the given size starting at `start`. */
export function formatCidr(
  version: IpVersion,
  start: bigint,
  prefix: number,
): string {
  const address =
    version === 4 ? Address4.fromBigInt(start) : Address6.fromBigInt(start);
  return `${address.correctForm()}/${prefix}`;
}

export function cidrsOverlap(a: ParsedCidr, b: ParsedCidr): boolean {
  return a.version === b.version && a.start <= b.end && b.start <= a.end;
}

export function cidrContains(outer: ParsedCidr, inner: ParsedCidr): boolean {
  return (
    outer.version === inner.version &&
    outer.start <= inner.start &&
    inner.end <= outer.end
  );
}

export type CidrItem = { id: string; cidr: ParsedCidr };

/** Two overlapping blocks; as CIDRs never partly overlap, `outer` contains `inner`. */
export type CidrOverlap<T extends CidrItem> = { outer: T; inner: T };

/**
 * Every overlapping pair among the items, in O(n log n + k) for k pairs.
 *
 * Two CIDR blocks are either disjoint or one contains the other, so after sorting by
 * start (larger blocks first) the blocks still open at any point form a chain of
 * nested blocks: a stack. Each item overlaps exactly the blocks on the stack.
 */
export function findOverlaps<T extends CidrItem>(
  items: readonly T[],
): CidrOverlap<T>[] {
  const sorted = [...items].sort(
    (a, b) =>
      a.cidr.version - b.cidr.version ||
      compareBigInt(a.cidr.start, b.cidr.start) ||
      a.cidr.prefix - b.cidr.prefix,
  );
  const overlaps: CidrOverlap<T>[] = [];
  const open: T[] = [];
  for (const item of sorted) {
    while (
      open.length > 0 &&
      !cidrsOverlap(open[open.length - 1].cidr, item.cidr)
    ) {
      open.pop();
    }
    for (const outer of open) {
      overlaps.push({ outer, inner: item });
    }
    open.push(item);
  }
  return overlaps;
}

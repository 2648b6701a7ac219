import { Address4 } from 'ip-address';
import {
  cidrContains,
  cidrsOverlap,
  findOverlaps,
  formatCidr,
  parseCidr,
  ParsedCidr,
} from './cidr';

function cidr(text: string): ParsedCidr {
  const result = parseCidr(text);
  if (!result.ok) {
    throw new Error(result.reason);
  }
  return result.cidr;
}

function reason(text: string): string {
  const result = parseCidr(text);
  if (result.ok) {
    throw new Error(`${text} parsed`);
  }
  return result.reason;
}

describe('parseCidr', () => {
  it('parses IPv4 blocks with their address range', () => {
    expect(cidr('10.64.0.0/16')).toEqual({
      text: '10.64.0.0/16',
      version: 4,
      prefix: 16,
      start: 0x0a400000n,
      end: 0x0a40ffffn,
    });
    expect(cidr('0.0.0.0/0')).toMatchObject({ start: 0n, end: 0xffffffffn });
    expect(cidr('192.168.1.7/32')).toMatchObject({
      start: 0xc0a80107n,
      end: 0xc0a80107n,
    });
  });

  it('parses IPv6 blocks and canonicalises their text', () => {
    expect(cidr('FD00:0010:0000:0000::/56')).toEqual({
      text: 'fd00:10::/56',
      version: 6,
      prefix: 56,
      start: 0xfd000010000000000000000000000000n,
      end: 0xfd000010000000ffffffffffffffffffn,
    });
    expect(cidr('::/0')).toMatchObject({ start: 0n, end: (1n << 128n) - 1n });
  });

  it.each([
    [
      '10.0.0.0',
      '"10.0.0.0" is not a CIDR (expected <address>/<prefix length>, e.g. 10.64.0.0/16)',
    ],
    ['', '"" is not a CIDR'],
    [
      '10.0.0.0/33',
      '10.0.0.0/33 is not a valid IPv4 CIDR: the prefix length must be a number from 0 to 32',
    ],
    ['10.0.0.0/-1', 'the prefix length must be a number from 0 to 32'],
    ['10.0.0.0/08', 'the prefix length must be a number from 0 to 32'],
    ['10.0.0.0/ 8', 'the prefix length must be a number from 0 to 32'],
    ['10.0.0.0/8/8', 'the prefix length must be a number from 0 to 32'],
    [
      'fd00::/129',
      'fd00::/129 is not a valid IPv6 CIDR: the prefix length must be a number from 0 to 128',
    ],
    [
      '256.0.0.0/8',
      '256.0.0.0/8 is not a valid IPv4 CIDR: 256.0.0.0 is not an IPv4 address',
    ],
    ['010.0.0.0/8', '010.0.0.0 is not an IPv4 address'],
    ['10.0.0/8', '10.0.0 is not an IPv4 address'],
    [
      'fd00::g/64',
      'fd00::g/64 is not a valid IPv6 CIDR: fd00::g is not an IPv6 address',
    ],
    ['fe80::%eth0/64', 'fe80::%eth0 is not an IPv6 address'],
    [
      '10.0.0.1/24',
      '10.0.0.1/24 has host bits set; the network address would be 10.0.0.0/24',
    ],
    [
      'fd00:10::1/64',
      'fd00:10::1/64 has host bits set; the network address would be fd00:10::/64',
    ],
  ])('rejects %s', (text, expected) => {
    expect(reason(text)).toContain(expected);
  });
});

describe('formatCidr', () => {
  it('formats both versions', () => {
    expect(formatCidr(4, 0x0a600000n, 20)).toBe('10.96.0.0/20');
    expect(formatCidr(6, 0xfd000020000000000000000000000000n, 108)).toBe(
      'fd00:20::/108',
    );
  });
});

describe('cidrsOverlap and cidrContains', () => {
  it.each([
    ['10.0.0.0/8', '10.1.0.0/16', true, true],
    ['10.1.0.0/16', '10.0.0.0/8', true, false],
    ['10.0.0.0/16', '10.1.0.0/16', false, false],
    ['10.0.0.0/24', '10.0.0.0/24', true, true],
    ['10.0.0.255/32', '10.0.0.0/24', true, false],
    ['fd00::/8', 'fd00:10::/56', true, true],
    ['fd00::/8', 'fe00::/8', false, false],
    ['0.0.0.0/0', '::/0', false, false],
  ])('%s and %s: overlap %s, contains %s', (a, b, overlap, contains) => {
    expect(cidrsOverlap(cidr(a), cidr(b))).toBe(overlap);
    expect(cidrsOverlap(cidr(b), cidr(a))).toBe(overlap);
    expect(cidrContains(cidr(a), cidr(b))).toBe(contains);
  });
});

describe('findOverlaps', () => {
  it('reports each overlapping pair once, outer first', () => {
    const items = [
      { id: 'a', cidr: cidr('10.0.0.0/16') },
      { id: 'b', cidr: cidr('10.1.0.0/16') },
      { id: 'c', cidr: cidr('10.0.4.0/24') },
      { id: 'd', cidr: cidr('10.0.0.0/8') },
      { id: 'e', cidr: cidr('fd00::/8') },
      { id: 'f', cidr: cidr('10.0.4.0/24') },
    ];
    const pairs = findOverlaps(items).map(
      ({ outer, inner }) => `${outer.id}>${inner.id}`,
    );
    expect(pairs.sort()).toEqual(
      ['a>c', 'a>f', 'c>f', 'd>a', 'd>b', 'd>c', 'd>f'].sort(),
    );
  });

  it('matches a brute-force comparison on thousands of random blocks', () => {
    let seed = 42;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const items = Array.from({ length: 3000 }, (_, index) => {
      const version = random(4) === 0 ? 6 : 4;
      const bits = version === 4 ? 32 : 128;
      // Random blocks inside 10.0.0.0/8 or fd00::/24, dense enough to collide often.
      const [base, fixedBits] =
        version === 4 ? [0x0a000000n, 8] : [0xfd0000n << 104n, 24];
      const prefix = fixedBits + 4 + random(version === 4 ? 17 : 30);
      const address =
        base + (BigInt(random(2 ** 20)) << BigInt(bits - fixedBits - 20));
      const hostBits = BigInt(bits - prefix);
      const start = (address >> hostBits) << hostBits;
      return {
        id: String(index),
        cidr: cidr(formatCidr(version, start, prefix)),
      };
    });

    const key = (a: string, b: string) =>
      Number(a) < Number(b) ? `${a}-${b}` : `${b}-${a}`;
    const expected: string[] = [];
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        if (cidrsOverlap(items[i].cidr, items[j].cidr)) {
          expected.push(key(items[i].id, items[j].id));
        }
      }
    }
    const found = findOverlaps(items);

    expect(expected.length).toBeGreaterThan(100);
    expect(
      found.map(({ outer, inner }) => key(outer.id, inner.id)).sort(),
    ).toEqual(expected.sort());
    expect(
      found.every(({ outer, inner }) => cidrContains(outer.cidr, inner.cidr)),
    ).toBe(true);
  });
});

describe('parseCidr IPv4 fast path', () => {
  // What the address library says of the same block: the fast path must agree with it.
  function library(text: string) {
    const block = new Address4(text);
    return {
      start: block.startAddress().bigInt(),
      end: block.endAddress().bigInt(),
      hostBits: block.bigInt() !== block.startAddress().bigInt(),
    };
  }

  it.each([
    '10.64.0.0/16',
    '0.0.0.0/0',
    '255.255.255.255/32',
    '100.64.0.0/10',
    '192.168.1.0/24',
    '10.0.0.1/24',
    '172.16.5.4/12',
    '10.128.32.0/20',
  ])('%s agrees with the address library', text => {
    const result = parseCidr(text);
    const expected = library(text);
    const prefix = Number(text.split('/')[1]);
    const network = formatCidr(4, expected.start, prefix);
    if (expected.hostBits) {
      expect(result).toEqual({
        ok: false,
        reason: `${text} has host bits set; the network address would be ${network}`,
      });
    } else {
      expect(result).toEqual({
        ok: true,
        cidr: {
          text: network,
          version: 4,
          prefix,
          start: expected.start,
          end: expected.end,
        },
      });
    }
  });

  it.each(['10.0.0/8', '10.0.0.256/32', '1.2.3.4.5/32', '10.0.0.0/33'])(
    '%s is refused with its reason',
    text => {
      const result = parseCidr(text);
      expect(result).toEqual({
        ok: false,
        reason: expect.stringContaining(text),
      });
    },
  );
});

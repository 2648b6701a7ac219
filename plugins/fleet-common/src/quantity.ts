import { compareBigInt } from './bigint';

/** An exact Kubernetes quantity: its value is `unscaled × 10^-scale`. */
export type Quantity = {
  text: string;
  unscaled: bigint;
  scale: number;
};

export type QuantityParseResult =
  | { ok: true; quantity: Quantity }
  | { ok: false; reason: string };

// <sign><digits>[.<digits>] then a binary suffix, a decimal exponent or a decimal SI suffix,
// per k8s.io/apimachinery/pkg/api/resource.
const QUANTITY =
  /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?\d+)|(n|u|m|k|M|G|T|P|E)?)$/;

const BINARY_POWERS: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};

const DECIMAL_EXPONENTS: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

// Far beyond any real resource amount; keeps 10^exponent cheap to compute.
const MAX_EXPONENT = 100;

export function parseQuantity(text: string): QuantityParseResult {
  const match = QUANTITY.exec(text);
  if (!match) {
    return {
      ok: false,
      reason: `${JSON.stringify(
        text,
      )} is not a Kubernetes quantity (e.g. 500m, 2, 4Gi)`,
    };
  }
  const [
    ,
    sign,
    whole = '',
    fraction = '',
    bareFraction,
    binary,
    exponent,
    decimal = '',
  ] = match;
  const fractionDigits = bareFraction ?? fraction;
  let unscaled = BigInt(`${whole}${fractionDigits}` || '0');
  let power = -fractionDigits.length;

  if (binary) {
    unscaled *= BINARY_POWERS[binary];
  } else {
    power +=
      exponent !== undefined ? Number(exponent) : DECIMAL_EXPONENTS[decimal];
  }
  if (Math.abs(power) > MAX_EXPONENT) {
    return {
      ok: false,
      reason: `${JSON.stringify(
        text,
      )} is out of range for a Kubernetes quantity`,
    };
  }
  if (power > 0) {
    unscaled *= 10n ** BigInt(power);
  }
  return {
    ok: true,
    quantity: {
      text,
      unscaled: sign === '-' ? -unscaled : unscaled,
      scale: Math.max(0, -power),
    },
  };
}

/**
 * Exact comparison: negative, zero or positive as `a` is less than, equal to or greater
 * than `b`. Strings are parsed first; an invalid string throws a TypeError.
 */
export function compareQuantities(
  a: Quantity | string,
  b: Quantity | string,
): number {
  const x = toQuantity(a);
  const y = toQuantity(b);
  const scale = Math.max(x.scale, y.scale);
  return compareBigInt(
    x.unscaled * 10n ** BigInt(scale - x.scale),
    y.unscaled * 10n ** BigInt(scale - y.scale),
  );
}

function toQuantity(value: Quantity | string): Quantity {
  if (typeof value !== 'string') {
    return value;
  }
  const result = parseQuantity(value);
  if (!result.ok) {
    throw new TypeError(result.reason);
  }
  return result.quantity;
}

/** The exact sum of quantities (an empty list is zero). Invalid strings throw a TypeError. */
export function addQuantities(
  values: ReadonlyArray<Quantity | string>,
): Quantity {
  const parsed = values.map(toQuantity);
  const scale = Math.max(0, ...parsed.map(q => q.scale));
  const unscaled = parsed.reduce(
    (sum, q) => sum + q.unscaled * 10n ** BigInt(scale - q.scale),
    0n,
  );
  const quantity = { unscaled, scale, text: '' };
  return { ...quantity, text: formatQuantity(quantity) };
}

const GI = 1n << 30n;
const MI = 1n << 20n;

/**
 * A quantity as a person reads it: whole numbers plainly (`8`), whole Gi/Mi amounts of at
 * least one Mi with their binary suffix (`24Gi`, `512Mi`), fractions in millis (`1500m`),
 * anything finer as a decimal.
 */
export function formatQuantity(value: Quantity | string): string {
  const q = toQuantity(value);
  const sign = q.unscaled < 0n ? '-' : '';
  const abs = q.unscaled < 0n ? -q.unscaled : q.unscaled;
  const unit = 10n ** BigInt(q.scale);
  if (abs % unit === 0n) {
    const whole = abs / unit;
    if (whole >= GI && whole % GI === 0n) {
      return `${sign}${whole / GI}Gi`;
    }
    if (whole >= MI && whole % MI === 0n) {
      return `${sign}${whole / MI}Mi`;
    }
    return `${sign}${whole}`;
  }
  if (q.scale <= 3 || (abs * 1000n) % unit === 0n) {
    return `${sign}${(abs * 1000n) / unit}m`;
  }
  const digits = abs.toString().padStart(q.scale + 1, '0');
  const fraction = digits.slice(-q.scale).replace(/0+$/, '');
  return `${sign}${digits.slice(0, -q.scale)}.${fraction}`;
}

import type { Comparison } from './ratio';
import { Dec, type DecLike, toDec } from './decimal';

/**
 * An exact rational number num/den with den > 0 (not necessarily in lowest terms; {@link fraction}
 * reduces). Used where a ratio must be
 * compared with a regulatory threshold after more than one division (the mean of yearly loss
 * ratios), which a fixed-precision decimal could round onto the threshold.
 */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The fraction num/den in lowest terms with a positive denominator.
 * @throws RangeError when den is zero.
 * @example fraction(6n, -4n) // { num: -3n, den: 2n }
 */
export function fraction(num: bigint, den: bigint): Fraction {
  if (den === 0n) throw new RangeError('fraction: the denominator is zero');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/**
 * The arithmetic mean of fractions, exactly.
 * @throws RangeError for an empty list.
 * @example meanFraction([fraction(1n, 3n), fraction(2n, 3n)]) // { num: 1n, den: 2n }
 */
export function meanFraction(values: readonly Fraction[]): Fraction {
  if (values.length === 0) throw new RangeError('meanFraction: at least one value is needed');
  let sum = fraction(0n, 1n);
  for (const v of values) sum = fraction(sum.num * v.den + v.num * sum.den, sum.den * v.den);
  return fraction(sum.num, sum.den * BigInt(values.length));
}

const thresholdFractions = new Map<string, Fraction>();

/** A finite decimal as a fraction: '0.5' → 1/2 (remembered: thresholds recur in every comparison). */
export function decimalFraction(value: DecLike): Fraction {
  const d = toDec(value);
  const key = d.toString();
  const known = thresholdFractions.get(key);
  if (known) return known;
  const f = exactFraction(d);
  if (thresholdFractions.size < 1000) thresholdFractions.set(key, f);
  return f;
}

/**
 * The fraction as a binary double, the nearest to its value when numerator and denominator are
 * exactly representable (for JSON output).
 * @example fractionToNumber(fraction(1n, 4n)) // 0.25
 */
export function fractionToNumber(value: Fraction): number {
  const safe = (x: bigint) => x <= BigInt(Number.MAX_SAFE_INTEGER) && x >= -BigInt(Number.MAX_SAFE_INTEGER);
  return safe(value.num) && safe(value.den) ? Number(value.num) / Number(value.den) : fractionToDec(value).toNumber();
}

function exactFraction(d: Dec): Fraction {
  const places = d.decimalPlaces();
  const scale = 10n ** BigInt(places);
  return fraction(BigInt(d.times(new Dec(10).pow(places)).toFixed(0)), scale);
}

/**
 * Compares a fraction with a decimal threshold exactly (no rounding at any step).
 * @example compareFraction(fraction(1n, 2n), 'lt', '0.50') // false: exactly 50% is not below 50%
 */
export function compareFraction(value: Fraction, op: Comparison, threshold: DecLike): boolean {
  const t = decimalFraction(threshold);
  const left = value.num * t.den;
  const right = t.num * value.den;
  switch (op) {
    case 'ge': return left >= right;
    case 'gt': return left > right;
    case 'lt': return left < right;
    case 'le': return left <= right;
  }
}

/** The fraction as a decimal (rounded to the workbench's 40 significant digits). @example fractionToDec(fraction(1n, 4n)).toString() // '0.25' */
export function fractionToDec(value: Fraction): Dec {
  return new Dec(value.num.toString()).div(value.den.toString());
}

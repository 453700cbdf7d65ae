import { Dec, type DecLike, toDec } from './decimal';

/**
 * Money as an integer number of fen (0.01 yuan). Integers below 2^53 add exactly in
 * binary floating point, so hot loops may sum cents as plain numbers without drift;
 * the brand keeps yuan and cents from being mixed up.
 */
export type Cents = number & { readonly __unit: 'cents' };

/** Largest amount representable exactly: about 90 trillion yuan. */
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/**
 * A sum of money beyond the range in which fen add exactly (about ±90 trillion yuan): the inputs
 * hold amounts too large to total. Bad input, not an internal failure (the CLI exits 2).
 */
export class MoneyRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyRangeError';
  }
}

/** The largest amount the workbench totals exactly, for messages. */
export const MONEY_RANGE_TEXT = '±90 trillion yuan (the range in which fen add exactly)';

/**
 * Brands an integer count of fen as {@link Cents}.
 * @throws RangeError when the value is not a safe integer.
 * @example asCents(12345) // 123.45 yuan
 */
export function asCents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`asCents: expected a safe integer number of fen, got ${value}`);
  return value as Cents;
}

/**
 * Exact sum of amounts in cents.
 * @throws MoneyRangeError when the total leaves the exactly representable range (±90 trillion yuan).
 * @example sumCents([asCents(1), asCents(2)]) // 3
 */
export function sumCents(values: Iterable<number>): Cents {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total) || Math.abs(total) > MAX_CENTS) {
    throw new MoneyRangeError(`a total of money beyond ${MONEY_RANGE_TEXT}: the input holds amounts too large to add up`);
  }
  return total as Cents;
}

/** Cents to an exact yuan amount. @example centsToYuan(asCents(12345)).toString() // '123.45' */
export function centsToYuan(cents: number): Dec {
  return new Dec(cents).div(100);
}

/**
 * Rounds a yuan amount half-up to the fen (0.01 yuan), the rule for every money output.
 * Half-up means away from zero on a tie: 0.005 → 0.01 and −0.005 → −0.01.
 * @example roundYuan('2.675').toFixed(2) // '2.68' (a binary float would give 2.67)
 */
export function roundYuan(yuan: DecLike): Dec {
  return toDec(yuan).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/**
 * Exact yuan amount to cents, rounding half-up to the fen.
 * @example yuanToCents('0.125') // 13
 */
export function yuanToCents(yuan: DecLike): Cents {
  return asCents(roundYuan(yuan).times(100).toNumber());
}

/** Formats a yuan amount with exactly two decimals, half-up. @example formatYuan('1234.5') // '1234.50' */
export function formatYuan(yuan: DecLike): string {
  return roundYuan(yuan).toFixed(2);
}

/**
 * Formats cents as yuan with two decimals: by integer arithmetic for whole fen (the sample
 * writer formats millions of amounts; going through Dec took most of its time), through Dec
 * otherwise, with the same text either way.
 * @example formatCents(asCents(-5)) // '-0.05'; formatCents(asCents(123456)) // '1234.56'
 */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) return centsToYuan(cents).toFixed(2);
  const magnitude = Math.abs(cents);
  const fen = magnitude % 100;
  return `${cents < 0 ? '-' : ''}${(magnitude - fen) / 100}.${fen < 10 ? '0' : ''}${fen}`;
}

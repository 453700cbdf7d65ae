import DecimalJs from 'decimal.js';

/**
 * The workbench's own Decimal constructor: 40 significant digits, half-up rounding.
 *
 * A local clone (never the global `Decimal.set`) so that no other library in the
 * process can change how money and regulatory ratios are computed.
 *
 * @example new Dec('0.1').plus('0.2').eq('0.3') // true
 */
export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});

/** An exact decimal value produced by {@link Dec}. */
export type Dec = InstanceType<typeof Dec>;

/** Anything {@link Dec} accepts: a Decimal, a decimal string, or a number that is already exact. */
export type DecLike = Dec | string | number;

/** Converts to {@link Dec}; numbers pass through their shortest round-trip string, so 0.1 is 0.1. */
export function toDec(value: DecLike): Dec {
  return value instanceof Dec ? value : new Dec(value);
}

/** Exact sum of decimals (0 for an empty list). */
export function sumDec(values: Iterable<DecLike>): Dec {
  let total = new Dec(0);
  for (const v of values) total = total.plus(toDec(v));
  return total;
}

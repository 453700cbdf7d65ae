/**
 * An amount in fen written as yuan with two decimals, by integer arithmetic: the same text as
 * `formatCents` for every safe integer, about twenty times faster, which matters for the
 * 200,000-policy writer (formatting through Dec took most of its time).
 * @example fenText(-5) // '-0.05'; fenText(123456) // '1234.56'
 */
export function fenText(cents: number): string {
  const magnitude = Math.abs(cents);
  const fen = magnitude % 100;
  return `${cents < 0 ? '-' : ''}${(magnitude - fen) / 100}.${fen < 10 ? '0' : ''}${fen}`;
}

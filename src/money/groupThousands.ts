/**
 * Groups the whole part of a number's text in threes with commas, independent of the machine's
 * locale; the sign and the fraction are kept as they are.
 * @example groupThousands('-1234567.50') // '-1,234,567.50'; groupThousands('999') // '999'
 */
export function groupThousands(text: string): string {
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (dot < 0 ? '' : text.slice(dot));
}

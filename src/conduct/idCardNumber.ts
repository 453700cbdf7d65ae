import { daysInMonth } from '../data/dates';

/** Weights of the first 17 digits of a citizen ID number: 2^(17 − i) mod 11 (GB 11643-1999 §7.2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The check character for each remainder of the weighted sum mod 11 (GB 11643-1999 §7.2; 10 is written X). */
const CHECK = '10X98765432';

/**
 * The check character of a citizen ID number (公民身份号码, GB 11643-1999 §7.2, ISO 7064 MOD 11-2):
 * S = Σ aᵢ·Wᵢ over the first 17 digits with Wᵢ = 2^(17 − i) mod 11, and the check character is
 * the one that makes (S + a₁₈·1) ≡ 1 (mod 11), with 10 written X.
 * @param first17 the first seventeen digits
 * @throws RangeError when `first17` is not seventeen ASCII digits.
 * @example idCardCheckDigit('11010519491231002') // 'X' (the standard's own example, 11010519491231002X)
 */
export function idCardCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCardCheckDigit: seventeen digits are needed');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/**
 * Whether an 18-character citizen ID number (already upper case) has the right check character.
 * @example isValidIdCardNumber('11010519491231002X') // true
 * @example isValidIdCardNumber('110105194912310021') // false
 */
export function isValidIdCardNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCardCheckDigit(id.slice(0, 17)) === id[17];
}

/**
 * The 18-digit form of a first-generation 15-digit ID number (GB 11643-1989): the two century
 * digits 19 go before the six-digit birth date (YYMMDD, all in the 1900s) and the check character
 * is appended, as the 1999 standard converts them.
 * @returns the 18-character number, or null when the text is not 15 digits with a real birth date.
 * @example upgradeIdCardNumber('110105491231002') // '11010519491231002X'
 */
export function upgradeIdCardNumber(id15: string): string | null {
  if (!/^\d{15}$/.test(id15)) return null;
  const year = 1900 + Number(id15.slice(6, 8));
  const month = Number(id15.slice(8, 10));
  const day = Number(id15.slice(10, 12));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCardCheckDigit(first17);
}

import { isValidIdCardNumber, upgradeIdCardNumber } from './idCardNumber';

/** What a normalised staff identifier turned out to be. */
export type StaffKeyKind = 'id_card' | 'id_card_15' | 'other';

/** A staff identifier normalised for matching across sources. The key is personal: never reported. */
export interface StaffKey {
  /** The identifier to match on. */
  readonly key: string;
  /** An 18-character ID number, a 15-digit one converted to 18, or anything else (a certificate number). */
  readonly kind: StaffKeyKind;
  /** For an 18-character ID number as written: whether its check character is right (null for other kinds). */
  readonly check_digit_valid: boolean | null;
}

/**
 * Normalises a staff identifier so that the same person matches across the registration system,
 * the statistics system, HR and disclosure (S5) however each system wrote it: full-width digits
 * and letters become ASCII (Unicode NFKC), spaces anywhere are removed, letters are upper case
 * (a check character x is X), and a first-generation 15-digit ID number with a real birth date
 * becomes its 18-digit form (check character computed, GB 11643-1999). An 18-character ID
 * number keeps its characters; whether its check character is right is reported, not repaired.
 * @returns the key, or null when nothing is left (an empty identifier).
 * @example normaliseStaffId(' １１０１０５１９４９１２３１００２x ') // { key: '11010519491231002X', kind: 'id_card', check_digit_valid: true }
 * @example normaliseStaffId('110105491231002')?.key // '11010519491231002X'
 */
export function normaliseStaffId(text: string): StaffKey | null {
  const key = text.normalize('NFKC').replace(/[\s\u200b\ufeff]+/gu, '').toUpperCase();
  if (key === '') return null;
  if (/^\d{17}[\dX]$/.test(key)) return { key, kind: 'id_card', check_digit_valid: isValidIdCardNumber(key) };
  const upgraded = upgradeIdCardNumber(key);
  if (upgraded !== null) return { key: upgraded, kind: 'id_card_15', check_digit_valid: null };
  return { key, kind: 'other', check_digit_valid: null };
}

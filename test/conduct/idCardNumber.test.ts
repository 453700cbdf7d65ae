import { describe, expect, it } from 'vitest';
import { idCardCheckDigit, isValidIdCardNumber, upgradeIdCardNumber } from '../../src/conduct/idCardNumber';
import { normaliseStaffId } from '../../src/conduct/staffKey';

describe('the citizen ID check character (GB 11643-1999 §7.2)', () => {
  it('gives X for the standard’s own example 11010519491231002X', () => {
    // Weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 on 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2:
    // 7 + 9 + 0 + 5 + 0 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 + 0 + 0 + 4 = 167; 167 mod 11 = 2 → '10X98765432'[2] = X.
    expect(idCardCheckDigit('11010519491231002')).toBe('X');
    expect(isValidIdCardNumber('11010519491231002X')).toBe(true);
  });

  it('gives 4 for the standard’s second example 440524188001010014', () => {
    // 28 + 36 + 0 + 25 + 16 + 16 + 2 + 8 + 48 + 0 + 0 + 9 + 0 + 5 + 0 + 0 + 2 = 195; 195 mod 11 = 8 → 4.
    expect(idCardCheckDigit('44052418800101001')).toBe('4');
  });

  it('rejects a wrong check character and text that is not seventeen digits', () => {
    expect(isValidIdCardNumber('110105194912310021')).toBe(false);
    expect(isValidIdCardNumber('11010519491231002x')).toBe(false); // upper case is the normaliser's job
    expect(() => idCardCheckDigit('1101051949123100')).toThrow(RangeError);
  });

  it('upgrades a 15-digit number by inserting 19 before the birth date and appending the check character', () => {
    expect(upgradeIdCardNumber('110105491231002')).toBe('11010519491231002X');
    expect(upgradeIdCardNumber('110105490231002')).toBeNull(); // 1949-02-31 is no date
    expect(upgradeIdCardNumber('11010549123100')).toBeNull();
  });
});

describe('normaliseStaffId()', () => {
  it('matches full-width digits, spaces anywhere and a lower-case x to the canonical number', () => {
    for (const written of ['11010519491231002X', '１１０１０５１９４９１２３１００２Ｘ', ' 110105 19491231 002x ', '110105\u300019491231002X']) {
      expect(normaliseStaffId(written), written).toEqual({ key: '11010519491231002X', kind: 'id_card', check_digit_valid: true });
    }
  });

  it('converts a first-generation 15-digit number to the 18-digit form the other systems use', () => {
    expect(normaliseStaffId('110105491231002')).toEqual({ key: '11010519491231002X', kind: 'id_card_15', check_digit_valid: null });
  });

  it('keeps an 18-digit number with a wrong check character as written, and says it is invalid', () => {
    expect(normaliseStaffId('110105194912310021')).toEqual({ key: '110105194912310021', kind: 'id_card', check_digit_valid: false });
  });

  it('upper-cases other identifiers (certificate numbers) and gives null for an empty one', () => {
    expect(normaliseStaffId(' ht 0000000012 ')).toEqual({ key: 'HT0000000012', kind: 'other', check_digit_valid: null });
    expect(normaliseStaffId('   ')).toBeNull();
  });
});

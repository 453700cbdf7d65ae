import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { assumptionRates } from '../../src/backtest/assumptionRates';
import { assumptionRows, book } from '../exposure/book';

const policies = book(
  'policy_id,product_code,issue_date,age_at_issue,gender,channel\n' +
    'A1,TL,2020-01-01,30,M,app\n' +
    'A2,TL,2020-01-01,30,F,agency\n' +
    'A3,AN,2020-01-01,50,F,app\n',
);

describe('assumptionRates(): the most specific matching row wins', () => {
  const rows = assumptionRows(
    'indicator,product_code,policy_year,gender,channel,rate,note\n' +
      'lapse,TL,,,,0.05,product-wide\n' + // row 2: 1 key
      'lapse,TL,1,,,0.10,first year\n' + // row 3: 2 keys
      'lapse,TL,1,,app,0.20,first year on the app\n' + // row 4: 3 keys
      'lapse,,,,,0.01,company-wide\n' + // row 5: 0 keys
      'death,TL,,,,0.002,other indicator\n',
  );
  const rates = assumptionRates(rows, 'lapse', policies, { file: 'assumptions.csv' });
  const rate = (i: number, year: number) => rates.rates[rates.slotOf(i, year, NaN)];

  it('picks the row with the most keys among those that match', () => {
    expect(rate(0, 1)).toBe(0.2); // TL, year 1, app: row 4
    expect(rate(1, 1)).toBe(0.1); // TL, year 1, agency: row 3
    expect(rate(1, 2)).toBe(0.05); // TL, year 2: row 2
    expect(rate(2, 1)).toBe(0.01); // AN: only the company-wide row 5
    expect(rates.sourceRows[rates.slotOf(0, 1, NaN)]).toBe(4);
    expect(rates.dependsOnDuration).toBe(true);
  });

  it('ignores descriptive columns that the policies do not have (note)', () => {
    expect(rates.appliesTo('AN')).toBe(true);
  });

  it('rejects two equally specific matching rows, naming both', () => {
    const tied = assumptionRows('indicator,product_code,gender,channel,rate\nlapse,TL,M,,0.05\nlapse,TL,,app,0.07\n');
    const r = assumptionRates(tied, 'lapse', policies, { file: 'assumptions.csv' });
    expect(() => r.slotOf(0, 1, NaN)).toThrow(InputError);
    expect(() => r.slotOf(0, 1, NaN)).toThrow(/rows 2 and 3 both match it with 2 keys/);
    expect(() => r.slotOf(0, 1, NaN)).toThrow(/policy A1/);
    expect(() => r.slotOf(1, 1, NaN)).toThrow(/matches policy A2/); // A2 is F on agency: no row matches
  });

  it('names a policy that no row matches', () => {
    const only = assumptionRows('indicator,product_code,rate\nlapse,TL,0.05\n');
    const r = assumptionRates(only, 'lapse', policies, { file: 'assumptions.csv' });
    expect(r.appliesTo('AN')).toBe(false);
    try {
      r.slotOf(2, 1, NaN);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).location).toMatchObject({ file: 'policies.csv', row: 4 });
      expect((error as InputError).message).toMatch(/lapse assumption in assumptions.csv that matches policy A3 \(product AN/);
    }
  });

  it('rejects a probability of 1 or more', () => {
    const bad = assumptionRows('indicator,product_code,rate\nlapse,TL,100%\n');
    expect(() => assumptionRates(bad, 'lapse', policies, { file: 'assumptions.csv' })).toThrow(/row 2, column rate: expected an annual lapse rate of at least 0 and below 1/);
  });
});

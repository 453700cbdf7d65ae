import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { assumptionRates, UnmatchedAssumption, type KeyValues } from '../../src/backtest/assumptionRates';
import { assumptionRows } from '../exposure/book';

/** Three kinds of policy: TL bought on the app by a man of 30, TL through an agency by a woman, an annuity on the app. */
const A1: KeyValues = { product_code: 'TL', age_at_issue: 30, gender: 'M', channel: 'app' };
const A2: KeyValues = { product_code: 'TL', age_at_issue: 30, gender: 'F', channel: 'agency' };
const A3: KeyValues = { product_code: 'AN', age_at_issue: 50, gender: 'F', channel: 'app' };
const options = { file: 'assumptions.csv', policyAttributes: ['gender', 'channel'] };

describe('assumptionRates(): the most specific matching row wins', () => {
  const rows = assumptionRows(
    'indicator,product_code,policy_year,gender,channel,rate,note\n' +
      'lapse,TL,,,,0.05,product-wide\n' + // row 2: 1 key
      'lapse,TL,1,,,0.10,first year\n' + // row 3: 2 keys
      'lapse,TL,1,,app,0.20,first year on the app\n' + // row 4: 3 keys
      'lapse,,,,,0.01,company-wide\n' + // row 5: 0 keys
      'death,TL,,,,0.002,other indicator\n',
  );
  const rates = assumptionRates(rows, 'lapse', options);

  it('picks the row with the most keys among those that match', () => {
    expect(rates.rateFor(A1, 1, NaN)).toEqual({ rate: 0.2, sourceRow: 4 }); // TL, year 1, app: row 4
    expect(rates.rateFor(A2, 1, NaN).rate).toBe(0.1); // TL, year 1, agency: row 3
    expect(rates.rateFor(A2, 2, NaN).rate).toBe(0.05); // TL, year 2: row 2
    expect(rates.rateFor(A3, 1, NaN).rate).toBe(0.01); // AN: only the company-wide row 5
    expect(rates.dependsOnDuration).toBe(true);
    expect(rates.fixedColumns).toEqual(['channel', 'product_code']);
  });

  it('ignores descriptive columns that the policies do not have (note)', () => {
    expect(rates.appliesTo('AN')).toBe(true);
  });

  it('rejects two equally specific matching rows, naming both', () => {
    const tied = assumptionRows('indicator,product_code,gender,channel,rate\nlapse,TL,M,,0.05\nlapse,TL,,app,0.07\n');
    const r = assumptionRates(tied, 'lapse', options);
    expect(() => r.rateFor(A1, 1, NaN)).toThrow(InputError);
    expect(() => r.rateFor(A1, 1, NaN)).toThrow(/rows 2 and 3 both match them with 2 keys/);
    expect(() => r.rateFor(A2, 1, NaN)).toThrow(UnmatchedAssumption); // A2 is F on agency: no row matches
  });

  it('says which policies no row matches (the study names the first such policy row)', () => {
    const only = assumptionRows('indicator,product_code,rate\nlapse,TL,0.05\n');
    const r = assumptionRates(only, 'lapse', options);
    expect(r.appliesTo('AN')).toBe(false);
    expect(() => r.rateFor(A3, 1, NaN)).toThrow(/no lapse assumption matches product AN/);
  });

  it('names the policy year, and the attained age only when some row is keyed on it', () => {
    const byYear = assumptionRates(assumptionRows('indicator,product_code,policy_year,rate\nlapse,TL,1,0.05\n'), 'lapse', options);
    expect([byYear.dependsOnDuration, byYear.dependsOnAttainedAge]).toEqual([true, false]);
    expect(() => byYear.rateFor(A1, 3, 32)).toThrow(/no lapse assumption matches product TL, policy year 3$/);
    const byAge = assumptionRates(assumptionRows('indicator,product_code,attained_age,rate\nlapse,TL,30,0.05\n'), 'lapse', options);
    expect([byAge.dependsOnDuration, byAge.dependsOnAttainedAge]).toEqual([true, true]);
    expect(() => byAge.rateFor(A1, 3, 32)).toThrow(/no lapse assumption matches product TL, policy year 3, attained age 32$/);
  });

  it('rejects a probability of 1 or more', () => {
    const bad = assumptionRows('indicator,product_code,rate\nlapse,TL,100%\n');
    expect(() => assumptionRates(bad, 'lapse', options)).toThrow(/row 2, column rate: expected an annual lapse rate of at least 0 and below 1/);
  });
});

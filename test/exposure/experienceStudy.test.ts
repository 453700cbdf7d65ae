import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/data/dates';
import { InputError } from '../../src/data/InputError';
import type { ExposureCell } from '../../src/exposure/exposureCell';
import { assumptionRates } from '../../src/backtest/assumptionRates';
import { assumptionRows } from './book';
import { censusCsv, study } from './study';

const sum = (cells: readonly ExposureCell[], f: (c: ExposureCell) => number) => cells.reduce((s, c) => s + f(c), 0);

describe('calendar bases: central exposure, days in force ÷ days in the calendar year', () => {
  // P1 issued 2024-02-28 (leap year), lapsed 2024-03-01: days 28 Feb, 29 Feb, 1 Mar = 3 days of 366.
  // P2 issued 2023-12-31, in force at the as-of date 2025-06-30: 1 day of 2023 (365), all of 2024
  //    (366 of 366), 181 days of 2025 (1 Jan … 30 Jun, the as-of date counted).
  const policies =
    'policy_id,product_code,issue_date,exit_date,exit_reason,channel\n' +
      'P1,TL,2024-02-28,2024-03-01,lapse,app\n' +
      'P2,TL,2023-12-31,,,agency\n';
  const asOf = dayOf(2025, 6, 30);

  it('counts the issue and exit dates and the as-of date inclusively, by calendar year', async () => {
    const cells = (await study(policies, { basis: 'calendar-year', asOf, decrements: ['lapse'] })).cells;
    expect(cells.map((c) => [c.period, c.actual])).toEqual([['2023', 0], ['2024', 1], ['2025', 0]]);
    expect(cells[0].exposure).toBe(1 / 365);
    expect(cells[1].exposure).toBe((3 + 366) / 366);
    expect(cells[2].exposure).toBe(181 / 365);
  });

  it('cuts quarters whose exposures add up to the year', async () => {
    const quarters = (await study(policies, { basis: 'calendar-quarter', asOf, decrements: ['lapse'] })).cells;
    // 2024Q1 holds P1's 3 days and P2's 91 days (Jan 31 + Feb 29 + Mar 31) of a 366-day year.
    expect(quarters.find((c) => c.period === '2024Q1')!.exposure).toBe((3 + 91) / 366);
    expect(quarters.find((c) => c.period === '2024Q1')!.actual).toBe(1);
    const years = (await study(policies, { basis: 'calendar-year', asOf, decrements: ['lapse'] })).cells;
    for (const y of years) {
      const q = quarters.filter((c) => c.period!.startsWith(y.period!));
      expect(sum(q, (c) => c.exposure)).toBeCloseTo(y.exposure, 14);
      expect(sum(q, (c) => c.actual)).toBe(y.actual);
    }
    const months = (await study(policies, { basis: 'calendar-month', asOf, decrements: ['lapse'] })).cells;
    expect(months.find((c) => c.period === '2024-02')!.exposure).toBe((2 + 29) / 366);
    expect(sum(months, (c) => c.exposure)).toBeCloseTo(sum(years, (c) => c.exposure), 13);
  });

  it('keeps expected counts at exposure × −ln(1 − q) per rate', async () => {
    const rates = assumptionRates(assumptionRows('indicator,product_code,rate\nlapse,TL,0.1\n'), 'lapse', { file: 'assumptions.csv', policyAttributes: ['channel'] });
    const cells = (await study(policies, { basis: 'calendar-year', asOf, decrements: ['lapse'], rates })).cells;
    expect(cells[1].expected).toBeCloseTo(((3 + 366) / 366) * -Math.log(0.9), 14);
  });

  it('names the first policy no assumption row matches, the same whatever order the rows come in', async () => {
    // Rates for agency and app only: P3 (row 4, broker) and P4 (row 5, bank) match none. Of the two
    // kinds, bank sorts first, so the message names P4's row whichever way the policies are ordered.
    const rates = assumptionRates(assumptionRows('indicator,product_code,channel,rate\nlapse,TL,agency,0.1\nlapse,TL,app,0.2\n'), 'lapse', { file: 'assumptions.csv', policyAttributes: ['channel'] });
    const more = policies + 'P3,TL,2024-05-01,,,broker\nP4,TL,2024-06-01,,,bank\n';
    const reordered = 'policy_id,product_code,issue_date,exit_date,exit_reason,channel\nP4,TL,2024-06-01,,,bank\nP3,TL,2024-05-01,,,broker\nP1,TL,2024-02-28,2024-03-01,lapse,app\nP2,TL,2023-12-31,,,agency\n';
    for (const basis of ['calendar-year', 'calendar-month'] as const) {
      const failure = await study(more, { basis, asOf, decrements: ['lapse'], rates }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(InputError);
      expect((failure as Error).message).toMatch(/row 5, column policy_id: expected a lapse assumption in the assumptions table that matches the policy \(.*channel bank/);
      const again = await study(reordered, { basis, asOf, decrements: ['lapse'], rates }).catch((e: unknown) => e);
      expect((again as Error).message).toMatch(/row 2, column policy_id: .*channel bank/);
    }
  });
});

describe('what a study reads for its assumption table', () => {
  // P1's age at issue is not known; P2's is 40. Both issued 2023-07-01, in force at 2024-12-31.
  const policies = 'policy_id,product_code,issue_date,exit_date,exit_reason,age_at_issue\nP1,TL,2023-07-01,,,\nP2,TL,2023-07-01,,,40\n';
  const asOf = dayOf(2024, 12, 31);
  // One policy's expected lapses at 10% in policy year 1 and 20% in year 2 (−ln(1 − q) per year of exposure):
  // year 1 is 1 Jul … 31 Dec 2023 (184 of 365 days) and 1 Jan … 30 Jun 2024 (182 of 366), year 2 is 1 Jul … 31 Dec 2024 (184 of 366).
  const each = (184 / 365 + 182 / 366) * -Math.log(0.9) + (184 / 366) * -Math.log(0.8);
  const ratesOf = (csv: string) => assumptionRates(assumptionRows(csv), 'lapse', { file: 'assumptions.csv', policyAttributes: [] });

  it('a table by policy year alone needs no ages (the study groups without them): expected counts by hand', async () => {
    const rates = ratesOf('indicator,product_code,policy_year,rate\nlapse,TL,1,0.1\nlapse,TL,2,0.2\n');
    for (const basis of ['calendar-year', 'calendar-month'] as const) {
      const cells = (await study(policies, { basis, asOf, decrements: ['lapse'], rates })).cells;
      expect(sum(cells, (c) => c.expected!), basis).toBeCloseTo(2 * each, 12);
      expect(sum(cells, (c) => c.exposure), basis).toBeCloseTo(2 * (184 / 365 + 366 / 366), 12);
    }
  });

  it('a table by policy year names the first policy no row matches when the study also reads ages (--by attained_age)', async () => {
    const aged = policies.replace('P1,TL,2023-07-01,,,', 'P1,TL,2023-07-01,,,30');
    const rates = ratesOf('indicator,product_code,policy_year,rate\nlapse,TL,1,0.1\n');
    const failure = await study(aged, { basis: 'calendar-month', asOf, by: ['attained_age'], decrements: ['lapse'], rates }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InputError);
    // Both policies reach policy year 2, which no row covers; the file's first such policy is P1, row 2.
    expect((failure as Error).message).toMatch(/policies\.csv, row 2, column policy_id: expected a lapse assumption .*\(product TL, policy year 2\)/);
  });

  it('a table by attained age needs them: the policy without an age matches no row, and is named', async () => {
    const rates = ratesOf('indicator,product_code,attained_age,rate\nlapse,TL,40,0.1\nlapse,TL,41,0.2\n');
    const failure = await study(policies, { basis: 'calendar-month', asOf, decrements: ['lapse'], rates }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as Error).message).toMatch(/row 2, column policy_id: .*\(product TL, policy year 1, attained age unknown\)/);
    const known = (await study(policies.replace('P1,TL,2023-07-01,,,', 'P1,TL,2023-07-01,,,40'), { basis: 'calendar-month', asOf, decrements: ['lapse'], rates })).cells;
    // Ages 40 and 41 fall in policy years 1 and 2: the same rates as by policy year.
    expect(sum(known, (c) => c.expected!)).toBeCloseTo(2 * each, 12);
  });
});

describe('two assumption rows that match a policy equally', () => {
  // Rows 2 and 3 tie for men on the app, rows 4 and 5 for women through an agency: the error names
  // the first kind of policy in a fixed order (F before M), whatever order the file and the engine give.
  const rates = assumptionRates(
    assumptionRows('indicator,product_code,gender,channel,rate\nlapse,TL,M,,0.05\nlapse,TL,,app,0.07\nlapse,TL,F,,0.05\nlapse,TL,,agency,0.07\n'),
    'lapse',
    { file: 'assumptions.csv', policyAttributes: ['gender', 'channel'] },
  );
  const header = 'policy_id,product_code,issue_date,exit_date,exit_reason,gender,channel\n';
  const men = 'P1,TL,2024-01-01,,,M,app\n';
  const women = 'P2,TL,2024-01-01,,,F,agency\n';

  it.each([['men first', header + men + women], ['women first', header + women + men]])('are refused, naming the same two rows (%s)', async (_, policies) => {
    for (const basis of ['calendar-year', 'calendar-month'] as const) {
      const failure = await study(policies, { basis, asOf: dayOf(2024, 12, 31), decrements: ['lapse'], rates }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(InputError);
      expect((failure as Error).message).toMatch(/rows 4 and 5 both match them with 2 keys/);
    }
  });
});

describe('policy-year basis: initial exposure', () => {
  it('handles a 29 February issue: anniversaries fall on 28 February in common years', async () => {
    // Issued 2020-02-29, surrendered 2022-03-10, study to 2022-12-31.
    // Year 1: 2020-02-29 … 2021-02-27 (365 days, whole). Year 2: 2021-02-28 … 2022-02-27 (whole).
    // Year 3: 2022-02-28 … 2023-02-27 holds the surrender: 1.0 when surrender is studied,
    // otherwise 11 days (28 Feb … 10 Mar) of 365.
    const policies = 'policy_id,product_code,issue_date,exit_date,exit_reason\nP,X,2020-02-29,2022-03-10,surrender\n';
    const asOf = dayOf(2022, 12, 31);
    const studied = (await study(policies, { basis: 'policy-year', asOf, decrements: ['surrender'] })).cells;
    expect(studied.map((c) => [c.policy_year, c.exposure, c.actual])).toEqual([[1, 1, 0], [2, 1, 0], [3, 1, 1]]);
    const other = (await study(policies, { basis: 'policy-year', asOf, decrements: ['lapse'] })).cells;
    expect(other[2].exposure).toBe(11 / 365);
    expect(other[2].actual).toBe(0);
  });

  it('divides by 366 for a policy year containing 29 February and cuts it at the as-of date', async () => {
    // Issued 2023-06-01: year 1 = 2023-06-01 … 2024-05-31 (366 days, holds 2024-02-29).
    // As of 2024-01-31 it has been in force 245 days (June 30 + July 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 + Jan 31).
    const policies = 'policy_id,product_code,issue_date\nP,X,2023-06-01\n';
    const cells = (await study(policies, { basis: 'policy-year', asOf: dayOf(2024, 1, 31), decrements: ['lapse'] })).cells;
    expect(cells).toHaveLength(1);
    expect(cells[0].exposure).toBe(245 / 366);
  });

  it('assigns attained ages as age at issue + policy year − 1, in bands', async () => {
    const policies = 'policy_id,product_code,issue_date,age_at_issue\nP,X,2020-01-01,43\n';
    const cells = (await study(policies, { basis: 'policy-year', asOf: dayOf(2022, 12, 31), decrements: [], by: ['attained_age'] })).cells;
    expect(cells.map((c) => [c.policy_year, c.by.attained_age])).toEqual([[1, '40-44'], [2, '40-44'], [3, '45-49']]);
    const single = (await study(policies, { basis: 'policy-year', asOf: dayOf(2022, 12, 31), decrements: [], by: ['attained_age'], ageBandWidth: 1 })).cells;
    expect(single.map((c) => c.by.attained_age)).toEqual([43, 44, 45]);
  });
});

describe('invariants on census_dat', () => {
  const asOf = dayOf(2019, 12, 31);
  const census = censusCsv('census_dat.csv');

  it('does not depend on the order of the policies', async () => {
    const reversed = censusCsv('census_dat.csv', (rows) => [...rows].reverse());
    const shuffled = censusCsv('census_dat.csv', (rows) => [...rows].sort((a, b) => (a[2] + a[0]).localeCompare(b[2] + b[0])));
    for (const basis of ['policy-year', 'calendar-quarter'] as const) {
      const options = { basis, asOf, decrements: ['surrender' as const], by: ['gender', 'inc_guar'] };
      const a = await study(census, options);
      expect(await study(reversed, options)).toEqual(a);
      expect(await study(shuffled, options)).toEqual(a);
    }
  });

  it('adds groups up to the totals, and quarters up to years', async () => {
    const total = (await study(census, { basis: 'calendar-year', asOf, decrements: ['surrender'] })).cells;
    const grouped = (await study(census, { basis: 'calendar-year', asOf, decrements: ['surrender'], by: ['gender', 'qual'] })).cells;
    const quarters = (await study(census, { basis: 'calendar-quarter', asOf, decrements: ['surrender'] })).cells;
    expect(sum(grouped, (c) => c.actual)).toBe(sum(total, (c) => c.actual));
    expect(sum(grouped, (c) => c.exposure)).toBeCloseTo(sum(total, (c) => c.exposure), 8);
    for (const y of total) {
      const q = quarters.filter((c) => c.product_code === y.product_code && c.period!.startsWith(y.period!));
      expect(sum(q, (c) => c.exposure)).toBeCloseTo(y.exposure, 9);
      expect(sum(q, (c) => c.actual)).toBe(y.actual);
    }
  });

  // Without a split, periods a policy covers whole are counted through a difference array; split at
  // anniversaries, every period is stepped through day ranges: both must give the same days.
  it.each(['calendar-year', 'calendar-quarter', 'calendar-month'] as const)('splits %s periods at anniversaries without changing their totals', async (basis) => {
    const plain = (await study(census, { basis, asOf, decrements: ['surrender'] })).cells;
    const split = (await study(census, { basis, asOf, decrements: ['surrender'], by: ['policy_year'] })).cells;
    for (const y of plain) {
      const parts = split.filter((c) => c.product_code === y.product_code && c.period === y.period);
      expect(sum(parts, (c) => c.exposure)).toBeCloseTo(y.exposure, 9);
      expect(sum(parts, (c) => c.actual)).toBe(y.actual);
    }
    expect(new Set(split.map((c) => `${c.product_code} ${c.period}`)).size).toBe(plain.length);
  });

  it('names an unknown grouping column', async () => {
    await expect(study(census, { basis: 'calendar-year', asOf, decrements: [], by: ['colour'] })).rejects.toThrow(InputError);
    await expect(study(census, { basis: 'calendar-year', asOf, decrements: [], by: ['colour'] })).rejects.toThrow(/colour/);
  });
});

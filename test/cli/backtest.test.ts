import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awb } from './run';
import { tempDir } from '../data/helpers';
import { smallCompany } from '../backtest/smallCompany';
import { shareChromiumInFile } from '../support/sharedChromium';

shareChromiumInFile();

type Row = Record<string, unknown>;

describe('awb backtest on a hand-made company', () => {
  const data = smallCompany();

  it('prints cells and findings as DOMAIN.md specifies', async () => {
    const r = await awb('backtest', '--data', data, '--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { cells: Row[]; findings: Row[]; scope: string[] };
    // Scope: cumulative premium ACC01 1,900,000 > TL01 900,000.
    expect(out.scope).toEqual(['ACC01', 'TL01']);
    for (const cell of out.cells) {
      expect(Object.keys(cell).slice(0, 11)).toEqual(['indicator', 'product_code', 'period', 'exposure', 'actual', 'expected', 'ae', 'ci_low', 'ci_high', 'credibility', 'deviation']);
    }
    const find = (indicator: string, product: string, period: string) => out.cells.find((c) => c.indicator === indicator && c.product_code === product && c.period === period)!;

    // TL01 lapse, 2025Q2: A, B, C in force 1 Apr – 30 Jun (91 days each; A lapses on 30 Jun, counted).
    // Exposure 3 × 91 / 365; all in policy year 1, so q = 20%: expected = exposure × −ln(0.8).
    const lapse = find('lapse', 'TL01', '2025Q2');
    expect(lapse.exposure).toBeCloseTo((3 * 91) / 365, 14);
    expect(lapse.actual).toBe(1);
    expect(lapse.expected).toBeCloseTo(((3 * 91) / 365) * -Math.log(0.8), 14);
    // Death, 2025Q4: B 92 days, C 46 days (1 Oct – 15 Nov) of 365; one death; q = 0.1%.
    const death = find('death', 'TL01', '2025Q4');
    expect(death.exposure).toBeCloseTo((92 + 46) / 365, 14);
    expect(death.actual).toBe(1);
    expect(death.ae).toBeCloseTo(1 / (((92 + 46) / 365) * -Math.log(0.999)), 10);

    // ACC01 loss ratio after reinsurance, 2025Q4:
    //   incurred 400,000 + 160,000 − 100,000 = 460,000, less ceded claims 10,000 = 450,000;
    //   earned 1,000,000 + 200,000 − 250,000 = 950,000, less ceded premium 50,000 = 900,000;
    //   450,000 ÷ 900,000 = 0.5 against 0.60: A/E 0.8333…, deviation −0.10.
    const lr = find('loss_ratio', 'ACC01', '2025Q4');
    expect([lr.actual, lr.expected, lr.exposure, lr.deviation]).toEqual([0.5, 0.6, 900000, -0.1]);
    expect(lr.ae).toBeCloseTo(0.5 / 0.6, 15);
    // Expense rate 280,000 ÷ 1,000,000 = 0.28 against the loading 0.30.
    expect(find('expense_rate', 'ACC01', '2025Q4').actual).toBe(0.28);
    // TL01 investment return 3,000,000 ÷ 300,000,000 = 1% a quarter, (1.01)⁴ − 1 = 4.060401% a year, against 3.5%.
    expect(find('investment_return', 'TL01', '2025Q4').actual).toBe(0.04060401);

    // ACC01's loss ratio 17% below expected in 2025Q3 (0.475… see below) and 2025Q4: measures follow.
    // 2025Q3: incurred 300,000 + 100,000 − 80,000 = 320,000; earned 900,000 + 150,000 − 200,000 = 850,000; 0.37647 / 0.6 = 0.627.
    const f = out.findings.find((x) => x.product_code === 'ACC01' && (x.values as Row).indicator === 'loss_ratio')!;
    expect(f).toMatchObject({ rule_id: 'BT-MEASURE', period: '2025Q4' });
    expect((f.values as Row).measure).toBe('adjust'); // ≥15% away two quarters running; ledger cells count as significant
  });

  it('groups by policy attributes and policy years, on a policy-year basis', async () => {
    const r = await awb('backtest', '--data', data, '--basis', 'policy-year', '--as-of', '2025-12-31', '--indicator', 'lapse', '--by', 'channel', '--json');
    const out = JSON.parse(r.stdout) as { cells: Row[] };
    // Policy year 1 of TL01 by channel: app has A (lapsed: whole year) and C (died 2025-11-15: 319 days of 365);
    // agency has B (365 days to 2025-12-31: the whole year 2025-01-01 … 2025-12-31).
    expect(out.cells.map((c) => [c.policy_year, c.channel, c.actual])).toEqual([[1, 'agency', 0], [1, 'app', 1]]);
    expect(out.cells[1].exposure).toBeCloseTo(1 + 319 / 365, 14);
    expect(out.cells[0].exposure).toBe(1);
    expect(out.cells[1].expected).toBeCloseTo((1 + 319 / 365) * 0.2, 14);
  });

  it('lists the cells of a policy-year study on the terminal (it has no calendar periods to summarise)', async () => {
    const r = await awb('backtest', '--data', data, '--basis', 'policy-year', '--as-of', '2025-12-31', '--indicator', 'lapse', '--by', 'channel');
    expect(r.code).toBe(0);
    // The same two cells as above: agency 0 lapses, app 1 lapse over 1 + 319/365 years at q = 20%.
    expect(r.stdout).toContain('Cells (A/E with its 95% interval):');
    // A table: product, indicator, cell, actual, expected, A/E, interval.
    expect(r.stdout).toMatch(/product +indicator +cell +actual +expected +A\/E/);
    expect(r.stdout).toMatch(/TL01 +lapse +policy year 1, channel=agency +0 +0\.2 +0\.000/);
    expect(r.stdout).toMatch(new RegExp(`TL01 +lapse +policy year 1, channel=app +1 +${((1 + 319 / 365) * 0.2).toFixed(1)} +${(1 / ((1 + 319 / 365) * 0.2)).toFixed(3)}`));
  });

  it('files the cells as CSV, the charts and a manifest, the same bytes every time', async () => {
    const out = tempDir();
    const a = await awb('backtest', '--data', data, '--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--by', 'channel', '--out', join(out, 'a'));
    const b = await awb('backtest', '--data', data, '--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--by', 'channel', '--out', join(out, 'b'));
    expect([a.code, b.code]).toEqual([0, 0]);
    for (const file of ['result.json', 'tables/cells.csv', 'tables/measures.csv', 'tables.xlsx', 'charts/charts.html', 'charts/measures.json', 'charts/ae_lapse.json']) {
      expect(existsSync(join(out, 'a', file)), file).toBe(true);
      expect(readFileSync(join(out, 'a', file)).equals(readFileSync(join(out, 'b', file))), file).toBe(true);
    }
    // A UTF-8 byte-order mark, then the header.
    expect(readFileSync(join(out, 'a', 'tables', 'cells.csv'), 'utf8').split('\n')[0]).toBe(
      '\uFEFFindicator,product_code,period,channel,exposure,actual,expected,ae,ci_low,ci_high,credibility,deviation,actual_rate,expected_rate,credibility_weighted_rate,claim_amount',
    );
  });

  it('rejects bad arguments with exit code 2', async () => {
    const bad = async (...args: string[]) => awb('backtest', '--data', data, '--as-of', '2025-12-31', ...args);
    expect((await bad('--basis', 'weekly')).stderr).toContain('argument --basis: expected one of calendar-quarter, calendar-year, calendar-month, policy-year');
    expect((await bad('--basis', 'calendar-year', '--by', 'colour')).stderr).toMatch(/argument --by.*expected a policy column to group by.*found "colour"/);
    expect((await bad('--basis', 'calendar-year', '--products', 'NOPE')).code).toBe(2);
    expect((await bad('--basis', 'calendar-year', '--indicator', 'mortality')).code).toBe(2);
  });
});

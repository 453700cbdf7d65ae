import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BacktestCell } from '../../src/backtest/backtest';
import { backtest } from '../../src/studies/backtest';
import { openData } from '../../src/studies/openData';
import { summariseCells } from '../../src/studies/summariseCells';
import { smallCompany } from '../backtest/smallCompany';
import { tempDir } from '../data/helpers';

/** A count cell with only what summarising reads. */
function cell(product: string, by: Record<string, string | number | null>, exposure: number, actual: number, expected: number): BacktestCell {
  return { indicator: 'lapse', product_code: product, period: '2025Q4', by, exposure, actual, expected, credibility: 0.1 } as unknown as BacktestCell;
}

describe('openData()', () => {
  it('reads a table once, on first use, and gives every study the same table', async () => {
    const data = await openData(smallCompany());
    const first = await data.table('products');
    expect(await data.table('products')).toBe(first);
    expect((await data.tables(['products'], ['finance'])).products).toBe(first);
    expect(first.rows.map((r) => r.product_code)).toEqual(['TL01', 'ACC01']);
  });

  it('reads nothing until asked: a bad table fails only the study that reads it', async () => {
    const dir = smallCompany();
    writeFileSync(join(dir, 'claims.csv'), 'claim_id,policy_id,product_code,incident_date,paid_amount\nX,D,ACC01,not a date,1.00\n');
    const data = await openData(dir);
    expect((await data.table('products')).rows.length).toBe(2);
    await expect(data.table('claims')).rejects.toThrow(/claims\.csv.*row 2/);
  });

  it('checks product codes against the products table, naming file, row and column', async () => {
    const dir = smallCompany();
    const policies = readFileSync(join(dir, 'policies.csv'), 'utf8');
    writeFileSync(join(dir, 'policies.csv'), policies + 'E,XX99,2025-01-01,,,30,M,app\n');
    await expect((await openData(dir)).table('policies')).rejects.toThrow(/policies\.csv.*row 6.*product_code.*a product listed in/);
  });

  it('refuses a folder that does not exist', async () => {
    await expect(openData(join(tempDir(), 'nowhere'))).rejects.toThrow(/expected an existing data folder/);
  });
});

describe('summariseCells(), as actxps exp_stats()', () => {
  it('sums exposure, actual and expected and recomputes A/E and its Poisson interval from the sums', () => {
    const cells = [cell('A', { channel: 'app' }, 100, 3, 2), cell('A', { channel: 'agency' }, 50, 1, 2), cell('B', { channel: 'app' }, 10, 0, 0.5)];
    const [a, b] = summariseCells(cells, 'calendar-quarter', ['product_code'], 0.95);
    // Hand sums: exposure 150, actual 4, expected 4, A/E 1. Exact Poisson 95% interval of a count
    // of 4 (Garwood 1936; Ulm 1990 table): [1.0899, 10.2416], divided by the expected 4.
    expect(a).toMatchObject({ indicator: 'lapse', product_code: 'A', cells: 2, exposure: 150, actual: 4, expected: 4, ae: 1 });
    expect(a.ci_low).toBeCloseTo(1.0899 / 4, 4);
    expect(a.ci_high).toBeCloseTo(10.2416 / 4, 4);
    expect(b).toMatchObject({ product_code: 'B', cells: 1, actual: 0, expected: 0.5, ae: 0 });
  });

  it('pools ledger ratios on their denominators (loss ratio 0.5 on 100 and 0.8 on 300 → 0.725)', () => {
    const ledger = (earned: number, ratio: number) => ({ ...cell('ACC01', {}, earned, ratio, 0.6), indicator: 'loss_ratio', credibility: null }) as unknown as BacktestCell;
    const [row] = summariseCells([ledger(100, 0.5), ledger(300, 0.8)], 'calendar-quarter', ['product_code'], 0.95);
    expect(row.actual).toBeCloseTo((0.5 * 100 + 0.8 * 300) / 400, 12);
    expect(row.expected).toBeCloseTo(0.6, 12);
    expect(row.ae).toBeCloseTo(0.725 / 0.6, 12);
    expect(row.ci_low).toBeNull();
  });

  it('groups add up to the total, whatever the order of the cells', () => {
    const cells = [cell('A', { channel: 'app' }, 100, 3, 2), cell('A', { channel: 'agency' }, 50, 1, 2), cell('B', { channel: 'app' }, 10, 2, 0.5)];
    const byChannel = summariseCells([...cells].reverse(), 'calendar-quarter', ['channel'], 0.95);
    const total = summariseCells(cells, 'calendar-quarter', [], 0.95)[0];
    expect(byChannel.reduce((n, r) => n + (r.actual ?? 0), 0)).toBe(total.actual);
    expect(byChannel.reduce((n, r) => n + r.exposure, 0)).toBe(total.exposure);
    expect(total).toMatchObject({ cells: 3, exposure: 160, actual: 6, expected: 4.5 });
  });

  it('refuses a column the cells do not have', () => {
    expect(() => summariseCells([cell('A', {}, 1, 0, 1)], 'calendar-quarter', ['region'], 0.95)).toThrow(/argument by: expected a column of the cells.*"region"/);
  });
});

describe('backtest(data, params)', () => {
  it('takes ISO dates and plain options, and its product totals are the measures the study assessed', async () => {
    const bt = await backtest(await openData(smallCompany()), { basis: 'calendar-quarter', asOf: '2025-12-31', by: ['channel'] });
    expect(bt.as_of).toBe('2025-12-31');
    expect(bt.scope).toEqual(['ACC01', 'TL01']);
    expect(bt.inputs.map((f) => f.split('/').pop())).toEqual(['products.csv', 'policies.csv', 'assumptions.csv', 'claims.csv', 'finance.csv']);
    // The measures are computed inside the study from its own product totals; summarise gives the same A/E.
    const totals = bt.summarise(['product_code', 'period']);
    const counted = bt.measures.filter((m) => m.ci_low !== null);
    expect(counted.length).toBeGreaterThan(0);
    for (const m of counted) {
      const row = totals.find((r) => r.indicator === m.indicator && r.product_code === m.product_code && r.period === m.period)!;
      expect(row.ae).toBeCloseTo(m.ae!, 12);
      expect(row.ci_high).toBeCloseTo(m.ci_high!, 12);
    }
    // TL01 lapse, 2025Q2 (hand-worked in test/cli/backtest.test.ts): 1 lapse on 3 × 91/365 policy-years.
    const q2 = totals.find((r) => r.indicator === 'lapse' && r.product_code === 'TL01' && r.period === '2025Q2')!;
    expect(q2.actual).toBe(1);
    expect(q2.exposure).toBeCloseTo((3 * 91) / 365, 14);
  });

  it('refuses a date that is not YYYY-MM-DD, naming the parameter', async () => {
    await expect(backtest(await openData(smallCompany()), { basis: 'calendar-quarter', asOf: '31/12/2025' })).rejects.toThrow(/argument asOf: expected a date YYYY-MM-DD, found "31\/12\/2025"/);
  });
});

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eligibility } from '../../src/studies/eligibility';
import { expenseCaps } from '../../src/studies/expenseCaps';
import { openData } from '../../src/studies/openData';

const FIXTURE = resolve(__dirname, '..', 'fixtures', 'expense-company');

describe('eligibility(data, params)', () => {
  it('gives each quarter its reserve coverage ratio and the verdicts of the assessed quarter', async () => {
    const e = await eligibility(await openData(FIXTURE));
    expect(e.assessed).toBe('2025Q4');
    // 2025Q2 (hand computation, as in test/cli/commands/eligibility.test.ts): (500,000,000 − 100,000,000
    // + 0.8·50,000,000 + 0.6·40,000,000 + 0.4·30,000,000 + 0.2·20,000,000) / 480,000,000 = 1 exactly.
    expect(e.quarters.map((q) => [q.quarter, q.coverage?.ratio?.toString()])).toContainEqual(['2025Q2', '1']);
    expect(e.findings.map((f) => [f.rule_id, f.values.failed_quarters])).toEqual([
      ['ILI-ELIG', '2025Q2'], ['ILI-ELIG-HEALTH', '2025Q2'], ['ILI-ELIG-LONG', '2025Q2'],
    ]);
    expect(e.inputs.map((f) => f.split('/').pop())).toEqual(['solvency.csv', 'products.csv']);
  });

  it('takes the quarter as text and refuses one that is not YYYYQn', async () => {
    const data = await openData(FIXTURE);
    expect((await eligibility(data, { quarter: '2025Q1' })).assessed).toBe('2025Q1');
    await expect(eligibility(data, { quarter: '2025-03' })).rejects.toThrow(/argument quarter: expected a quarter YYYYQn, found "2025-03"/);
  });
});

describe('expenseCaps(data, params)', () => {
  it('checks the loadings against their caps; P03 sits exactly on the average-loading cap', async () => {
    const caps = await expenseCaps(await openData(FIXTURE));
    // P03: (450 + 135 + 90) / (1000 + 900 + 800) = 675 / 2700 = 25% exactly: on the cap of ILI-EXP-AVG, within it.
    const p03 = caps.checks.find((c) => c.product_code === 'P03' && c.rule_id === 'ILI-EXP-AVG')!;
    expect(p03.rate!.toString()).toBe('0.25');
    expect(p03.within).toBe(true);
    expect(p03.headroom_pp!.isZero()).toBe(true);
    expect(caps.inputs.map((f) => f.split('/').pop())).toEqual(['products.csv', 'loadings.csv', 'finance.csv']);
  });

  it('shares the tables of one data folder between studies', async () => {
    const data = await openData(FIXTURE);
    const products = await data.table('products');
    await expenseCaps(data);
    await eligibility(data);
    expect(await data.table('products')).toBe(products);
  });
});

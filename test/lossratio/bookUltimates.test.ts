import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/data/dataFolder';
import { bookUltimates } from '../../src/lossratio/bookUltimates';
import { lossRatioAnalysis } from '../../src/lossratio/lossRatioAnalysis';
import { triangleFromRows } from '../../src/lossratio/triangle';
import { loadRulebook } from '../../src/rules/rulebook';

const SAMPLE = path.resolve(__dirname, '..', '..', 'data', 'sample');
let folder: Awaited<ReturnType<typeof loadDataFolder<'products' | 'finance' | 'triangle'>>>;
let years: ReturnType<typeof lossRatioAnalysis>['years'];

beforeAll(async () => {
  folder = await loadDataFolder(SAMPLE, ['products', 'finance', 'triangle']);
  years = lossRatioAnalysis(folder.products.rows, folder.finance.rows, loadRulebook(), { year: 2025 }).years;
});

describe('bookUltimates() on the sample company\'s short-term book', () => {
  it('develops the immature year by Bornhuetter–Ferguson with the premium-weighted pricing loss ratio, worked by hand', () => {
    const triangle = triangleFromRows(folder.triangle.rows);
    const u = bookUltimates(folder.products.rows, years, triangle, { method: 'bf' });
    expect(u.products).toEqual(['ACC01', 'ACC02', 'ACC03', 'ACC04', 'ACC05', 'MED01', 'MED02']);
    // Hand computation from triangle.csv: f_k = Σ C(k+1)/Σ C(k) over the accident years observed at both ages.
    const c = (o: number, a: number) => folder.triangle.rows.find((r) => r.origin === o && r.development === a)!.value;
    const f1 = (c(2021, 2) + c(2022, 2) + c(2023, 2) + c(2024, 2)) / (c(2021, 1) + c(2022, 1) + c(2023, 1) + c(2024, 1));
    const f2 = (c(2021, 3) + c(2022, 3) + c(2023, 3)) / (c(2021, 2) + c(2022, 2) + c(2023, 2));
    const f3 = (c(2021, 4) + c(2022, 4)) / (c(2021, 3) + c(2022, 3));
    const f4 = c(2021, 5) / c(2021, 4);
    const p2025 = 1 / (f1 * f2 * f3 * f4);
    // The a priori: Σ expected_loss_ratio × earned premium ÷ Σ earned premium of the seven products in 2025.
    const rows2025 = years.filter((r) => r.period === '2025' && u.products.includes(r.product_code));
    const earned = rows2025.reduce((a, r) => a + r.earned_premium / 100, 0);
    const expected = rows2025.reduce((a, r) => a + folder.products.rows.find((p) => p.product_code === r.product_code)!.expected_loss_ratio!.toNumber() * (r.earned_premium / 100), 0);
    const y2025 = u.years.find((y) => y.year === 2025)!;
    expect(y2025.expected_developed).toBeCloseTo(p2025, 12);
    expect(y2025.immature).toBe(true);
    expect(y2025.method).toBe('bf');
    expect(y2025.apriori_loss_ratio).toBeCloseTo(expected / earned, 12);
    expect(y2025.ultimate).toBeCloseTo(c(2025, 1) + (1 - p2025) * expected, 6);
    expect(y2025.ultimate_loss_ratio).toBeCloseTo((c(2025, 1) + (1 - p2025) * expected) / earned, 12);
    expect(y2025.how).toMatch(/^2025: 81\.8% of the ultimate expected to have emerged \(below 90\.0%\): Bornhuetter–Ferguson with a priori loss ratio 52\.\d% \(pricing\)$/);
    // 2024 is 98.5% developed: chain ladder, ultimate = C × f2 × f3 × f4.
    const y2024 = u.years.find((y) => y.year === 2024)!;
    expect(y2024.method).toBe('chainladder');
    expect(y2024.ultimate).toBeCloseTo(c(2024, 2) * f2 * f3 * f4, 6);
  });

  it('develops every year by the chain ladder when the threshold is low, and the immature ones move with it', () => {
    const triangle = triangleFromRows(folder.triangle.rows);
    expect(bookUltimates(folder.products.rows, years, triangle, { method: 'bf', matureAt: 0.5 }).years.every((y) => y.method === 'chainladder')).toBe(true);
    expect(bookUltimates(folder.products.rows, years, triangle, { method: 'bf', matureAt: 0.99 }).years.filter((y) => y.immature).map((y) => y.year)).toEqual([2024, 2025]);
  });

  it('names the product without a pricing loss ratio that Bornhuetter–Ferguson needs', () => {
    const triangle = triangleFromRows(folder.triangle.rows);
    expect(() => bookUltimates(folder.products.rows, years, triangle, { method: 'bf', products: ['ACC01', 'TRM01'] }, 'products.csv')).toThrow(/expected a pricing loss ratio for TRM01/);
  });
});

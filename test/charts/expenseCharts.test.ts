import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capitalDashboardFigure } from '../../src/charts/capitalDashboard';
import { expenseHeadroomFigure } from '../../src/charts/expenseHeadroom';
import { loadDataFolder } from '../../src/data/dataFolder';
import { productLoadings } from '../../src/expense/productLoadings';
import { checkExpenseCaps } from '../../src/rules/expenseCaps';
import { reviewEligibility } from '../../src/rules/internetEligibility';
import { loadRulebook } from '../../src/rules/rulebook';

const FIXTURE = resolve(__dirname, '..', 'fixtures', 'expense-company');
const BOOK = loadRulebook();

describe('expenseHeadroomFigure()', () => {
  it('draws one bar per known headroom, breaches red and left of zero, the worst at the top', async () => {
    const { products, loadings } = await loadDataFolder(FIXTURE, ['products', 'loadings']);
    const checks = checkExpenseCaps(productLoadings(products, loadings), BOOK).checks;
    const bar = expenseHeadroomFigure(checks).data[0] as { y: string[]; x: number[]; marker: { color: string[] } };
    expect(bar.y).toHaveLength(checks.filter((c) => c.headroom_pp !== null).length);
    // Plotly draws the first category at the bottom, so the bars run from the largest headroom up to the worst breach:
    // P07's fee cap of 45% against its 40% first-year loading (−5 pp), then P04's average 705/2700 against 25%.
    expect(bar.y.slice(-2)).toEqual(['P04 · ILI-EXP-AVG', 'P07 · ILI-FEE-CAP']);
    expect(bar.x[bar.x.length - 1]).toBe(-5);
    expect(bar.x[bar.x.length - 2]).toBeCloseTo(-100 * (705 / 2700 - 0.25), 12);
    expect(bar.y).toContain('P06 · ACC-EXP-GROUP-SHORT (draft)');
    bar.x.forEach((x, i) => expect(bar.marker.color[i] === '#c0392b').toBe(x < 0));
    expect(bar.x).toEqual([...bar.x].sort((a, b) => b - a));
  });
});

describe('capitalDashboardFigure()', () => {
  it('draws the eight quarters with the rulebook thresholds and marks the failing quarter red', async () => {
    const { solvency } = await loadDataFolder(FIXTURE, ['solvency']);
    const figure = capitalDashboardFigure(reviewEligibility(solvency, BOOK), BOOK);
    const [comprehensive, core, coverage] = figure.data as { x: string[]; y: number[]; marker: { color: string[] } }[];
    expect(comprehensive.x).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(coverage.y).toEqual([120, 120, 120, 120, 120, 100, 120, 120]);
    expect(coverage.marker.color[5]).toBe('#c0392b');
    expect(coverage.marker.color.filter((c) => c === '#c0392b')).toHaveLength(1);
    expect(core.y[0]).toBe(140);
    const lines = (figure.layout.shapes as { y0: number; yref: string }[]).map((s) => [s.yref, s.y0]);
    // S1 §3: 120%, 75%, coverage 100%; S1 §11: 150%, 100%.
    expect(lines).toEqual([['y', 120], ['y', 75], ['y', 150], ['y', 100], ['y2', 100]]);
  });

  it('shows at most the eight quarters ending in the one assessed', async () => {
    const { solvency } = await loadDataFolder(FIXTURE, ['solvency']);
    const figure = capitalDashboardFigure(reviewEligibility(solvency, BOOK, { quarter: '2025Q1' as never }), BOOK);
    expect((figure.data[0] as { x: string[] }).x).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1']);
  });
});

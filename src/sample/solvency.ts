import type { TableRow } from '../evidence/csv';
import { formatCents } from '../money/cents';
import { Dec } from '../money/decimal';
import { ELIGIBILITY_BREAK } from './plantedFindings';

/** What the company reports for one quarter; ratios as decimal text, money in yuan. */
interface QuarterReport {
  readonly quarter: string;
  readonly comprehensive: string;
  readonly core: string;
  readonly rating: string;
  readonly surplus: number;
  /** The reserve coverage ratio the balance items are set to give. */
  readonly coverage: string;
}

/** Hengtai Life's eight solvency quarters (company-wide, C-ROSS). */
const QUARTERS: readonly QuarterReport[] = [
  { quarter: '2024Q1', comprehensive: '2.0512', core: '1.4238', rating: 'AA', surplus: 4_612_350_000, coverage: '1.0615' },
  { quarter: '2024Q2', comprehensive: '2.0137', core: '1.3965', rating: 'AA', surplus: 4_538_720_000, coverage: '1.0582' },
  { quarter: '2024Q3', comprehensive: '1.9621', core: '1.3512', rating: 'A', surplus: 4_421_060_000, coverage: '1.0474' },
  { quarter: '2024Q4', comprehensive: '1.9248', core: '1.3307', rating: 'A', surplus: 4_356_910_000, coverage: '1.0413' },
  { quarter: '2025Q1', comprehensive: '1.8836', core: '1.2894', rating: 'AA', surplus: 4_287_440_000, coverage: '1.0186' },
  { quarter: '2025Q2', comprehensive: '1.8412', core: '1.2561', rating: 'A', surplus: 4_198_530_000, coverage: ELIGIBILITY_BREAK.reserveCoverage },
  { quarter: '2025Q3', comprehensive: '1.8675', core: '1.2748', rating: 'A', surplus: 4_263_180_000, coverage: '1.0263' },
  { quarter: '2025Q4', comprehensive: '1.8953', core: '1.2986', rating: 'AA', surplus: 4_335_870_000, coverage: '1.0348' },
];

/** The company's total expenses over the year ending `quartersAfter2020` quarters after 2020Q4, whole yuan (about 2.5% growth a quarter). */
function trailingYearExpenses(quartersAfter2020: number): number {
  return Math.round(820_000_000 * 1.025 ** quartersAfter2020);
}

/**
 * Rows of solvency.csv: eight quarters 2024Q1–2025Q4 of solvency ratios, C-ROSS risk ratings (all
 * class A), governance grade B, no major penalty, and the balance items of S1 annex 1. Reserves,
 * other liabilities and the expenses of the four one-year bands before each quarter end
 * (E₁…E₄, whole yuan, so 0.8E₁ + 0.6E₂ + 0.4E₃ + 0.2E₄ is exact in fen) are set first; assets are
 * then chosen (rounded half-up to the fen) so that
 * (assets − other liabilities + 0.8E₁ + 0.6E₂ + 0.4E₃ + 0.2E₄) ÷ reserves is the quarter's coverage:
 * exactly 1 in the planted quarter (2025Q2), between 1.018 and 1.062 elsewhere.
 * @example solvencyRows()[5] // { quarter: '2025Q2', …, assets: '12146128060.49', other_liabilities: '1527347150.09', reserves: '12947157600.40', … }
 */
export function solvencyRows(): TableRow[] {
  return QUARTERS.map((q, i) => {
    const reserves = new Dec(Math.round(11_612_345_678.91 * 1.022 ** i * 100)).div(100).toDecimalPlaces(2);
    const other = new Dec(Math.round(1_453_218_406.37 * 1.01 ** i * 100)).div(100).toDecimalPlaces(2);
    const n = 13 + i; // 2024Q1 is 13 quarters after 2020Q4
    const e = [trailingYearExpenses(n), trailingYearExpenses(n - 4), trailingYearExpenses(n - 8), trailingYearExpenses(n - 12)];
    const adjustment = new Dec(e[0]).times('0.8').plus(new Dec(e[1]).times('0.6')).plus(new Dec(e[2]).times('0.4')).plus(new Dec(e[3]).times('0.2'));
    const assets = reserves.times(q.coverage).plus(other).minus(adjustment).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
    return {
      quarter: q.quarter,
      comprehensive_solvency_ratio: q.comprehensive,
      core_solvency_ratio: q.core,
      risk_rating: q.rating,
      solvency_surplus: formatCents(q.surplus * 100),
      governance_grade: 'B',
      major_penalty_last_year: false,
      assets: assets.toFixed(2),
      other_liabilities: other.toFixed(2),
      reserves: reserves.toFixed(2),
      expenses_y1: e[0].toFixed(2),
      expenses_y2: e[1].toFixed(2),
      expenses_y3: e[2].toFixed(2),
      expenses_y4: e[3].toFixed(2),
    };
  });
}

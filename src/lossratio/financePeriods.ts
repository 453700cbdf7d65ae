import { InputError } from '../data/InputError';
import { isQuarter, type Period, periodYear, type Quarter } from '../data/period';
import type { FinanceRow } from '../data/rows';
import { type Cents, MONEY_RANGE_TEXT, MoneyRangeError, sumCents } from '../money/cents';

/**
 * The ledger of one product over one period (a year or a quarter), in integer fen: the finance
 * row's S2 columns and policies sold (null when unknown for the period or any of its quarters),
 * with the reinsurance columns made definite and the rows it was built from.
 */
export type PeriodLedger = Pick<
  FinanceRow,
  'product_code' | 'period' | 'premium_income' | 'upr_opening' | 'upr_closing' | 'claims_paid' | 'ocr_opening' | 'ocr_closing' | 'policies_sold'
> & {
  /** Premium ceded to reinsurers; 0 when the finance table has no such column or cell. */
  readonly ceded_premium: Cents;
  /** Claims recovered from reinsurers; 0 when absent. */
  readonly ceded_claims: Cents;
  /** Spreadsheet rows of the finance table that make up this period, in order. */
  readonly source_rows: readonly number[];
};

/** A year for which a product has some quarters but not all four (and no year row). */
export interface IncompleteYear {
  readonly product_code: string;
  readonly year: number;
  /** The quarters present, in order. */
  readonly quarters: readonly Quarter[];
}

/** The finance ledger arranged by period: whole years, quarters, and years still incomplete. */
export interface FinancePeriods {
  /** Complete years: from a year row, or summed from all four quarter rows. Ordered by product, then year. */
  readonly years: readonly PeriodLedger[];
  /** Quarter rows as given. Ordered by product, then quarter. */
  readonly quarters: readonly PeriodLedger[];
  /** Years with one to three quarters and no year row: not complete, so not a year of the rules. */
  readonly incomplete_years: readonly IncompleteYear[];
}

/**
 * The ledger of one finance row as it stands (its own period), absent reinsurance cells read as 0.
 * @example periodLedgerOfRow(row).ceded_premium // 0 when the row has no ceded_premium
 */
export function periodLedgerOfRow(row: FinanceRow): PeriodLedger {
  return {
    product_code: row.product_code,
    period: row.period,
    premium_income: row.premium_income,
    upr_opening: row.upr_opening,
    upr_closing: row.upr_closing,
    claims_paid: row.claims_paid,
    ocr_opening: row.ocr_opening,
    ocr_closing: row.ocr_closing,
    ceded_premium: row.ceded_premium ?? (0 as Cents),
    ceded_claims: row.ceded_claims ?? (0 as Cents),
    policies_sold: row.policies_sold,
    source_rows: [row.source_row],
  };
}

/**
 * Sums four quarters into their year: flows (premium, claims, ceded amounts, policies sold) are
 * added; the reserves take the opening of the first quarter and the closing of the last.
 * @param quarters the ledgers of Q1…Q4 of one product, in order
 */
function yearOfQuarters(quarters: readonly PeriodLedger[], file: string): PeriodLedger {
  const first = quarters[0];
  const last = quarters[quarters.length - 1];
  const sum = (column: 'premium_income' | 'claims_paid' | 'ceded_premium' | 'ceded_claims') => {
    try {
      return sumCents(quarters.map((q) => q[column]));
    } catch (error) {
      if (!(error instanceof MoneyRangeError)) throw error;
      const rows = quarters.flatMap((q) => q.source_rows);
      throw new InputError({ file, row: rows[rows.length - 1], column }, `amounts whose sum over the quarters of ${first.product_code} ${periodYear(first.period)} (rows ${rows.join(', ')}) stays within ${MONEY_RANGE_TEXT}`);
    }
  };
  const sold = quarters.map((q) => q.policies_sold);
  return {
    product_code: first.product_code,
    period: String(periodYear(first.period)) as Period,
    premium_income: sum('premium_income'),
    upr_opening: first.upr_opening,
    upr_closing: last.upr_closing,
    claims_paid: sum('claims_paid'),
    ocr_opening: first.ocr_opening,
    ocr_closing: last.ocr_closing,
    ceded_premium: sum('ceded_premium'),
    ceded_claims: sum('ceded_claims'),
    policies_sold: sold.every((n) => n !== null) ? sold.reduce<number>((a, n) => a + (n as number), 0) : null,
    source_rows: quarters.flatMap((q) => q.source_rows),
  };
}

/** Orders ledgers of one grain by product, then period (within a grain the canonical text sorts by time). */
function byProductThenPeriod(a: PeriodLedger, b: PeriodLedger): number {
  return a.product_code < b.product_code ? -1 : a.product_code > b.product_code ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0;
}

/**
 * Arranges the finance ledger (DOMAIN.md, Input tables) into years and quarters. A table may hold
 * years (`2024`), quarters (`2024Q3`) or both for different years. A year is complete only with a
 * year row or with all four quarter rows; from quarters, flows are summed and the reserves are the
 * opening of Q1 and the closing of Q4. The result does not depend on the order of the rows.
 *
 * @param rows the typed rows of the finance table (product_code and period are unique per row)
 * @param file the finance file's name, for error messages
 * @throws InputError when a product has both a year row and quarter rows for the same year,
 * naming both rows.
 * @example financePeriods(rows).years.map((y) => y.period) // ['2023', '2024'] for 2023 and 2024Q1…Q4
 */
export function financePeriods(rows: readonly FinanceRow[], file = 'finance'): FinancePeriods {
  const yearRows = new Map<string, FinanceRow>();
  const quarterRows = new Map<string, FinanceRow[]>();
  for (const row of rows) {
    const key = `${row.product_code}\u0000${periodYear(row.period)}`;
    if (isQuarter(row.period)) {
      const list = quarterRows.get(key) ?? [];
      list.push(row);
      quarterRows.set(key, list);
    } else {
      yearRows.set(key, row);
    }
  }
  for (const [key, list] of quarterRows) {
    const yearRow = yearRows.get(key);
    if (yearRow) {
      const quarterRow = list.reduce((a, b) => (a.source_row < b.source_row ? a : b));
      throw new InputError(
        { file, row: Math.max(yearRow.source_row, quarterRow.source_row), column: 'period' },
        `either a year row or quarter rows for product ${yearRow.product_code} in ${yearRow.period}, not both ` +
          `(row ${yearRow.source_row} is the year ${yearRow.period}, row ${quarterRow.source_row} is the quarter ${quarterRow.period})`,
      );
    }
  }

  const quarters = rows.filter((r) => isQuarter(r.period)).map(periodLedgerOfRow).sort(byProductThenPeriod);
  const years: PeriodLedger[] = [...yearRows.values()].map(periodLedgerOfRow);
  const incomplete: IncompleteYear[] = [];
  for (const list of quarterRows.values()) {
    const ordered = [...list].sort((a, b) => (a.period < b.period ? -1 : 1));
    const present = ordered.map((r) => r.period as Quarter);
    if (present.length === 4) {
      years.push(yearOfQuarters(ordered.map(periodLedgerOfRow), file));
    } else {
      incomplete.push({ product_code: ordered[0].product_code, year: periodYear(ordered[0].period), quarters: present });
    }
  }
  years.sort(byProductThenPeriod);
  incomplete.sort((a, b) => (a.product_code < b.product_code ? -1 : a.product_code > b.product_code ? 1 : a.year - b.year));
  return { years, quarters, incomplete_years: incomplete };
}

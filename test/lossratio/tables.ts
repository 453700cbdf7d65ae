import { parseCsvText } from '../../src/data/readCsv';
import { parseTable } from '../../src/data/parseTable';
import type { FinanceRow, ProductRow } from '../../src/data/rows';

/** The finance table typed from CSV text, as a data folder would give it. */
export function financeRows(csv: string, file = 'finance.csv'): readonly FinanceRow[] {
  return parseTable<FinanceRow>('finance', parseCsvText(file, csv)).rows;
}

/** The products table typed from CSV text. */
export function productRows(csv: string, file = 'products.csv'): readonly ProductRow[] {
  return parseTable<ProductRow>('products', parseCsvText(file, csv)).rows;
}

export const FINANCE_HEADER = 'product_code,period,premium_income,upr_opening,upr_closing,claims_paid,ocr_opening,ocr_closing,policies_sold';

/**
 * A finance line with no reserves, so that earned premium = premium income and incurred claims =
 * claims paid: the ratios of the boundary tests can be read straight off the numbers.
 */
export function plainYear(code: string, period: string | number, premium: string, claims: string, sold: number | '' = 10000): string {
  return `${code},${period},${premium},0,0,${claims},0,0,${sold}`;
}

import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import type { LoadingRow, ProductRow } from '../data/rows';
import type { Dec } from '../money/decimal';
import { type AverageLoading, averageLoading } from './averageLoading';

/** Where a loading figure came from: computed from the loadings table, or as given in products. */
export type LoadingSource = 'loadings' | 'products';

/** A product's first-year and average additional expense rates, with their sources. */
export interface ProductLoading {
  readonly product: ProductRow;
  /** The first-year rate used for the caps: l₁ from the loadings table, else products.loading_first_year. */
  readonly loading_first_year: Dec | null;
  readonly loading_first_year_source: LoadingSource | null;
  /** The average rate used for the caps: PV loadings ÷ PV premiums from the loadings table, else products.loading_average. */
  readonly loading_average: Dec | null;
  readonly loading_average_source: LoadingSource | null;
  /** The present-value computation, when the product has loadings rows. */
  readonly basis: AverageLoading | null;
  /** Spreadsheet rows of the loadings table used, in policy-year order. */
  readonly loading_rows: readonly number[];
}

/**
 * The additional expense rates of every product (DOMAIN.md, expense caps): from the pricing
 * basis in the `loadings` table when the product has rows there (average = Σₜ vᵗ⁻¹·pₜ·Gₜ·lₜ ÷
 * Σₜ vᵗ⁻¹·pₜ·Gₜ at products.pricing_interest_rate, first year = l₁), otherwise as given in
 * `products`. The figures given in products are kept on the product row for comparison.
 *
 * @param products the products table
 * @param loadings the loadings table, when the data folder has one
 * @returns one entry per product, in the products table's order
 * @throws InputError naming the loadings file and row when a product's policy years are not
 * 1, 2, … without gaps, or when every year has a zero premium or in-force probability; naming
 * the products file, row and column pricing_interest_rate when a basis of more than one year
 * has no interest rate to discount with.
 * @example productLoadings(products, loadings).find((p) => p.product.product_code === 'P07')?.loading_average_source // 'loadings'
 */
export function productLoadings(products: Table<ProductRow>, loadings?: Table<LoadingRow>): ProductLoading[] {
  const rowsByProduct = new Map<string, LoadingRow[]>();
  for (const row of loadings?.rows ?? []) {
    const list = rowsByProduct.get(row.product_code) ?? [];
    list.push(row);
    rowsByProduct.set(row.product_code, list);
  }
  return products.rows.map((product) => {
    const rows = (rowsByProduct.get(product.product_code) ?? []).sort((a, b) => a.policy_year - b.policy_year);
    const basis = rows.length > 0 && loadings ? basisOf(product, rows, products, loadings) : null;
    const first = basis ? basis.first_year : product.loading_first_year;
    const average = basis ? basis.average : product.loading_average;
    return {
      product,
      loading_first_year: first,
      loading_first_year_source: basis ? 'loadings' : product.loading_first_year !== null ? 'products' : null,
      loading_average: average,
      loading_average_source: basis ? 'loadings' : product.loading_average !== null ? 'products' : null,
      basis,
      loading_rows: rows.map((r) => r.source_row),
    };
  });
}

function basisOf(product: ProductRow, rows: readonly LoadingRow[], products: Table<ProductRow>, loadings: Table<LoadingRow>): AverageLoading {
  rows.forEach((row, index) => {
    if (row.policy_year !== index + 1) {
      const after = index === 0 ? 'the first year to be 1' : `policy year ${index + 1} after year ${rows[index - 1].policy_year}`;
      throw new InputError(
        { file: loadings.file, row: row.source_row, column: 'policy_year', header: loadings.headers.policy_year },
        `policy years 1, 2, 3, … without gaps for product ${product.product_code} (${after})`,
        String(row.policy_year),
      );
    }
  });
  if (rows.every((r) => r.gross_premium === 0 || r.inforce_probability.isZero())) {
    throw new InputError(
      { file: loadings.file, row: rows[0].source_row, column: 'gross_premium', header: loadings.headers.gross_premium },
      `a positive gross premium and in-force probability in at least one policy year of product ${product.product_code}`,
    );
  }
  if (rows.length > 1 && product.pricing_interest_rate === null) {
    throw new InputError(
      { file: products.file, row: product.source_row, column: 'pricing_interest_rate', header: products.headers.pricing_interest_rate },
      `a pricing interest rate to discount the ${rows.length} policy years of ${product.product_code} in ${loadings.file}`,
      '',
    );
  }
  const rate = product.pricing_interest_rate ?? 0;
  return averageLoading(
    rows.map((r) => ({ policy_year: r.policy_year, gross_premium: yuanText(r.gross_premium), loading_rate: r.loading_rate, inforce_probability: r.inforce_probability })),
    rate,
  );
}

/** Cents as exact yuan text by integer arithmetic (123456 → '1234.56'); the basis may have a hundred thousand rows. */
function yuanText(cents: number): string {
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

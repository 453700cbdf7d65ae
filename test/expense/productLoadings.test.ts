import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { parseTable } from '../../src/data/parseTable';
import { parseCsvText } from '../../src/data/readCsv';
import type { LoadingRow, ProductRow } from '../../src/data/rows';
import { productLoadings } from '../../src/expense/productLoadings';

const products = (text: string) => parseTable<ProductRow>('products', parseCsvText('products.csv', text));
const loadings = (text: string) => parseTable<LoadingRow>('loadings', parseCsvText('loadings.csv', text));

const PRODUCTS = `product_code,line,internet,business,term_months,premium_mode,loading_first_year,loading_average,pricing_interest_rate
L1,term_life,true,individual,240,regular,0.50,0.30,0.05
S1,medical,true,individual,12,regular,,33%,
N1,annuity,true,individual,240,single,,,0.03
`;

// i = 5%: v·p₂ = 0.945/1.05 = 0.9, so PV premiums = 1000 + 900 = 1900 and
// PV loadings = 1000·0.45 + 900·0.15 = 450 + 135 = 585; average = 585/1900 = 0.307894736842…
const LOADINGS = `product_code,policy_year,gross_premium,loading_rate,inforce_probability
L1,2,1000.00,15%,0.945
L1,1,1000.00,45%,1
`;

describe('productLoadings()', () => {
  it('takes the rates from the pricing basis when the product has loadings rows, and says so', () => {
    const [l1] = productLoadings(products(PRODUCTS), loadings(LOADINGS));
    expect(l1.loading_average_source).toBe('loadings');
    expect(l1.loading_first_year_source).toBe('loadings');
    expect(l1.loading_first_year!.toString()).toBe('0.45');
    expect(l1.loading_average!.toSignificantDigits(12).toString()).toBe('0.307894736842');
    expect(l1.basis!.pv_gross_premiums.toString()).toBe('1900');
    expect(l1.loading_rows).toEqual([3, 2]);
    // The figures products gives stay on the product row for comparison.
    expect(l1.product.loading_average!.toString()).toBe('0.3');
  });

  it('falls back to the products table, and to nothing when neither gives a rate', () => {
    const [, s1, n1] = productLoadings(products(PRODUCTS), loadings(LOADINGS));
    expect(s1.loading_average!.toString()).toBe('0.33');
    expect(s1.loading_average_source).toBe('products');
    expect(s1.loading_first_year).toBeNull();
    expect(s1.loading_first_year_source).toBeNull();
    expect(n1.loading_average).toBeNull();
    expect(n1.basis).toBeNull();
  });

  it('works without a loadings table', () => {
    expect(productLoadings(products(PRODUCTS)).map((p) => p.loading_average_source)).toEqual(['products', 'products', null]);
  });

  it('rejects a gap in the policy years, naming the loadings file, row and column', () => {
    const gap = `product_code,policy_year,gross_premium,loading_rate,inforce_probability\nL1,1,1000,0.45,1\nL1,3,1000,0.15,0.9\n`;
    const error = catchError(() => productLoadings(products(PRODUCTS), loadings(gap)));
    expect(error).toBeInstanceOf(InputError);
    expect(error.location).toMatchObject({ file: 'loadings.csv', row: 3, column: 'policy_year' });
    expect(error.message).toContain('policy year 2 after year 1');
  });

  it('rejects a basis that does not start in policy year 1', () => {
    const late = `product_code,policy_year,gross_premium,loading_rate,inforce_probability\nL1,2,1000,0.45,1\n`;
    expect(catchError(() => productLoadings(products(PRODUCTS), loadings(late))).location).toMatchObject({ file: 'loadings.csv', row: 2, column: 'policy_year' });
  });

  it('rejects a basis of several years when products gives no pricing interest rate, naming the products row', () => {
    const noRate = PRODUCTS.replace('L1,term_life,true,individual,240,regular,0.50,0.30,0.05', 'L1,term_life,true,individual,240,regular,0.50,0.30,');
    const error = catchError(() => productLoadings(products(noRate), loadings(LOADINGS)));
    expect(error.location).toMatchObject({ file: 'products.csv', row: 2, column: 'pricing_interest_rate' });
  });

  it('rejects a basis whose premiums are all zero', () => {
    const zero = `product_code,policy_year,gross_premium,loading_rate,inforce_probability\nL1,1,0,0.45,1\n`;
    expect(catchError(() => productLoadings(products(PRODUCTS), loadings(zero))).location).toMatchObject({ file: 'loadings.csv', row: 2, column: 'gross_premium' });
  });
});

function catchError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

import type { TableRow } from '../evidence/csv';
import { PRODUCTS } from './company';
import { deathRate, incidenceRate, MAX_TABLE_AGE } from './pricingBasis';

type Keys = { product_code?: string; policy_year?: number; attained_age?: number; gender?: 'M' | 'F' };

function row(indicator: string, rate: number | string, keys: Keys = {}): TableRow {
  return {
    indicator,
    product_code: keys.product_code ?? null,
    policy_year: keys.policy_year ?? null,
    attained_age: keys.attained_age ?? null,
    gender: keys.gender ?? null,
    rate: typeof rate === 'number' ? rate.toFixed(6) : rate,
  };
}

/**
 * Rows of assumptions.csv, the pricing basis at several levels of specificity (the most
 * specific matching row wins):
 * - death: one company-wide table by gender and attained age (no product key);
 * - lapse or surrender: a product-wide rate plus overrides for the first policy years;
 * - incidence: by product and attained age (critical illness) or product-wide (long-term accident);
 * - loss_ratio and expense_rate per short-term product; investment_return per long-term product.
 * @example assumptionRows().length // 370
 * @example assumptionRows()[0] // { indicator: 'death', product_code: null, policy_year: null, attained_age: 0, gender: 'M', rate: '0.000272' }
 */
export function assumptionRows(): TableRow[] {
  const rows: TableRow[] = [];
  for (const gender of ['M', 'F'] as const) {
    for (let age = 0; age <= MAX_TABLE_AGE; age++) rows.push(row('death', deathRate(gender, age), { gender, attained_age: age }));
  }
  for (const p of PRODUCTS) {
    if (p.kind !== 'long') continue;
    rows.push(row(p.exit.indicator, p.exit.rate, { product_code: p.code }));
    p.exit.by_year.forEach((rate, i) => rows.push(row(p.exit.indicator, rate, { product_code: p.code, policy_year: i + 1 })));
  }
  for (const p of PRODUCTS) {
    if (p.kind !== 'long' || p.incidence.kind === 'none') continue;
    if (p.incidence.kind === 'flat') rows.push(row('incidence', p.incidence.rate, { product_code: p.code }));
    else for (let age = 0; age <= MAX_TABLE_AGE; age++) rows.push(row('incidence', incidenceRate(p, age), { product_code: p.code, attained_age: age }));
  }
  for (const p of PRODUCTS) {
    if (p.kind !== 'short') continue;
    rows.push(row('loss_ratio', p.expected_loss_ratio, { product_code: p.code }));
    rows.push(row('expense_rate', p.loading, { product_code: p.code }));
  }
  for (const p of PRODUCTS) {
    if (p.kind === 'long') rows.push(row('investment_return', p.pricing_interest_rate, { product_code: p.code }));
  }
  return rows;
}

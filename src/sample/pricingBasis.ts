import type { LongTermProduct } from './company';

/**
 * The sample company's pricing assumptions as annual rates: what the assumptions table holds,
 * what the loadings table's in-force probabilities come from, and what the simulated experience
 * follows (before the planted drift). Rates are rounded to six decimals, exactly as written.
 */

/** Oldest attained age the pricing tables cover. */
export const MAX_TABLE_AGE = 105;

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Pricing mortality q_x, the annual probability of death at attained age x: a Gompertz–Makeham
 * curve 0.00025 + 0.000022·e^{0.092x} (men) of the order of China's CL(2010–2013) tables, women
 * at 60%, capped at 0.5.
 * @example deathRate('M', 40) // 0.001122
 */
export function deathRate(gender: 'M' | 'F', age: number): number {
  const male = Math.min(0.5, 0.00025 + 0.000022 * Math.exp(0.092 * age));
  return round6(gender === 'M' ? male : 0.6 * male);
}

/**
 * Pricing lapse or surrender rate in a policy year: the year's own rate when the product
 * declares one, else its product-wide rate.
 * @example exitRate(TRM01, 1) // 0.12; exitRate(TRM01, 5) // 0.05
 */
export function exitRate(product: LongTermProduct, policyYear: number): number {
  return Number(product.exit.by_year[policyYear - 1] ?? product.exit.rate);
}

/**
 * Pricing incidence rate (insured events other than death) at an attained age; 0 when the
 * product covers none. Age-rated products: rate at 30 × e^{growth·(x − 30)}, capped at 0.5.
 * @example incidenceRate(CI01, 30) // 0.0009; incidenceRate(CI01, 50) // 0.004927
 */
export function incidenceRate(product: LongTermProduct, age: number): number {
  const incidence = product.incidence;
  switch (incidence.kind) {
    case 'none':
      return 0;
    case 'flat':
      return Number(incidence.rate);
    case 'age':
      return round6(Math.min(0.5, incidence.at30 * Math.exp(incidence.growth * (age - 30))));
  }
}

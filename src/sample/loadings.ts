import type { TableRow } from '../evidence/csv';
import { formatCents } from '../money/cents';
import { Dec } from '../money/decimal';
import { type LongTermProduct, PRODUCTS } from './company';
import { deathRate, exitRate, incidenceRate } from './pricingBasis';

/** The pricing basis of one long-term product by policy year, as written to loadings.csv. */
export interface LoadingSchedule {
  readonly product: LongTermProduct;
  /** Gross premium due at the start of each policy year, in fen. */
  readonly grossPremium: readonly number[];
  /** Loading rates as written (decimal text). */
  readonly loadingRate: readonly string[];
  /** In-force probabilities at the start of each year as written (six decimals). */
  readonly inforceProbability: readonly string[];
  /** PV loadings ÷ PV gross premiums from the written values, exact. */
  readonly average: Dec;
}

/** Issue age and sum assured of the model point the loadings table is priced for. */
const MODEL_POINT = { age: 35, sumAssured: 100_000 } as const;

/**
 * The average additional expense rate of a schedule (DOMAIN.md, S1 §9.2): PV loadings ÷ PV gross
 * premiums, Σₜ vᵗ⁻¹·pₜ·Gₜ·lₜ ÷ Σₜ vᵗ⁻¹·pₜ·Gₜ, premiums at the start of policy year t, v = 1/(1+i).
 * Exact in Dec.
 * @example averageLoading(['1000.00','1000.00'], ['0.5','0.1'], ['1','0.9'], '0') // 0.3105… (= (500 + 90) ÷ 1900)
 */
export function averageLoading(grossPremium: readonly string[], loadingRate: readonly string[], inforce: readonly string[], interest: string): Dec {
  const v = new Dec(1).div(new Dec(1).plus(interest));
  let loadings = new Dec(0);
  let premiums = new Dec(0);
  grossPremium.forEach((g, t) => {
    const weight = v.pow(t).times(inforce[t]).times(g);
    premiums = premiums.plus(weight);
    loadings = loadings.plus(weight.times(loadingRate[t]));
  });
  return loadings.div(premiums);
}

/**
 * Builds a long-term product's loadings schedule for a model point (a man aged 35, 100,000
 * yuan sum assured): a level gross premium over the premium-paying years, in-force probabilities
 * from the pricing mortality, lapse/surrender and (when it ends the cover) incidence rates, and
 * loading rates of years 1–3 as declared with one level rate for later years, solved (to four
 * decimals) so that the average comes close to the product's target.
 * @example loadingSchedule(CI01).average.toFixed(8) // '0.26999942'
 */
export function loadingSchedule(product: LongTermProduct): LoadingSchedule {
  const years = product.premium_years;
  const premium = Math.round((MODEL_POINT.sumAssured / 1000) * product.rate_per_thousand * Math.exp(product.age_slope * (MODEL_POINT.age - 40)) * 100);
  const grossPremium = Array.from({ length: years }, () => premium);
  const inforceProbability: string[] = [];
  let p = 1;
  for (let t = 1; t <= years; t++) {
    inforceProbability.push(p.toFixed(6));
    const age = MODEL_POINT.age + t - 1;
    const incidence = product.incidence.kind === 'age' ? incidenceRate(product, age) : 0;
    p = Number(p.toFixed(6)) * (1 - deathRate('M', age)) * (1 - exitRate(product, t)) * (1 - incidence);
  }
  const early = [product.loadings.first, product.loadings.second, product.loadings.third].slice(0, years);
  const g = grossPremium.map((c) => formatCents(c));
  const v = new Dec(1).div(new Dec(1).plus(product.pricing_interest_rate));
  const weight = (t: number) => v.pow(t).times(inforceProbability[t]).times(g[t]);
  let level = '0';
  if (years > early.length) {
    let total = new Dec(0);
    let earlyLoadings = new Dec(0);
    let late = new Dec(0);
    for (let t = 0; t < years; t++) {
      total = total.plus(weight(t));
      if (t < early.length) earlyLoadings = earlyLoadings.plus(weight(t).times(early[t]));
      else late = late.plus(weight(t));
    }
    level = new Dec(product.loadings.target_average).times(total).minus(earlyLoadings).div(late).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString();
  }
  const loadingRate = grossPremium.map((_, t) => early[t] ?? level);
  return { product, grossPremium, loadingRate, inforceProbability, average: averageLoading(g, loadingRate, inforceProbability, product.pricing_interest_rate) };
}

/** Every long-term product's schedule, in catalogue order. @example loadingSchedules().length // 8 */
export function loadingSchedules(): LoadingSchedule[] {
  return PRODUCTS.filter((p): p is LongTermProduct => p.kind === 'long').map(loadingSchedule);
}

/**
 * Rows of loadings.csv: one per product and premium-paying policy year.
 * @example loadingRows(loadingSchedules()).length // 106
 */
export function loadingRows(schedules: readonly LoadingSchedule[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const s of schedules) {
    s.grossPremium.forEach((g, t) => {
      rows.push({ product_code: s.product.code, policy_year: t + 1, gross_premium: formatCents(g), loading_rate: s.loadingRate[t], inforce_probability: s.inforceProbability[t] });
    });
  }
  return rows;
}

import { VALUE_ZH } from '../present/words';
import { InputError } from '../data/InputError';
import type { ProductRow } from '../data/rows';
import type { EarnedLossRatio } from './earnedLossRatio';
import { estimateReserve } from './estimateReserve';
import { iteratedBf } from './bornhuetterFerguson';
import { mackChainLadder } from './mackChainLadder';
import { mackStyleVariances } from './mackStyleError';
import { METHOD_NAMES, type ReserveMethod } from './reserveEstimate';
import type { Triangle } from './triangle';

/** Options of the ultimate loss ratios of a book. */
export interface BookUltimateOptions {
  /** The method for immature years (the chain ladder develops the mature ones). */
  readonly method: ReserveMethod;
  /** A year is developed (chain ladder) once the pattern expects at least this share of its ultimate to have emerged; default 0.9. */
  readonly matureAt?: number;
  /** The products the triangle covers; default every product with a term of 12 months or less (the short-term book). */
  readonly products?: readonly string[] | null;
  /** Cape Cod decay. */
  readonly decay?: number;
}

/** One accident year of the book. */
export interface BookYear {
  readonly year: number;
  /** Earned premium of the book's products in the year (yuan), from the ledger. */
  readonly earned_premium: number;
  /** S2's incurred claims (paid + Δ outstanding claims reserve) of the book's products (yuan), and their ratio. */
  readonly incurred_claims: number;
  readonly reported_loss_ratio: number | null;
  /** Paid to date (the triangle's latest value) and its share of the ultimate the pattern expects. */
  readonly paid_to_date: number;
  readonly expected_developed: number;
  /** How the year's ultimate was obtained. */
  readonly method: ReserveMethod;
  readonly immature: boolean;
  /** The premium-weighted pricing loss ratio of the book's products in the year (the Bornhuetter–Ferguson a priori); null when a product has none. */
  readonly apriori_loss_ratio: number | null;
  /** The a priori loss ratio the year's method used (Cape Cod: estimated), null for the chain ladder. */
  readonly method_apriori_loss_ratio: number | null;
  readonly ultimate: number;
  readonly ultimate_loss_ratio: number;
  readonly ultimate_loss_ratio_se: number;
  /** In words: which method developed the year, and why. */
  readonly how: string;
  /** The same in Chinese. */
  readonly how_zh: string;
}

/** The ultimate loss ratios of the book that a claims triangle covers. */
export interface BookUltimates {
  readonly products: readonly string[];
  readonly method: ReserveMethod;
  readonly mature_at: number;
  readonly years: readonly BookYear[];
  /** Pooled over the latest three years of the triangle: Σ ultimate ÷ Σ earned premium, beside S2's Σ incurred ÷ Σ earned. */
  readonly three_year: { readonly years: string; readonly ultimate_loss_ratio: number; readonly ultimate_loss_ratio_se: number; readonly reported_loss_ratio: number | null } | null;
}

/**
 * Ultimate loss ratios by accident year for the book a claims triangle covers (the short-term
 * products by default), for the years whose reported loss ratios are not final: earned premium
 * and S2's incurred claims of the book's products from the ledger; each year's ultimate by the
 * chain ladder once the pattern expects at least `matureAt` of it to have emerged, and by the
 * chosen method (Bornhuetter–Ferguson or Benktander with the premium-weighted pricing loss ratio
 * Σ ELR_p·EP_p ÷ Σ EP_p as a priori, or Cape Cod) below that. Standard errors are Mack-style
 * (`mackStyleVariances`), the total's including the pattern's shared error. The S2 rules are not
 * changed by this: they are judged on the ledger's incurred claims, as S2 defines them.
 *
 * @param products the products table's rows (terms and pricing loss ratios)
 * @param years yearly earned loss ratios by product (`lossRatioAnalysis(...).years`)
 * @param triangle the book's cumulative claims triangle (origins are accident years)
 * @throws InputError naming the products file for a product without `expected_loss_ratio` that
 * Bornhuetter–Ferguson needs, or an origin year with no earned premium.
 * @example bookUltimates(products, analysis.years, triangle, { method: 'bf' }).years[4].how // '2025: 81.8% expected to have emerged (below 90%): Bornhuetter–Ferguson …'
 */
export function bookUltimates(products: readonly ProductRow[], years: readonly EarnedLossRatio[], triangle: Triangle, options: BookUltimateOptions, productsFile = 'products'): BookUltimates {
  const matureAt = options.matureAt ?? 0.9;
  const codes = options.products ?? products.filter((p) => p.term_months <= 12).map((p) => p.product_code);
  for (const code of codes) {
    if (!products.some((p) => p.product_code === code)) throw new InputError({ argument: '--triangle-products', file: productsFile }, `a product of the products table`, code);
  }
  const book = new Set(codes);
  const mack = mackChainLadder(triangle);
  const inBook = (y: number) => years.filter((r) => book.has(r.product_code) && r.period === String(y));
  const premium = triangle.origins.map((y) => inBook(y).reduce((a, r) => a + r.earned_premium, 0) / 100);
  const incurred = triangle.origins.map((y) => inBook(y).reduce((a, r) => a + r.incurred_claims, 0) / 100);
  triangle.origins.forEach((y, i) => {
    if (!(premium[i] > 0)) throw new InputError({ file: 'finance', column: 'premium_income' }, `a positive earned premium of the book (${codes.join(', ')}) in accident year ${y}, the triangle's origin`, String(premium[i]));
  });
  const apriori = triangle.origins.map((y) => {
    const rows = inBook(y);
    let expected = 0;
    for (const r of rows) {
      const elr = products.find((p) => p.product_code === r.product_code)!.expected_loss_ratio;
      if (elr === null) return { ratio: null, missing: r.product_code };
      expected += elr.toNumber() * r.earned_premium;
    }
    const earned = rows.reduce((a, r) => a + r.earned_premium, 0);
    return { ratio: expected / earned, missing: null };
  });
  const method = options.method;
  const immature = mack.origins.map((o) => method !== 'chainladder' && o.development_to_date < matureAt);
  if ((method === 'bf' || method === 'benktander') && immature.some(Boolean)) {
    const gap = apriori.find((a, i) => immature[i] && a.ratio === null);
    if (gap) throw new InputError({ file: productsFile, column: 'expected_loss_ratio' }, `a pricing loss ratio for ${gap.missing}, in the book whose immature years ${METHOD_NAMES[method]} develops`);
  }
  const estimate = method === 'chainladder' ? null : estimateReserve(mack, method, { premiums: premium, aprioriLossRatios: apriori.map((a, i) => a.ratio ?? (immature[i] ? null : 0)), decay: options.decay });
  const iterations = method === 'benktander' ? 2 : 1;
  const sensitivity = mack.origins.map((o, i) => {
    if (!immature[i]) return { ultimate: o.ultimate, dq: o.latest / o.development_to_date ** 2, prior_variance: 0 };
    const prior = estimate!.estimate.origins[i].apriori!;
    return iteratedBf(o.latest, o.development_to_date, prior, iterations, 0);
  });
  const v = mackStyleVariances(mack, sensitivity);
  const share = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows: BookYear[] = mack.origins.map((o, i) => {
    const used: ReserveMethod = immature[i] ? method : 'chainladder';
    const lr = immature[i] ? estimate!.estimate.origins[i].apriori_loss_ratio : null;
    const how = immature[i]
      ? `${o.origin}: ${share(o.development_to_date)} of the ultimate expected to have emerged (below ${share(matureAt)}): ${METHOD_NAMES[method]} with a priori loss ratio ${share(lr!)}${method === 'capecod' ? ' (estimated from the triangle)' : ' (pricing)'}`
      : `${o.origin}: ${share(o.development_to_date)} expected to have emerged${method === 'chainladder' ? '' : ` (at least ${share(matureAt)})`}: chain ladder`;
    const how_zh = immature[i]
      ? `${o.origin}年：预计已发展${share(o.development_to_date)}（低于${share(matureAt)}），采用${VALUE_ZH[method]}，先验赔付率${share(lr!)}（${method === 'capecod' ? '由赔款三角形估计' : '定价假设'}）`
      : `${o.origin}年：预计已发展${share(o.development_to_date)}${method === 'chainladder' ? '' : `（不低于${share(matureAt)}）`}，采用链梯法`;
    return {
      year: o.origin,
      earned_premium: premium[i],
      incurred_claims: incurred[i],
      reported_loss_ratio: incurred[i] / premium[i],
      paid_to_date: o.latest,
      expected_developed: o.development_to_date,
      method: used,
      immature: immature[i],
      apriori_loss_ratio: apriori[i].ratio,
      method_apriori_loss_ratio: lr,
      ultimate: sensitivity[i].ultimate,
      ultimate_loss_ratio: sensitivity[i].ultimate / premium[i],
      ultimate_loss_ratio_se: Math.sqrt(v.process[i] + v.parameter[i]) / premium[i],
      how,
      how_zh,
    };
  });
  let three: BookUltimates['three_year'] = null;
  if (rows.length >= 3) {
    const last = rows.slice(-3);
    const earned = last.reduce((a, r) => a + r.earned_premium, 0);
    // The pooled ratio's error: process of the three years and the pattern's shared error, from the same variances restricted to them.
    const idx = [rows.length - 3, rows.length - 2, rows.length - 1];
    const restricted = mackStyleVariances(mack, sensitivity.map((s, i) => (idx.includes(i) ? s : { ultimate: 0, dq: 0, prior_variance: 0 })));
    three = {
      years: `${last[0].year}–${last[2].year}`,
      ultimate_loss_ratio: last.reduce((a, r) => a + r.ultimate, 0) / earned,
      ultimate_loss_ratio_se: Math.sqrt(restricted.total_process + restricted.total_parameter) / earned,
      reported_loss_ratio: last.reduce((a, r) => a + r.incurred_claims, 0) / earned,
    };
  }
  return { products: codes, method, mature_at: matureAt, years: rows, three_year: three };
}

import { Dec, type DecLike, toDec } from '../money/decimal';

/**
 * Sums of powers of (1 + i) grow by a few digits per policy year; this clone keeps every
 * digit of the present-value sums (terms up to ~1,500 policy years at a 6-digit rate), so
 * the only rounding is the final division at {@link Dec}'s 40 digits. Multiplication and
 * addition cost what the digits cost, not what the precision allows.
 */
const ExactDec = Dec.clone({ precision: 10_000 });

/** One policy year of a pricing basis: premium at the start of year t, its loading and in-force probability. */
export interface LoadingYear {
  /** t = 1 for the first policy year. */
  readonly policy_year: number;
  /** Gₜ, gross premium due at the start of the year, in yuan. */
  readonly gross_premium: DecLike;
  /** lₜ, the loading as a fraction of the gross premium. */
  readonly loading_rate: DecLike;
  /** pₜ, probability that the policy is in force at the start of the year. */
  readonly inforce_probability: DecLike;
}

/** The average additional expense rate and the present values it is the ratio of. */
export interface AverageLoading {
  /** Σₜ vᵗ⁻¹·pₜ·Gₜ·lₜ ÷ Σₜ vᵗ⁻¹·pₜ·Gₜ, to 40 significant digits. */
  readonly average: Dec;
  /** l₁, the first-year rate. */
  readonly first_year: Dec;
  /** Present value at issue of the loadings, in yuan (40 digits). */
  readonly pv_loadings: Dec;
  /** Present value at issue of the gross premiums, in yuan (40 digits). */
  readonly pv_gross_premiums: Dec;
  /** Number of policy years in the basis. */
  readonly policy_years: number;
}

/**
 * The average additional expense rate (平均附加费用率) of a pricing basis: the present value of
 * the loadings over the present value of the gross premiums (DOMAIN.md, expense caps; S1 §9.2,
 * S2): Σₜ vᵗ⁻¹·pₜ·Gₜ·lₜ ÷ Σₜ vᵗ⁻¹·pₜ·Gₜ with v = 1/(1+i). Both sums are multiplied by (1+i)ᵀ⁻¹
 * and accumulated by Horner's rule, S ← S·(1+i) + xₜ, so they are exact decimals and the
 * average is correctly rounded; an average of exactly 25% is exactly 0.25.
 *
 * @param years the policy years 1…T, each once, in any order
 * @param interestRate i, the pricing interest rate as a fraction (0.025)
 * @throws RangeError when the years are not exactly 1…T, or when no year has a positive pₜ·Gₜ
 * (callers that read tables check first and throw InputError with the row).
 * @example averageLoading([
 *   { policy_year: 1, gross_premium: 1000, loading_rate: '0.5', inforce_probability: 1 },
 *   { policy_year: 2, gross_premium: 1000, loading_rate: '0.1', inforce_probability: '0.9' },
 * ], '0.05').average.toFixed(6) // '0.315385' = (500 + 90/1.05) ÷ (1000 + 900/1.05) = 615 ÷ 1950
 */
export function averageLoading(years: readonly LoadingYear[], interestRate: DecLike): AverageLoading {
  const ordered = [...years].sort((a, b) => a.policy_year - b.policy_year);
  ordered.forEach((y, index) => {
    if (y.policy_year !== index + 1) throw new RangeError(`averageLoading: expected policy years 1…${ordered.length} once each, found ${ordered.map((o) => o.policy_year).join(', ')}`);
  });
  if (ordered.length === 0) throw new RangeError('averageLoading: expected at least one policy year');
  const growth = new ExactDec(toDec(interestRate)).plus(1);
  let premiums = new ExactDec(0);
  let loadings = new ExactDec(0);
  for (const y of ordered) {
    const premium = new ExactDec(toDec(y.inforce_probability)).times(toDec(y.gross_premium));
    premiums = premiums.times(growth).plus(premium);
    loadings = loadings.times(growth).plus(premium.times(toDec(y.loading_rate)));
  }
  if (!premiums.isPositive() || premiums.isZero()) throw new RangeError('averageLoading: expected a positive present value of gross premiums');
  const discount = growth.pow(ordered.length - 1);
  return {
    average: new Dec(loadings).div(new Dec(premiums)),
    first_year: toDec(ordered[0].loading_rate),
    pv_loadings: new Dec(loadings).div(new Dec(discount)),
    pv_gross_premiums: new Dec(premiums).div(new Dec(discount)),
    policy_years: ordered.length,
  };
}

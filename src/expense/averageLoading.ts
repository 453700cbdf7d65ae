import { Dec, type DecLike, toDec } from '../money/decimal';

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
  /** Σₜ vᵗ⁻¹·pₜ·Gₜ·lₜ ÷ Σₜ vᵗ⁻¹·pₜ·Gₜ, correctly rounded to 40 significant digits. */
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

/** A decimal as an integer and a power of ten: value = int ÷ 10^scale, exactly. */
interface Scaled {
  readonly int: bigint;
  readonly scale: number;
}

/** Exact integer form of a decimal, read from its plain text ('0.035' → 35 ÷ 10³). */
function scaled(value: DecLike): Scaled {
  const text = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? value : toDec(value).toFixed();
  const dot = text.indexOf('.');
  return dot < 0 ? { int: BigInt(text), scale: 0 } : { int: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

const TEN = 10n;
const times = (a: Scaled, b: Scaled): Scaled => ({ int: a.int * b.int, scale: a.scale + b.scale });
const rescale = (a: Scaled, scale: number): bigint => a.int * TEN ** BigInt(scale - a.scale);

/**
 * The average additional expense rate (平均附加费用率) of a pricing basis: the present value of
 * the loadings over the present value of the gross premiums (DOMAIN.md, expense caps; S1 §9.2,
 * S2): Σₜ vᵗ⁻¹·pₜ·Gₜ·lₜ ÷ Σₜ vᵗ⁻¹·pₜ·Gₜ with v = 1/(1+i). Both sums are multiplied by (1+i)ᵀ⁻¹,
 * which turns them into polynomials in (1+i) with no division, and accumulated by Horner's rule,
 * S ← S·(1+i) + xₜ, in exact integer arithmetic (BigInt, every input digit kept); the only rounding
 * is the final division to 40 significant digits. So an average of exactly 25% is exactly 0.25,
 * where binary floats can give 0.25000000000000006.
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
  if (ordered.length === 0) throw new RangeError('averageLoading: expected at least one policy year');
  ordered.forEach((y, index) => {
    if (y.policy_year !== index + 1) throw new RangeError(`averageLoading: expected policy years 1…${ordered.length} once each, found ${ordered.map((o) => o.policy_year).join(', ')}`);
  });
  // xₜ = pₜ·Gₜ and yₜ = pₜ·Gₜ·lₜ, exact, brought to one scale each.
  const premiums = ordered.map((y) => times(scaled(y.inforce_probability), scaled(y.gross_premium)));
  const loadings = ordered.map((y, t) => times(premiums[t], scaled(y.loading_rate)));
  const premiumScale = Math.max(...premiums.map((x) => x.scale));
  const loadingScale = Math.max(...loadings.map((x) => x.scale));
  // (1+i) = growth ÷ 10^k. Horner on the integers: U ← U·growth + xₜ·10^(k·(t−1)), so that after T
  // years U = 10^(k·(T−1)) · Σₜ (1+i)^(T−t)·xₜ; the factor 10^(k·(T−1)) cancels in the ratio.
  const growth = scaled(toDec(interestRate).plus(1));
  const step = TEN ** BigInt(growth.scale);
  let shift = 1n;
  let premiumSum = 0n;
  let loadingSum = 0n;
  for (let t = 0; t < ordered.length; t++) {
    premiumSum = premiumSum * growth.int + rescale(premiums[t], premiumScale) * shift;
    loadingSum = loadingSum * growth.int + rescale(loadings[t], loadingScale) * shift;
    shift *= step;
  }
  if (premiumSum <= 0n) throw new RangeError('averageLoading: expected a positive present value of gross premiums');
  // PV at issue = U ÷ (growth^(T−1) · 10^scale): the Horner sum discounted back T−1 years.
  const discount = growth.int ** BigInt(ordered.length - 1);
  const pvPremiums = new Dec(premiumSum.toString()).div(new Dec((discount * TEN ** BigInt(premiumScale)).toString()));
  const pvLoadings = new Dec(loadingSum.toString()).div(new Dec((discount * TEN ** BigInt(loadingScale)).toString()));
  return {
    average: new Dec((loadingSum * TEN ** BigInt(premiumScale)).toString()).div(new Dec((premiumSum * TEN ** BigInt(loadingScale)).toString())),
    first_year: toDec(ordered[0].loading_rate),
    pv_loadings: pvLoadings,
    pv_gross_premiums: pvPremiums,
    policy_years: ordered.length,
  };
}

import type { Apriori } from './bornhuetterFerguson';
import type { MackChainLadder } from './mackChainLadder';

/** Options of the Cape Cod a priori. */
export interface CapeCodOptions {
  /**
   * Decay d of the generalised Cape Cod (Struzzieri & Hussian 1998; chainladder-python `decay`):
   * origin j counts with weight d^|i−j| in origin i's loss ratio. Default 1: one loss ratio for all.
   */
  readonly decay?: number;
  /** Annual loss-ratio trend t (chainladder-python `trend`): losses of origin j are brought to the latest origin's level by (1 + t)^(latest − j). Default 0. */
  readonly trend?: number;
}

/** The Cape Cod loss ratio of one origin. */
export interface CapeCodRatio {
  readonly origin: number;
  /** The loss ratio at the latest origin's level (chainladder-python `apriori_`). */
  readonly trended: number;
  /** The loss ratio at this origin's own level, used for its a priori (chainladder-python `detrended_apriori_`). */
  readonly loss_ratio: number;
  /** Premium × p: the premium "used up" at the latest age (p = 1 ÷ factor to ultimate). */
  readonly used_up_premium: number;
}

/**
 * The Cape Cod (Stanard–Bühlmann) a priori loss ratio, estimated from the triangle and the
 * premiums instead of chosen: with used-up premium E_j = P_j·p_j and trend factors
 * T_j = (1 + t)^(latest origin − j),
 * ELR_i = Σ_j d^|i−j|·E_j·(C_j·T_j/E_j) ÷ Σ_j d^|i−j|·E_j, and origin i's a priori is
 * P_i·ELR_i/T_i (Bühlmann 1983; Stanard 1985, PCAS 72; Friedland 2010, ch. 10; chainladder-python
 * `CapeCod(trend, decay)`: on its `xyz` sample 0.763919 for every origin, decay 0.5 gives 0.797751
 * for 1998). With d = 1 and t = 0 this is Σ C_j ÷ Σ E_j.
 *
 * @param mack the chain ladder giving each origin's latest amount and p_j
 * @param premiums earned premium of each origin (triangle order, the triangle's units), positive
 * @throws RangeError for a premium that is not positive, or a decay outside (0, 1].
 * @example capeCodRatios(mackChainLadder(xyz), xyzPremiums)[0].loss_ratio // 0.763919 (chainladder-python docs, xyz)
 */
export function capeCodRatios(mack: MackChainLadder, premiums: readonly number[], options: CapeCodOptions = {}): CapeCodRatio[] {
  const decay = options.decay ?? 1;
  const trend = options.trend ?? 0;
  if (!(decay > 0 && decay <= 1)) throw new RangeError(`the Cape Cod decay must lie in (0, 1], got ${decay}`);
  if (!(trend > -1)) throw new RangeError(`the Cape Cod trend must exceed −1, got ${trend}`);
  if (premiums.length !== mack.origins.length) throw new RangeError(`one premium per origin is needed (${mack.origins.length}), got ${premiums.length}`);
  premiums.forEach((p, i) => {
    if (!(p > 0)) throw new RangeError(`the premium of origin ${mack.origins[i].origin} must be positive for Cape Cod, got ${p}`);
  });
  const last = mack.origins[mack.origins.length - 1].origin;
  const used = mack.origins.map((o, j) => premiums[j] * o.development_to_date);
  const factor = mack.origins.map((o) => (1 + trend) ** (last - o.origin));
  return mack.origins.map((o, i) => {
    let num = 0;
    let den = 0;
    mack.origins.forEach((oj, j) => {
      const w = decay ** Math.abs(i - j) * used[j];
      num += w * ((oj.latest * factor[j]) / used[j]);
      den += w;
    });
    const trended = num / den;
    return { origin: o.origin, trended, loss_ratio: trended / factor[i], used_up_premium: used[i] };
  });
}

/**
 * The a priori of each origin for Bornhuetter–Ferguson from the Cape Cod loss ratios: premium × ELR_i.
 * @example capeCodPriors(ratios, premiums)[0].expected // premium × 0.763919
 */
export function capeCodPriors(ratios: readonly CapeCodRatio[], premiums: readonly number[]): Apriori[] {
  return ratios.map((r, i) => ({ expected: premiums[i] * r.loss_ratio, premium: premiums[i], loss_ratio: r.loss_ratio }));
}

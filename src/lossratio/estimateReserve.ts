import { type Apriori, bornhuetterFerguson } from './bornhuetterFerguson';
import { type CapeCodRatio, capeCodPriors, capeCodRatios } from './capeCod';
import type { MackChainLadder } from './mackChainLadder';
import { chainLadderEstimate, type ReserveEstimate, type ReserveMethod } from './reserveEstimate';

/** What the methods other than the chain ladder need. */
export interface MethodInputs {
  /** Earned premium of each origin (triangle order, the triangle's units); null where unknown. */
  readonly premiums?: readonly (number | null)[];
  /** The a priori loss ratio of each origin (Bornhuetter–Ferguson, Benktander); null where unknown. */
  readonly aprioriLossRatios?: readonly (number | null)[];
  /** Cape Cod decay and trend. */
  readonly decay?: number;
  readonly trend?: number;
  /** Benktander iterations (default 2: Bornhuetter–Ferguson applied twice, Mack 2000). */
  readonly iterations?: number;
  /** Coefficient of variation of the a priori (default 0). */
  readonly priorCv?: number;
}

/** A reserve estimate, with the Cape Cod loss ratios when the method is Cape Cod. */
export interface MethodEstimate {
  readonly estimate: ReserveEstimate;
  readonly cape_cod: readonly CapeCodRatio[] | null;
}

/**
 * Estimates the reserve of a fitted chain ladder's triangle by the chosen method:
 * the chain ladder itself (Mack), Bornhuetter–Ferguson or Benktander with the a priori premium ×
 * loss ratio, or Cape Cod with its loss ratio estimated from the triangle and the premiums.
 * @throws RangeError naming the first origin without the premium or a priori loss ratio the method needs.
 * @example estimateReserve(mack, 'bf', { premiums, aprioriLossRatios: premiums.map(() => 0.65) }).estimate.total.ibnr
 */
export function estimateReserve(mack: MackChainLadder, method: ReserveMethod, inputs: MethodInputs = {}): MethodEstimate {
  if (method === 'chainladder') return { estimate: chainLadderEstimate(mack), cape_cod: null };
  const origins = mack.origins.map((o) => o.origin);
  const premiums = origins.map((origin, i) => {
    const p = inputs.premiums?.[i] ?? null;
    if (p === null || !(p > 0)) throw new RangeError(`the ${method} method needs a positive earned premium for every origin; origin ${origin} has ${p === null ? 'none' : p}`);
    return p;
  });
  if (method === 'capecod') {
    const ratios = capeCodRatios(mack, premiums, { decay: inputs.decay, trend: inputs.trend });
    const basis = `a priori: Cape Cod loss ratio${inputs.decay !== undefined && inputs.decay !== 1 ? ` (decay ${inputs.decay})` : ''}${inputs.trend ? ` (trend ${inputs.trend})` : ''}, estimated from the triangle, its estimation error not included`;
    return { estimate: bornhuetterFerguson(mack, capeCodPriors(ratios, premiums), { method: 'capecod', priorCv: inputs.priorCv, priorBasis: basis }), cape_cod: ratios };
  }
  const priors: Apriori[] = origins.map((origin, i) => {
    const lr = inputs.aprioriLossRatios?.[i] ?? null;
    if (lr === null || !(lr >= 0)) throw new RangeError(`the ${method} method needs an a priori loss ratio for every origin; origin ${origin} has ${lr === null ? 'none' : lr}`);
    return { expected: premiums[i] * lr, premium: premiums[i], loss_ratio: lr };
  });
  const iterations = method === 'benktander' ? (inputs.iterations ?? 2) : 1;
  return { estimate: bornhuetterFerguson(mack, priors, { iterations, method, priorCv: inputs.priorCv, priorBasis: 'a priori: premium × the given loss ratio' }), cape_cod: null };
}

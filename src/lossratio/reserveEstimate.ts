import type { MackChainLadder } from './mackChainLadder';

/** The reserving methods of `awb reserve --method`. */
export type ReserveMethod = 'chainladder' | 'bf' | 'capecod' | 'benktander';

/** The methods, for option validation. */
export const RESERVE_METHODS: readonly ReserveMethod[] = ['chainladder', 'bf', 'capecod', 'benktander'];

/** What each method is called in reports. */
export const METHOD_NAMES: Readonly<Record<ReserveMethod, string>> = {
  chainladder: 'chain ladder',
  bf: 'Bornhuetter–Ferguson',
  capecod: 'Cape Cod',
  benktander: 'Benktander',
};

/** One origin's reserve by a method, with its Mack-style standard error. */
export interface EstimateOrigin {
  readonly origin: number;
  /** The latest cumulative amount and its age label. */
  readonly latest: number;
  readonly latest_age: number;
  /** 1 ÷ (chain-ladder factor to ultimate from the latest age): the share of the ultimate expected to have emerged. */
  readonly expected_developed: number;
  /** The a priori expected ultimate (premium × a priori loss ratio); null for the chain ladder. */
  readonly apriori: number | null;
  /** The a priori loss ratio used; null for the chain ladder or without premium. */
  readonly apriori_loss_ratio: number | null;
  readonly ultimate: number;
  /** ultimate − latest. */
  readonly ibnr: number;
  /** √(process² + parameter²). */
  readonly se: number;
  readonly process_se: number;
  readonly parameter_se: number;
  /** se ÷ ibnr; null when the reserve is zero. */
  readonly cv: number | null;
}

/** Totals over the origins; the total standard error includes the correlation through the shared development pattern. */
export type EstimateTotal = Pick<EstimateOrigin, 'latest' | 'ultimate' | 'ibnr' | 'se' | 'process_se' | 'parameter_se' | 'cv'>;

/** A reserve estimate of a triangle by one method. */
export interface ReserveEstimate {
  readonly method: ReserveMethod;
  readonly origins: readonly EstimateOrigin[];
  readonly total: EstimateTotal;
  /** How the standard error was obtained, in words (its source and what it leaves out). */
  readonly se_basis: string;
}

/**
 * The chain ladder's estimate in the common form of the reserving methods: Mack's ultimates,
 * IBNR and standard errors (Mack 1993, 1999) as `mackChainLadder` computed them.
 * @example chainLadderEstimate(mackChainLadder(raa)).total.se // 26880.74 (R ChainLadder, RAA)
 */
export function chainLadderEstimate(mack: MackChainLadder): ReserveEstimate {
  return {
    method: 'chainladder',
    origins: mack.origins.map((o) => ({
      origin: o.origin,
      latest: o.latest,
      latest_age: o.latest_age,
      expected_developed: o.development_to_date,
      apriori: null,
      apriori_loss_ratio: null,
      ultimate: o.ultimate,
      ibnr: o.ibnr,
      se: o.mack_se,
      process_se: o.process_se,
      parameter_se: o.parameter_se,
      cv: o.cv,
    })),
    total: { ...mack.total, se: mack.total.mack_se },
    se_basis: 'Mack (1993, 1999): process and parameter risk of the chain ladder, as R ChainLadder MackChainLadder',
  };
}

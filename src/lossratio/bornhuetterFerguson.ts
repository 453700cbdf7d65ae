import type { MackChainLadder } from './mackChainLadder';
import { mackStyleVariances } from './mackStyleError';
import type { EstimateOrigin, ReserveEstimate, ReserveMethod } from './reserveEstimate';

/** The a priori expected ultimate of one origin, and what it was built from. */
export interface Apriori {
  /** Expected ultimate claims, in the triangle's units (premium × loss ratio). */
  readonly expected: number;
  /** The exposure it was built from (earned premium), or null when the expected ultimate was given directly. */
  readonly premium: number | null;
  /** The a priori loss ratio, or null when the expected ultimate was given directly. */
  readonly loss_ratio: number | null;
}

/** Options of the Bornhuetter–Ferguson family. */
export interface BfOptions {
  /**
   * Iterations n of U_n = latest + q·U_{n−1} from U_0 = the a priori (chainladder-python
   * `Benktander(n_iters)`): 1 is Bornhuetter–Ferguson, 2 Benktander, many the chain ladder;
   * 0 the expected-claims method. Default 1.
   */
  readonly iterations?: number;
  /**
   * Coefficient of variation of each a priori ultimate, for its share of the standard error
   * (Mack 2008 asks the actuary to assess it); default 0: the a priori is taken as known.
   */
  readonly priorCv?: number;
  /** The method named in the result (default 'bf', or 'benktander' for 2 iterations). */
  readonly method?: ReserveMethod;
  /** How the a priori came about, appended to the standard error's basis. */
  readonly priorBasis?: string;
}

/** One origin's iterated Bornhuetter–Ferguson ultimate and what its Mack-style error needs. */
export interface IteratedBf {
  readonly ultimate: number;
  /** ∂R/∂q of the reserve R = ultimate − latest. */
  readonly dq: number;
  /** (q^n·cv·U₀)²: the reserve's variance from the a priori's own uncertainty. */
  readonly prior_variance: number;
}

/**
 * U_n = C + q·U_{n−1} from U_0 = the a priori, with ∂R/∂q = C·Σ_{1≤j<n} j·q^{j−1} + n·q^{n−1}·U_0.
 * @param latest the latest amount C; @param p the share expected to have emerged (1 ÷ factor to ultimate)
 * @example iteratedBf(120, 1 / 1.8, 250, 1, 0).ultimate // 120 + 250·(1 − 1/1.8) = 231.11
 */
export function iteratedBf(latest: number, p: number, prior: number, iterations: number, priorCv: number): IteratedBf {
  const q = 1 - p;
  let ultimate = prior;
  for (let j = 0; j < iterations; j++) ultimate = latest + q * ultimate;
  let dq = iterations * q ** Math.max(iterations - 1, 0) * prior;
  for (let j = 1; j < iterations; j++) dq += latest * j * q ** (j - 1);
  return { ultimate, dq, prior_variance: (q ** iterations * priorCv * prior) ** 2 };
}

/**
 * Bornhuetter–Ferguson (Bornhuetter & Ferguson 1972, PCAS 59) and its iterations, on the chain
 * ladder's pattern: with p_i = 1 ÷ G_i the share of origin i's ultimate expected to have emerged
 * at its latest age (G_i the factor to ultimate, tail included) and q_i = 1 − p_i,
 * U_n = C_i + q_i·U_{n−1}, U_0 = the a priori, i.e. U_n = C_i·Σ_{j<n} q_i^j + q_i^n·U_0
 * (chainladder-python `Benktander(apriori, n_iters)`, docs "IBNR Models"; Mack 2000, ASTIN
 * Bulletin 30(2) for Benktander). Standard errors are Mack-style (`mackStyleVariances`), with
 * ∂R/∂q = C_i·Σ_{1≤j<n} j·q^{j−1} + n·q^{n−1}·U_0 and the prior's variance (q^n·cv·U_0)².
 *
 * @param mack the chain ladder giving the pattern and Mack's variance parameters
 * @param priors the a priori of each origin, in triangle order
 * @throws RangeError when the priors do not match the origins, or a prior is negative or not finite.
 * @example bornhuetterFerguson(mackChainLadder(raa), raa.origins.map(() => ({ expected: 0.7 * 40000, premium: 40000, loss_ratio: 0.7 }))).total.ibnr // 75203.2355 (chainladder-python docs)
 */
export function bornhuetterFerguson(mack: MackChainLadder, priors: readonly Apriori[], options: BfOptions = {}): ReserveEstimate {
  const n = options.iterations ?? 1;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`iterations must be a whole number ≥ 0, got ${n}`);
  if (priors.length !== mack.origins.length) throw new RangeError(`one a priori per origin is needed (${mack.origins.length}), got ${priors.length}`);
  priors.forEach((p, i) => {
    if (!(Number.isFinite(p.expected) && p.expected >= 0)) throw new RangeError(`the a priori ultimate of origin ${mack.origins[i].origin} must be a finite amount ≥ 0, got ${p.expected}`);
  });
  const cv = options.priorCv ?? 0;
  const rows = mack.origins.map((o, i) => ({ o, p: o.development_to_date, ...iteratedBf(o.latest, o.development_to_date, priors[i].expected, n, cv) }));
  const v = mackStyleVariances(mack, rows.map((r) => ({ ultimate: r.ultimate, dq: r.dq, prior_variance: r.prior_variance })));
  const origins: EstimateOrigin[] = rows.map((r, i) => {
    const se = Math.sqrt(v.process[i] + v.parameter[i]);
    const ibnr = r.ultimate - r.o.latest;
    return {
      origin: r.o.origin,
      latest: r.o.latest,
      latest_age: r.o.latest_age,
      expected_developed: r.p,
      apriori: priors[i].expected,
      apriori_loss_ratio: priors[i].loss_ratio,
      ultimate: r.ultimate,
      ibnr,
      se,
      process_se: Math.sqrt(v.process[i]),
      parameter_se: Math.sqrt(v.parameter[i]),
      cv: ibnr === 0 ? null : se / ibnr,
    };
  });
  const latest = origins.reduce((a, o) => a + o.latest, 0);
  const ultimate = origins.reduce((a, o) => a + o.ultimate, 0);
  const se = Math.sqrt(v.total_process + v.total_parameter);
  const method = options.method ?? (n === 2 ? 'benktander' : 'bf');
  return {
    method,
    origins,
    total: { latest, ultimate, ibnr: ultimate - latest, se, process_se: Math.sqrt(v.total_process), parameter_se: Math.sqrt(v.total_parameter), cv: ultimate - latest === 0 ? null : se / (ultimate - latest) },
    se_basis:
      `Mack-style: Mack's (1993, 1999) process variance along the ${n === 1 ? 'Bornhuetter–Ferguson' : `${n}-times iterated Bornhuetter–Ferguson`} projection and the development pattern's estimation error (delta method)` +
      (cv > 0 ? `, plus the a priori's uncertainty (coefficient of variation ${cv})` : ', the a priori taken as known') +
      (options.priorBasis ? `; ${options.priorBasis}` : ''),
  };
}

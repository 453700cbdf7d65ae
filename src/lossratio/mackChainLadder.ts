import { linearRegression } from 'simple-statistics';
import { type DevelopmentFactors, developmentFactors } from './developmentFactors';
import type { LinkRatioChoices } from './linkRatios';
import { completeSigmas, type CompletedSigmas, type SigmaMethod } from './sigmaExtrapolation';
import { type FittedTail, loglinearTail } from './tailFactor';
import type { Triangle } from './triangle';

/** The tail beyond the triangle's last age: none, fitted log-linearly, or a given factor (≥ 1). */
export type TailOption = 'none' | 'loglinear' | number;

/** Choices of the Mack chain ladder that reserving actuaries make. */
export interface MackOptions {
  /** How to fill the σ of the last development period (default 'auto', R ChainLadder's default). */
  readonly sigma?: SigmaMethod;
  /** Tail factor (default 'none'). */
  readonly tail?: TailOption;
  /** Standard error of the tail factor; default: log-linear extrapolation of the factors' standard errors (R `tail.se`). */
  readonly tailSe?: number;
  /** σ of the tail; default: log-linear extrapolation of the σ_k (R `tail.sigma`). */
  readonly tailSigma?: number;
  /** Which link ratios the factors average, and how (default: volume-weighted, all of them). */
  readonly linkRatios?: LinkRatioChoices;
}

/** Reserve estimate of one origin, with Mack's standard error split into process and parameter risk. */
export interface MackOrigin {
  readonly origin: number;
  /** The latest cumulative amount (the diagonal). */
  readonly latest: number;
  /** The age label of the latest amount. */
  readonly latest_age: number;
  /** latest ÷ ultimate. */
  readonly development_to_date: number;
  readonly ultimate: number;
  /** ultimate − latest. */
  readonly ibnr: number;
  /** √(process² + parameter²): Mack's standard error of the origin's reserve (and ultimate). */
  readonly mack_se: number;
  readonly process_se: number;
  readonly parameter_se: number;
  /** mack_se ÷ ibnr; null when the reserve is zero. */
  readonly cv: number | null;
}

/** Totals over all origins; the total standard error includes the correlation through the shared factors. */
export type MackTotal = Pick<MackOrigin, 'latest' | 'ultimate' | 'ibnr' | 'mack_se' | 'process_se' | 'parameter_se' | 'cv'>;

/** The result of a Mack chain ladder. */
export interface MackChainLadder {
  readonly triangle: Triangle;
  /** Age-to-age factors f_1 … f_{n−1}, then the tail factor when there is one. */
  readonly factors: readonly number[];
  /** σ of each factor (filled and tail ones included). */
  readonly sigma: readonly number[];
  /** Standard error of each factor: σ_k ÷ √(Σ C(i,k)) (given or extrapolated for the tail). */
  readonly factor_se: readonly number[];
  /** How many link ratios each age-to-age factor rests on. */
  readonly counts: readonly number[];
  /** The development factors as estimated, with the link ratios and the choices that selected them. */
  readonly development: DevelopmentFactors;
  readonly sigma_fill: CompletedSigmas;
  readonly tail: { readonly factor: number; readonly se: number; readonly sigma: number; readonly fitted: FittedTail | null } | null;
  readonly origins: readonly MackOrigin[];
  readonly total: MackTotal;
  /** The completed triangle: each origin projected from its latest value to every later age, then to ultimate after the tail (missing cells stay null). */
  readonly projected: readonly (readonly (number | null)[])[];
}

/** exp(a + b·x) of the least-squares line of log y on x over the positive y. */
function loglinearAt(xs: readonly number[], ys: readonly number[], at: number): number {
  const points = xs.flatMap((x, i) => (ys[i] > 0 ? [[x, Math.log(ys[i])]] : []));
  if (points.length < 2) throw new RangeError('log-linear extrapolation needs at least two positive values');
  const { m, b } = linearRegression(points);
  return Math.exp(b + m * at);
}

/**
 * Where a tail factor sits on the log-linear curve of the factors, and the tail's standard
 * error and σ extrapolated there (R ChainLadder `tail.SE`, after Mack 1999 §4): the position
 * x with log(tail − 1) = a + b·x on the fit of log(f_k − 1), then log-linear fits of the factors'
 * standard errors and of the σ_k evaluated at x.
 */
function tailUncertainty(factors: readonly number[], factorSe: readonly number[], sigma: readonly number[], tail: number): { se: number; sigma: number } {
  const index = factors.map((_, k) => k + 1);
  const fit = index.flatMap((x, k) => (factors[k] > 1 ? [[x, Math.log(factors[k] - 1)]] : []));
  if (fit.length < 2) throw new RangeError('the tail standard error cannot be extrapolated: fewer than two development factors above 1; give the tail\'s standard error and σ');
  const { m, b } = linearRegression(fit);
  if (m === 0) throw new RangeError('the tail standard error cannot be extrapolated: the development factors do not decay; give the tail\'s standard error and σ');
  const position = (Math.log(tail - 1) - b) / m;
  return { se: loglinearAt(index, factorSe, position), sigma: loglinearAt(index, sigma, position) };
}

/**
 * Mack's chain ladder (Mack 1993, "Distribution-free calculation of the standard error of chain
 * ladder reserve estimates", ASTIN Bulletin 23(2); recursive form, α-weighted factors and tail
 * from Mack 1999, ASTIN Bulletin 29(2)): factors, ultimates, IBNR and the standard error of each
 * origin's reserve and of the total, as R ChainLadder's `MackChainLadder(Triangle, weights, alpha,
 * est.sigma, tail, tail.se, tail.sigma)` with mse.method "Mack". The link-ratio choices
 * (`linkRatios`) are R's weights (0 for a link ratio left out) and alpha (1 volume, 0 simple,
 * 2 regression); missing cells are R's NA cells, and each origin develops from its latest value.
 *
 * For origin i developed from its latest age, each step k multiplies the amount by f_k and adds
 * process variance C^(2−α)·σ²_k and parameter variance C²·(σ_k²/ΣwC(·,k)^α); the total adds the
 * shared parameter variance (Σ C)²·(σ_k²/ΣwC(·,k)^α) of all origins developing through step k.
 * Periods fixed at 1 by a development-age limit add no variance.
 *
 * @param triangle a cumulative triangle (paid or incurred)
 * @param options σ extrapolation and tail
 * @throws RangeError when the triangle is too small for the chosen σ extrapolation, a given tail is
 * below 1, or the tail's uncertainty cannot be extrapolated (give tailSe and tailSigma);
 * InputError for a non-positive amount a factor divides by.
 * @example mackChainLadder(raa, { sigma: 'mack' }).total.mack_se // 26880.74 (R ChainLadder documentation)
 */
export function mackChainLadder(triangle: Triangle, options: MackOptions = {}, file = 'triangle'): MackChainLadder {
  const dev = developmentFactors(triangle, options.linkRatios, file);
  const sigmaFill = completeSigmas(dev.sigma, options.sigma ?? 'auto');
  const factors = [...dev.factors];
  const sigma = [...sigmaFill.sigma];
  const factorSe = sigma.map((s, k) => (dev.fixed[k] ? 0 : s / Math.sqrt(dev.weights[k])));
  const alpha = dev.alpha;

  const tailOption = options.tail ?? 'none';
  let tail: MackChainLadder['tail'] = null;
  if (tailOption !== 'none') {
    const fitted = tailOption === 'loglinear' ? loglinearTail(factors) : null;
    const factor = fitted ? fitted.factor : tailOption as number;
    if (!(factor >= 1)) throw new RangeError(`a tail factor must be at least 1, got ${factor}`);
    if (factor > 1) {
      const needsFit = options.tailSe === undefined || options.tailSigma === undefined;
      const extrapolated = needsFit ? tailUncertainty(factors, factorSe, sigma, factor) : null;
      tail = { factor, se: options.tailSe ?? extrapolated!.se, sigma: options.tailSigma ?? extrapolated!.sigma, fitted };
      factors.push(factor);
      sigma.push(tail.sigma);
      factorSe.push(tail.se);
    } else {
      tail = { factor: 1, se: 0, sigma: 0, fitted };
    }
  }

  const steps = factors.length;
  const projected: (number | null)[][] = [];
  const origins: MackOrigin[] = [];
  const developing = new Array<number>(steps).fill(0);
  let processTotal = 0;
  triangle.values.forEach((row, i) => {
    const full = [...row];
    let c = row[row.length - 1]!;
    let process = 0;
    let parameter = 0;
    for (let k = row.length - 1; k < steps; k++) {
      developing[k] += c;
      process = (alpha === 1 ? c : c ** (2 - alpha)) * sigma[k] ** 2 + process * factors[k] ** 2;
      parameter = c ** 2 * factorSe[k] ** 2 + parameter * factors[k] ** 2;
      c *= factors[k];
      full.push(c);
    }
    projected.push(full);
    processTotal += process;
    const latest = row[row.length - 1]!;
    const se = Math.sqrt(process + parameter);
    origins.push({
      origin: triangle.origins[i],
      latest,
      latest_age: triangle.ages[row.length - 1],
      development_to_date: latest / c,
      ultimate: c,
      ibnr: c - latest,
      mack_se: se,
      process_se: Math.sqrt(process),
      parameter_se: Math.sqrt(parameter),
      cv: c - latest === 0 ? null : se / (c - latest),
    });
  });
  let parameterTotal = 0;
  for (let k = 0; k < steps; k++) parameterTotal = parameterTotal * factors[k] ** 2 + developing[k] ** 2 * factorSe[k] ** 2;
  const latest = origins.reduce((a, o) => a + o.latest, 0);
  const ultimate = origins.reduce((a, o) => a + o.ultimate, 0);
  const totalSe = Math.sqrt(processTotal + parameterTotal);
  return {
    triangle,
    factors,
    sigma,
    factor_se: factorSe,
    counts: dev.counts,
    development: dev,
    sigma_fill: sigmaFill,
    tail,
    origins,
    total: {
      latest,
      ultimate,
      ibnr: ultimate - latest,
      mack_se: totalSe,
      process_se: Math.sqrt(processTotal),
      parameter_se: Math.sqrt(parameterTotal),
      cv: ultimate - latest === 0 ? null : totalSe / (ultimate - latest),
    },
    projected,
  };
}

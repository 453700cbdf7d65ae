import { InputError } from '../data/InputError';
import type { PremiumRow } from '../data/rows';
import { type CalendarYearTest, calendarYearTest, type FactorCorrelationTest, factorCorrelationTest } from './chainLadderTests';
import { estimateReserve, type MethodEstimate } from './estimateReserve';
import { type MackChainLadder, mackChainLadder, type MackOptions } from './mackChainLadder';
import { chainLadderResiduals, type LinkResidual } from './residuals';
import type { ReserveMethod } from './reserveEstimate';
import type { Triangle } from './triangle';

/** The options of `awb reserve`: the chain ladder's, the method and what it needs. */
export interface ReserveOptions extends MackOptions {
  readonly method?: ReserveMethod;
  /** An a priori loss ratio for every origin (Bornhuetter–Ferguson, Benktander); else the premiums table's `expected_loss_ratio`. */
  readonly aprioriLossRatio?: number | null;
  readonly decay?: number;
  readonly trend?: number;
  readonly iterations?: number;
  readonly priorCv?: number;
}

/** The ultimate loss ratio of one origin by the chosen method. */
export interface EstimateLossRatio {
  readonly origin: number;
  /** Earned premium in yuan, or null when not given. */
  readonly premium: number | null;
  /** latest ÷ premium: the loss ratio reported so far. */
  readonly reported_loss_ratio: number | null;
  /** ultimate ÷ premium, and the standard error ÷ premium. */
  readonly ultimate_loss_ratio: number | null;
  readonly ultimate_loss_ratio_se: number | null;
}

/** Everything `awb reserve` reports about a triangle. */
export interface ReserveAnalysis {
  readonly triangle: Triangle;
  /** The chain ladder (pattern, Mack's errors): every method rests on its development pattern. */
  readonly mack: MackChainLadder;
  /** The reserve by the chosen method (the chain ladder's own when it is chosen). */
  readonly method: MethodEstimate;
  readonly loss_ratios: readonly EstimateLossRatio[] | null;
  readonly calendar_year_test: CalendarYearTest;
  readonly factor_correlation_test: FactorCorrelationTest;
  readonly residuals: readonly LinkResidual[];
}

/**
 * Analyses a cumulative claims triangle: the Mack chain ladder with the chosen link ratios and
 * tail, the reserve by the chosen method (chain ladder, Bornhuetter–Ferguson, Cape Cod,
 * Benktander) with Mack-style standard errors, ultimate loss ratios when premiums are given,
 * Mack's (1994) calendar-year and factor-correlation tests, and the standardised residuals.
 *
 * @param premiums the premiums table's rows (origin, premium, optional expected_loss_ratio), or null
 * @throws InputError naming the file for a triangle or options the Mack model cannot use, a
 * premium whose origin is not in the triangle, or a method without the premiums or a priori it needs.
 * @example reserveAnalysis(raa, null).method.estimate.total.se // 26880.74 (R ChainLadder)
 */
export function reserveAnalysis(triangle: Triangle, premiums: readonly PremiumRow[] | null, options: ReserveOptions = {}, files: { triangle?: string; premiums?: string } = {}): ReserveAnalysis {
  const triangleFile = files.triangle ?? 'triangle';
  const premiumFile = files.premiums ?? 'premiums';
  let mack: MackChainLadder;
  try {
    mack = mackChainLadder(triangle, options, triangleFile);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError({ file: triangleFile }, `a triangle and options the Mack model can use (${error.message})`);
    throw error;
  }
  const byOrigin = new Map<number, PremiumRow>();
  for (const p of premiums ?? []) {
    if (!triangle.origins.includes(p.origin)) {
      throw new InputError({ file: premiumFile, row: p.source_row, column: 'origin' }, `an origin year of the triangle (${triangle.origins[0]}–${triangle.origins[triangle.origins.length - 1]})`, String(p.origin));
    }
    byOrigin.set(p.origin, p);
  }
  const premiumYuan = triangle.origins.map((o) => {
    const row = byOrigin.get(o);
    return row && row.premium > 0 ? row.premium / 100 : null;
  });
  const lossRatios = triangle.origins.map((o) => {
    if (options.aprioriLossRatio !== undefined && options.aprioriLossRatio !== null) return options.aprioriLossRatio;
    const lr = byOrigin.get(o)?.expected_loss_ratio;
    return lr === undefined || lr === null ? null : lr.toNumber();
  });
  const method = options.method ?? 'chainladder';
  if (method !== 'chainladder' && premiums === null) throw new InputError({ argument: '--premiums' }, `a premiums file (origin, premium${method === 'capecod' ? '' : ', expected_loss_ratio'}): the ${method} method needs the earned premium of every origin`);
  let estimate: MethodEstimate;
  try {
    estimate = estimateReserve(mack, method, { premiums: premiumYuan, aprioriLossRatios: lossRatios, decay: options.decay, trend: options.trend, iterations: options.iterations, priorCv: options.priorCv });
  } catch (error) {
    if (error instanceof RangeError) {
      const needsRatio = /loss ratio/.test(error.message);
      throw new InputError({ file: premiumFile, column: needsRatio ? 'expected_loss_ratio' : 'premium' }, `what the ${method} method needs (${error.message}${needsRatio ? '; or give --apriori-loss-ratio' : ''})`);
    }
    throw error;
  }
  const loss_ratios =
    premiums === null
      ? null
      : estimate.estimate.origins.map((o, i) => {
          const p = premiumYuan[i];
          return {
            origin: o.origin,
            premium: p,
            reported_loss_ratio: p === null ? null : o.latest / p,
            ultimate_loss_ratio: p === null ? null : o.ultimate / p,
            ultimate_loss_ratio_se: p === null ? null : o.se / p,
          };
        });
  return {
    triangle,
    mack,
    method: estimate,
    loss_ratios,
    calendar_year_test: calendarYearTest(triangle),
    factor_correlation_test: factorCorrelationTest(triangle),
    residuals: chainLadderResiduals(mack),
  };
}

import type { MackChainLadder } from './mackChainLadder';

/** The standardised residual of one link ratio. */
export interface LinkResidual {
  readonly origin: number;
  /** The age the link ratio starts from. */
  readonly age: number;
  /** The calendar year the link ratio ends in (valuation triangles, and age triangles whose ages count years 1, 2, …), else the diagonal's position (origin index + age index + 1). */
  readonly calendar: number;
  /** f_k·C(i,k): the fitted value of C(i,k+1). */
  readonly fitted: number;
  /** (C(i,k+1) − f_k·C(i,k)) ÷ (σ_k·C(i,k)^(1−α/2)) ; null where σ_k was not estimated (one link ratio). */
  readonly residual: number | null;
  /** Whether the link ratio entered its factor. */
  readonly used: boolean;
}

/**
 * Weighted standardised residuals of the chain ladder's link ratios (Barnett & Zehnwirth 2000,
 * PCAS 87, the extended link ratio family; chainladder-python `Development().std_residuals_`):
 * r = (C(i,k+1) − f_k·C(i,k)) ÷ √(σ_k²·C(i,k)^(2−α)). Plotted against development age, origin,
 * calendar year and fitted value they should show no pattern; a trend across calendar years
 * points to a calendar-year effect the chain ladder does not model.
 * @example chainLadderResiduals(mackChainLadder(raa))[0].residual // −0.572151 (chainladder-python docs, RAA 1981 12–24)
 */
export function chainLadderResiduals(mack: MackChainLadder): LinkResidual[] {
  const { development: dev, triangle } = mack;
  const yearly = triangle.development === 'valuation' || triangle.ages.every((a, k) => a === k + 1);
  return dev.selection.ratios
    .filter((r) => !dev.fixed[r.k])
    .map((r) => {
      const i = triangle.origins.indexOf(r.origin);
      const sigma = dev.sigma[r.k];
      const fitted = dev.factors[r.k] * r.from_value;
      return {
        origin: r.origin,
        age: r.age,
        calendar: yearly ? r.origin + triangle.ages[r.k + 1] - 1 : i + r.k + 1,
        fitted,
        residual: sigma === null || sigma === 0 ? null : (r.to_value - fitted) / (sigma * r.from_value ** (1 - dev.alpha / 2)),
        used: r.weight === 1,
      };
    });
}

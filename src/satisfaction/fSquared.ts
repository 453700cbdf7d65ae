import type { PlsFit } from './estimatePls';
import { pathCoefficients } from './pathCoefficients';
import type { PathDesign } from './pathDesign';

/** The effect size of one path. */
export interface FSquared {
  readonly from: string;
  readonly to: string;
  /** (R²_included − R²_excluded)/(1 − R²_included); null when the reduced regression is singular. */
  readonly f2: number | null;
}

/**
 * Cohen's f² of each path: how much R² of the target drops when the predecessor is left out of its
 * regression, f² = (R²_incl − R²_excl)/(1 − R²_incl), with the construct scores held fixed (as
 * SmartPLS and seminr compute it). Cohen (1988): 0.02 small, 0.15 medium, 0.35 large.
 * @example fSquared(fit)[0] // { from: 'Image', to: 'Expectation', f2: 0.34 }
 */
export function fSquared(fit: PlsFit): FSquared[] {
  const { design, r, rSquared } = fit;
  return design.paths.map(([from, to]) => {
    const reduced: PathDesign = {
      ...design,
      predecessors: design.predecessors.map((pred, j) => (j === to ? pred.filter((k) => k !== from) : pred)),
      endogenous: [to],
    };
    const included = rSquared[to];
    let excluded = 0;
    if (reduced.predecessors[to].length > 0) {
      const structural = pathCoefficients(reduced, r);
      if (structural === null) return { from: design.constructs[from], to: design.constructs[to], f2: null };
      excluded = structural.rSquared[to];
    }
    return { from: design.constructs[from], to: design.constructs[to], f2: (included - excluded) / (1 - included) };
  });
}

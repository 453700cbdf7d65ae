import { estimatePls, type PlsFit } from './estimatePls';
import type { Moments } from './moments';
import { pathCoefficients } from './pathCoefficients';
import type { PathDesign } from './pathDesign';

/** The effect size of one path, by both conventions in use. */
export interface FSquared {
  readonly from: string;
  readonly to: string;
  /**
   * Scores held fixed: (R²_incl − R²_excl)/(1 − R²_incl), R²_excl from the regression of the
   * target's score on its other predecessors' scores of the full model (Cohen 1988; SmartPLS;
   * Hair et al. 2022); null when that regression is singular.
   */
  readonly f2: number | null;
  /**
   * Model re-estimated without the path (seminr's `fSquared`): R²_excl from a new PLS estimate
   * whose weights no longer see the path; constructs the removal leaves unconnected are dropped.
   * null when the reduced model cannot be estimated.
   */
  readonly f2_reestimated: number | null;
}

/** The two conventions, in words, for reports. */
export const F_SQUARED_CONVENTIONS = {
  f2: 'construct scores held fixed: the target regressed on its other predecessors (SmartPLS, Hair et al. 2022)',
  f2_reestimated: 'model re-estimated without the path (seminr fSquared)',
} as const;

/** The design without one path, with the constructs left unconnected dropped; `items` maps new item indices to old. */
function withoutPath(design: PathDesign, drop: number): { design: PathDesign; items: number[]; constructs: number[] } {
  const paths = design.paths.filter((_, i) => i !== drop);
  const keep = design.constructs.map((_, j) => j).filter((j) => paths.some(([a, b]) => a === j || b === j));
  const index = new Map(keep.map((j, i) => [j, i]));
  const items: number[] = [];
  const blockStart = new Int32Array(keep.length + 1);
  keep.forEach((j, i) => {
    blockStart[i] = items.length;
    for (let h = design.blockStart[j]; h < design.blockStart[j + 1]; h++) items.push(h);
  });
  blockStart[keep.length] = items.length;
  const newPaths = paths.map(([a, b]) => [index.get(a)!, index.get(b)!] as const);
  const predecessors = keep.map((_, i) => newPaths.filter(([, t]) => t === i).map(([f]) => f).sort((a, b) => a - b));
  const successors = keep.map((_, i) => newPaths.filter(([f]) => f === i).map(([, t]) => t).sort((a, b) => a - b));
  const order = design.order.filter((j) => index.has(j)).map((j) => index.get(j)!);
  return {
    design: {
      constructs: keep.map((j) => design.constructs[j]),
      items: items.map((h) => design.items[h]),
      blockOf: Int32Array.from(items, (h) => index.get(design.blockOf[h])!),
      blockStart,
      modes: keep.map((j) => design.modes[j]),
      predecessors,
      successors,
      paths: newPaths,
      endogenous: keep.map((_, i) => i).filter((i) => predecessors[i].length > 0),
      order,
    },
    items,
    constructs: keep,
  };
}

/** R² of the target after re-estimating the model without path i. */
function reestimatedR2(fit: PlsFit, i: number): number | null {
  const { design } = fit;
  const [, to] = design.paths[i];
  if (!design.paths.some(([, t], k) => k !== i && t === to)) return 0;
  const reduced = withoutPath(design, i);
  const p = fit.design.items.length;
  const q = reduced.items.length;
  const cov = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) cov[a * q + b] = fit.cov[reduced.items[a] * p + reduced.items[b]];
  const moments: Moments = { p: q, totalWeight: fit.totalWeight, rows: fit.n, mean: Float64Array.from(reduced.items, (h) => fit.mean[h]), cov };
  const refit = estimatePls(reduced.design, moments, fit.options);
  if (!refit.ok) return null;
  return refit.rSquared[reduced.constructs.indexOf(to)];
}

/**
 * Cohen's f² of each path by both conventions in use: with the construct scores held fixed
 * (the target's regression without the predecessor; SmartPLS, Hair et al. 2022) and with the
 * model re-estimated without the path (seminr's `fSquared`, which checks against its fixture
 * 0.30355 for Image → Satisfaction in its four-construct mobi model). The two differ because
 * dropping a path changes the inner proxies and so the outer weights. Cohen (1988): 0.02 small,
 * 0.15 medium, 0.35 large.
 * @example fSquared(fit)[0] // { from: 'Image', to: 'Satisfaction', f2: 0.30…, f2_reestimated: 0.30355 }
 */
export function fSquared(fit: PlsFit): FSquared[] {
  const { design, r, rSquared } = fit;
  return design.paths.map(([from, to], i) => {
    const reduced: PathDesign = {
      ...design,
      predecessors: design.predecessors.map((pred, j) => (j === to ? pred.filter((k) => k !== from) : pred)),
      endogenous: [to],
    };
    const included = rSquared[to];
    let excluded: number | null = 0;
    if (reduced.predecessors[to].length > 0) {
      const structural = pathCoefficients(reduced, r);
      excluded = structural === null ? null : structural.rSquared[to];
    }
    const reestimated = reestimatedR2(fit, i);
    return {
      from: design.constructs[from],
      to: design.constructs[to],
      f2: excluded === null ? null : (included - excluded) / (1 - included),
      f2_reestimated: reestimated === null ? null : (included - reestimated) / (1 - included),
    };
  });
}

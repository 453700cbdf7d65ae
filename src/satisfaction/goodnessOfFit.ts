import type { PlsFit } from './estimatePls';

/**
 * The goodness-of-fit index of Tenenhaus et al. (2004; 2005, CSDA 48, §4.3):
 * GoF = √(mean communality × mean R²), where the mean communality is the mean of the squared
 * loadings over the items of blocks with more than one item (as plspm's `get_gof`) and the mean R²
 * is over the endogenous constructs.
 * @example goodnessOfFit(fit) // ≈ 0.5 for the ECSI model on mobi
 */
export function goodnessOfFit(fit: PlsFit): number {
  const { design, loadings, rSquared } = fit;
  let communality = 0;
  let items = 0;
  for (let j = 0; j < design.constructs.length; j++) {
    const a = design.blockStart[j];
    const b = design.blockStart[j + 1];
    if (b - a < 2) continue;
    for (let h = a; h < b; h++) communality += loadings[h] * loadings[h];
    items += b - a;
  }
  let r2 = 0;
  for (const j of design.endogenous) r2 += rSquared[j];
  return Math.sqrt((communality / items) * (r2 / design.endogenous.length));
}

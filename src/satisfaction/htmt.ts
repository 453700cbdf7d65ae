import type { PlsFit } from './estimatePls';

/** The heterotrait-monotrait ratio of one pair of constructs. */
export interface HtmtPair {
  readonly a: string;
  readonly b: string;
  /** null when either construct has a single item (no monotrait correlation exists). */
  readonly value: number | null;
}

/**
 * Heterotrait-monotrait ratio of correlations (Henseler, Ringle & Sarstedt 2015, J. Acad.
 * Marketing Science 43, eq. 6): the mean correlation between the items of two constructs,
 * divided by the geometric mean of the mean correlations among each construct's own items.
 * Computed on the item correlations (weighted when the survey has weights).
 * @returns one entry per pair of constructs, in model order (a before b).
 * @example htmt(fit)[0] // { a: 'Image', b: 'Expectation', value: 0.888 } for the 4-construct mobi model
 */
export function htmt(fit: PlsFit): HtmtPair[] {
  const { design, corr } = fit;
  const p = design.items.length;
  const m = design.constructs.length;
  const start = design.blockStart;
  const monotrait = design.constructs.map((_, j) => {
    const k = start[j + 1] - start[j];
    if (k < 2) return null;
    let sum = 0;
    for (let h = start[j]; h < start[j + 1]; h++) for (let l = h + 1; l < start[j + 1]; l++) sum += corr[h * p + l];
    return sum / ((k * (k - 1)) / 2);
  });
  const pairs: HtmtPair[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const mi = monotrait[i];
      const mj = monotrait[j];
      let value: number | null = null;
      if (mi !== null && mj !== null) {
        let sum = 0;
        for (let h = start[i]; h < start[i + 1]; h++) for (let l = start[j]; l < start[j + 1]; l++) sum += corr[h * p + l];
        const hetero = sum / ((start[i + 1] - start[i]) * (start[j + 1] - start[j]));
        value = hetero / Math.sqrt(mi * mj);
      }
      pairs.push({ a: design.constructs[i], b: design.constructs[j], value });
    }
  }
  return pairs;
}

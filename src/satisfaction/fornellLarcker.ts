import type { PlsFit } from './estimatePls';

/** The Fornell-Larcker check of one construct. */
export interface FornellLarckerRow {
  readonly construct: string;
  /** √AVE, the diagonal of the Fornell-Larcker table. */
  readonly sqrt_ave: number;
  /** Correlation of this construct's score with each construct's (1 on the diagonal). */
  readonly correlations: Readonly<Record<string, number>>;
  /** √AVE exceeds every absolute correlation with another construct. */
  readonly passes: boolean;
}

/**
 * The Fornell-Larcker criterion (Fornell & Larcker 1981, J. Marketing Research 18): discriminant
 * validity holds for a construct when √AVE exceeds its correlation with every other construct.
 * @param ave the AVE of each construct, from `reliability`
 * @example fornellLarcker(fit, reliability(fit).map((r) => r.ave))[0].passes // true or false
 */
export function fornellLarcker(fit: PlsFit, ave: readonly number[]): FornellLarckerRow[] {
  const { design, r } = fit;
  const m = design.constructs.length;
  return design.constructs.map((construct, j) => {
    const root = Math.sqrt(ave[j]);
    const correlations: Record<string, number> = {};
    let passes = true;
    for (let k = 0; k < m; k++) {
      correlations[design.constructs[k]] = k === j ? 1 : r[j * m + k];
      if (k !== j && Math.abs(r[j * m + k]) >= root) passes = false;
    }
    return { construct, sqrt_ave: root, correlations, passes };
  });
}

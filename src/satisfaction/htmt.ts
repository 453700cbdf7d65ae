import type { PlsFit } from './estimatePls';
import type { PathDesign } from './pathDesign';

/** The heterotrait-monotrait ratio of one pair of constructs. */
export interface HtmtPair {
  readonly a: string;
  readonly b: string;
  /** HTMT on absolute correlations (seminr's convention), a single item's monotrait correlation taken as 1; null when not finite. */
  readonly value: number | null;
  /** HTMT2 (geometric means, Roemer, Schuberth & Henseler 2021); null when a correlation involved is not positive. */
  readonly htmt2: number | null;
  /** Either construct has a single item (its monotrait correlation is taken as 1, as seminr does). */
  readonly single_item: boolean;
  /** Either construct is formative (mode B): discriminant validity by HTMT is a criterion for reflective constructs. */
  readonly formative: boolean;
}

/**
 * HTMT and HTMT2 of every pair of constructs from an item correlation matrix, in pair order
 * (a before b, model order): two values per pair (HTMT then HTMT2) in `out`, NaN where not computable.
 * Used for each bootstrap replicate, where only the correlations change.
 * @returns out
 * @example htmtValues(design, fit.corr)[0] // HTMT of the first pair, as htmt(fit)[0].value
 */
export function htmtValues(design: PathDesign, corr: ArrayLike<number>, out = new Float64Array(htmtPairCount(design) * 2)): Float64Array {
  const p = design.items.length;
  const m = design.constructs.length;
  const start = design.blockStart;
  const mono = design.constructs.map((_, j) => {
    const k = start[j + 1] - start[j];
    if (k < 2) return { mean: 1, log: 0, positive: true };
    let sum = 0;
    let log = 0;
    let positive = true;
    for (let h = start[j]; h < start[j + 1]; h++) {
      for (let l = h + 1; l < start[j + 1]; l++) {
        const r = corr[h * p + l];
        sum += Math.abs(r);
        if (r > 0) log += Math.log(r);
        else positive = false;
      }
    }
    const pairs = (k * (k - 1)) / 2;
    return { mean: sum / pairs, log: log / pairs, positive };
  });
  let at = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let sum = 0;
      let log = 0;
      let positive = mono[i].positive && mono[j].positive;
      for (let h = start[i]; h < start[i + 1]; h++) {
        for (let l = start[j]; l < start[j + 1]; l++) {
          const r = corr[h * p + l];
          sum += Math.abs(r);
          if (r > 0) log += Math.log(r);
          else positive = false;
        }
      }
      const cells = (start[i + 1] - start[i]) * (start[j + 1] - start[j]);
      const value = sum / cells / Math.sqrt(mono[i].mean * mono[j].mean);
      out[at++] = Number.isFinite(value) ? value : Number.NaN;
      out[at++] = positive ? Math.exp(log / cells - (mono[i].log + mono[j].log) / 2) : Number.NaN;
    }
  }
  return out;
}

/** Number of construct pairs: m(m − 1)/2. @example htmtPairCount(icsiDesign) // 21 */
export function htmtPairCount(design: PathDesign): number {
  const m = design.constructs.length;
  return (m * (m - 1)) / 2;
}

/**
 * Heterotrait-monotrait ratio of correlations (Henseler, Ringle & Sarstedt 2015, J. Acad.
 * Marketing Science 43, eq. 6): the mean correlation between the items of two constructs,
 * divided by the geometric mean of the mean correlations among each construct's own items.
 * As seminr: on absolute correlations (a negatively keyed item does not turn the ratio into
 * NaN or a negative number), and a single-item construct's monotrait correlation is 1. HTMT2
 * (Roemer, Schuberth & Henseler 2021, Industrial Management & Data Systems 121(12)) replaces the
 * arithmetic means by geometric means and needs every correlation positive. Computed on the item
 * correlations (weighted when the survey has weights).
 * @returns one entry per pair of constructs, in model order (a before b).
 * @example htmt(fit)[0] // { a: 'Image', b: 'Expectation', value: 0.888, … } for the 4-construct mobi model (seminr 0.88803)
 */
export function htmt(fit: PlsFit): HtmtPair[] {
  const { design, corr } = fit;
  const values = htmtValues(design, corr);
  const m = design.constructs.length;
  const size = (j: number) => design.blockStart[j + 1] - design.blockStart[j];
  const pairs: HtmtPair[] = [];
  let at = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const value = values[2 * at];
      const two = values[2 * at + 1];
      pairs.push({
        a: design.constructs[i],
        b: design.constructs[j],
        value: Number.isNaN(value) ? null : value,
        htmt2: Number.isNaN(two) ? null : two,
        single_item: size(i) === 1 || size(j) === 1,
        formative: design.modes[i] === 'B' || design.modes[j] === 'B',
      });
      at++;
    }
  }
  return pairs;
}

import type { FornellLarckerRow } from './fornellLarcker';
import type { HtmtPair } from './htmt';
import type { InnerVif } from './innerVif';
import type { Reliability } from './reliability';

/** A plain-language warning that a construct or pair fails a usual threshold. */
export interface QualityWarning {
  /** The construct, or the pair "A / B", or the path "A → B". */
  readonly subject: string;
  readonly measure: 'alpha' | 'rho_c' | 'ave' | 'htmt' | 'fornell_larcker' | 'vif';
  /** The value found (null for an infinite VIF: perfectly collinear predecessors). */
  readonly value: number | null;
  readonly threshold: number;
  readonly message: string;
  /** Where the threshold comes from. */
  readonly source: string;
}

/**
 * The usual thresholds of PLS-SEM measurement and structural model assessment:
 * alpha and rho_C at least 0.70 and AVE at least 0.50 (Hair, Risher, Sarstedt & Ringle 2019,
 * "When to use and how to report the results of PLS-SEM", Eur. Business Review 31(1), Table II);
 * HTMT below 0.90 for conceptually similar constructs and 0.85 for distinct ones (Henseler,
 * Ringle & Sarstedt 2015, J. Acad. Marketing Science 43); inner VIF below 5 (Hair et al. 2019).
 */
export const QUALITY_THRESHOLDS = {
  alpha: 0.7,
  rho_c: 0.7,
  ave: 0.5,
  htmt_distinct: 0.85,
  htmt_similar: 0.9,
  vif: 5,
} as const;

const HAIR = 'Hair, Risher, Sarstedt & Ringle (2019), Eur. Business Review 31(1), Table II';
const HENSELER = 'Henseler, Ringle & Sarstedt (2015), J. Acad. Marketing Science 43, p. 128';

const fixed = (x: number) => x.toFixed(3);

/**
 * Plain-language warnings for every construct or pair that fails a threshold of
 * `QUALITY_THRESHOLDS`, in a fixed order (reliability by construct, then HTMT, Fornell-Larcker, VIF).
 * An HTMT above 0.85 but not above 0.90 is a warning only for constructs meant to be distinct;
 * it is reported with that qualification.
 * @example qualityWarnings(['Expectation'], [{ alpha: 0.45, rho_a: 0.46, rho_c: 0.73, ave: 0.48 }], [], [], [])
 * // two warnings: alpha 0.450 < 0.70 and AVE 0.480 < 0.50
 */
export function qualityWarnings(
  constructs: readonly string[],
  reliabilities: readonly Reliability[],
  htmtPairs: readonly HtmtPair[],
  fornell: readonly FornellLarckerRow[],
  vifs: readonly InnerVif[],
): QualityWarning[] {
  const out: QualityWarning[] = [];
  constructs.forEach((c, j) => {
    const r = reliabilities[j];
    if (r.alpha < QUALITY_THRESHOLDS.alpha) {
      out.push({ subject: c, measure: 'alpha', value: r.alpha, threshold: QUALITY_THRESHOLDS.alpha, source: HAIR, message: `${c}: Cronbach's alpha ${fixed(r.alpha)} is below 0.70 — its items are not consistent enough to be summed into one score.` });
    }
    if (r.rho_c < QUALITY_THRESHOLDS.rho_c) {
      out.push({ subject: c, measure: 'rho_c', value: r.rho_c, threshold: QUALITY_THRESHOLDS.rho_c, source: HAIR, message: `${c}: composite reliability rho_C ${fixed(r.rho_c)} is below 0.70 — the construct is measured unreliably.` });
    }
    if (r.ave < QUALITY_THRESHOLDS.ave) {
      out.push({ subject: c, measure: 'ave', value: r.ave, threshold: QUALITY_THRESHOLDS.ave, source: HAIR, message: `${c}: AVE ${fixed(r.ave)} is below 0.50 — the construct explains less than half of its items' variance (convergent validity not shown).` });
    }
  });
  for (const pair of htmtPairs) {
    if (pair.value === null || pair.value <= QUALITY_THRESHOLDS.htmt_distinct) continue;
    const similar = pair.value > QUALITY_THRESHOLDS.htmt_similar;
    out.push({
      subject: `${pair.a} / ${pair.b}`,
      measure: 'htmt',
      value: pair.value,
      threshold: similar ? QUALITY_THRESHOLDS.htmt_similar : QUALITY_THRESHOLDS.htmt_distinct,
      source: HENSELER,
      message: similar
        ? `${pair.a} / ${pair.b}: HTMT ${fixed(pair.value)} is above 0.90 — respondents do not tell these constructs apart (discriminant validity not shown).`
        : `${pair.a} / ${pair.b}: HTMT ${fixed(pair.value)} is above 0.85 — acceptable only if the two constructs are conceptually similar.`,
    });
  }
  for (const row of fornell) {
    if (row.passes) continue;
    const worst = Object.entries(row.correlations).filter(([k]) => k !== row.construct).reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a));
    out.push({ subject: row.construct, measure: 'fornell_larcker', value: Math.abs(worst[1]), threshold: row.sqrt_ave, source: 'Fornell & Larcker (1981), J. Marketing Research 18', message: `${row.construct}: its correlation with ${worst[0]} (${fixed(worst[1])}) is not below √AVE ${fixed(row.sqrt_ave)} (Fornell-Larcker criterion fails).` });
  }
  for (const v of vifs) {
    if (v.vif === null || v.vif > QUALITY_THRESHOLDS.vif) {
      out.push({ subject: `${v.from} → ${v.to}`, measure: 'vif', value: v.vif, threshold: QUALITY_THRESHOLDS.vif, source: HAIR, message: `${v.from} → ${v.to}: VIF ${v.vif === null ? 'infinite' : fixed(v.vif)} is above 5 — the predecessors of ${v.to} are collinear, its path coefficients are unstable.` });
    }
  }
  return out;
}

import type { FornellLarckerRow } from './fornellLarcker';
import { type FormativeAssessment, FORMATIVE_THRESHOLDS } from './formativeAssessment';
import type { HtmtPair } from './htmt';
import type { InnerVif } from './innerVif';
import type { Reliability } from './reliability';
import type { ItemScale, MeasurementMode } from './surveyModel';

/** A plain-language warning that a construct, item or pair fails a usual threshold, or a result is missing. */
export interface QualityWarning {
  /** The construct, the item, the pair "A / B", or the path "A → B". */
  readonly subject: string;
  readonly measure:
    | 'alpha' | 'rho_c' | 'ave' | 'htmt' | 'fornell_larcker' | 'vif' | 'negative_loading' | 'indicator_vif' | 'redundancy' | 'indicator' | 'index' | 'not_computable'
    | 'group_size' | 'constant_in_group' | 'scale_use';
  /** The value found (null for an infinite VIF, or a value that could not be computed). */
  readonly value: number | null;
  readonly threshold: number | null;
  readonly message: string;
  /** Where the threshold comes from. */
  readonly source: string;
}

/** An item loading negatively on its own reflective construct: probably negatively keyed. */
export interface NegativeLoading {
  readonly construct: string;
  readonly item: string;
  readonly loading: number;
}

/**
 * The usual thresholds of PLS-SEM measurement and structural model assessment:
 * alpha and rho_C at least 0.70 and AVE at least 0.50 (Hair, Risher, Sarstedt & Ringle 2019,
 * "When to use and how to report the results of PLS-SEM", Eur. Business Review 31(1), Table II);
 * HTMT below 0.90 for conceptually similar constructs and 0.85 for distinct ones (Henseler,
 * Ringle & Sarstedt 2015, J. Acad. Marketing Science 43); inner VIF below 5 (Hair et al. 2019).
 * These are criteria for reflective (mode A) constructs; formative ones have their own
 * (`FORMATIVE_THRESHOLDS`).
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
const HAIR_FORMATIVE = 'Hair, Risher, Sarstedt & Ringle (2019), Table II; Hair et al. (2021), PLS-SEM Using R, ch. 5';

const fixed = (x: number) => x.toFixed(3);

/** Further inputs of the warnings beyond the reflective criteria. */
export interface WarningContext {
  /** Measurement mode of each construct (default: all A): formative constructs get no reflective warning. */
  readonly modes?: readonly MeasurementMode[];
  readonly negativeLoadings?: readonly NegativeLoading[];
  readonly formative?: FormativeAssessment | null;
  /** The answer scale, for the reverse-coding advice and the index (null: the model declares none). */
  readonly scale?: ItemScale | null;
  /** Constructs whose index is null although the model has a scale (their index weights are not all positive). */
  readonly indexMissing?: readonly string[];
  /** true when the indices are null because no scale is known. */
  readonly noScale?: boolean;
}

/**
 * Plain-language warnings for every construct, item or pair that fails a threshold of
 * `QUALITY_THRESHOLDS` (reflective constructs) or `FORMATIVE_THRESHOLDS` (formative ones), in a
 * fixed order: negatively keyed items, reliability by construct, HTMT, Fornell-Larcker, inner VIF,
 * formative indicators and redundancy, indices. A value that is not a finite number is never
 * compared with a threshold: it is reported as not computable. An HTMT above 0.85 but not above
 * 0.90 is a warning only for constructs meant to be distinct; it is reported with that
 * qualification. A negative alpha is explained as the sign of a negatively keyed item.
 * @example qualityWarnings(['Expectation'], [{ alpha: 0.45, rho_a: 0.46, rho_c: 0.73, ave: 0.48 }], [], [], [])
 * // two warnings: alpha 0.450 < 0.70 and AVE 0.480 < 0.50
 */
export function qualityWarnings(
  constructs: readonly string[],
  reliabilities: readonly Reliability[],
  htmtPairs: readonly HtmtPair[],
  fornell: readonly FornellLarckerRow[],
  vifs: readonly InnerVif[],
  context: WarningContext = {},
): QualityWarning[] {
  const out: QualityWarning[] = [];
  const formative = new Set(constructs.filter((_, j) => context.modes?.[j] === 'B'));
  const negative = context.negativeLoadings ?? [];
  const scale = context.scale ?? null;
  for (const n of negative) {
    const recode = scale ? ` (answer → ${scale.min + scale.max} − answer on the ${scale.min}–${scale.max} scale)` : '';
    out.push({
      subject: n.item,
      measure: 'negative_loading',
      value: n.loading,
      threshold: 0,
      source: HAIR,
      message: `${n.item} loads ${fixed(n.loading)} on ${n.construct}: it is probably negatively keyed — reverse-code it${recode} and estimate again.`,
    });
  }
  const notComputable = (subject: string, what: string) => out.push({ subject, measure: 'not_computable', value: null, threshold: null, source: HAIR, message: `${subject}: ${what} could not be computed (not a finite number); it is not compared with its threshold.` });
  constructs.forEach((c, j) => {
    if (formative.has(c)) return;
    const r = reliabilities[j];
    const keyed = negative.some((n) => n.construct === c);
    const because = keyed ? ' (distorted by the negatively keyed item above)' : '';
    if (!Number.isFinite(r.alpha)) notComputable(c, "Cronbach's alpha");
    else if (r.alpha < 0) {
      out.push({ subject: c, measure: 'alpha', value: r.alpha, threshold: QUALITY_THRESHOLDS.alpha, source: HAIR, message: `${c}: Cronbach's alpha ${fixed(r.alpha)} is negative — its items correlate negatively, the sign of a negatively keyed item${keyed ? ' (see above)' : ''}, not a measure of reliability.` });
    } else if (r.alpha < QUALITY_THRESHOLDS.alpha) {
      out.push({ subject: c, measure: 'alpha', value: r.alpha, threshold: QUALITY_THRESHOLDS.alpha, source: HAIR, message: `${c}: Cronbach's alpha ${fixed(r.alpha)} is below 0.70 — its items are not consistent enough to be summed into one score${because}.` });
    }
    if (!Number.isFinite(r.rho_c)) notComputable(c, 'composite reliability rho_C');
    else if (r.rho_c < QUALITY_THRESHOLDS.rho_c) {
      out.push({ subject: c, measure: 'rho_c', value: r.rho_c, threshold: QUALITY_THRESHOLDS.rho_c, source: HAIR, message: `${c}: composite reliability rho_C ${fixed(r.rho_c)} is below 0.70 — the construct is measured unreliably${because}.` });
    }
    if (!Number.isFinite(r.ave)) notComputable(c, 'AVE');
    else if (r.ave < QUALITY_THRESHOLDS.ave) {
      out.push({ subject: c, measure: 'ave', value: r.ave, threshold: QUALITY_THRESHOLDS.ave, source: HAIR, message: `${c}: AVE ${fixed(r.ave)} is below 0.50 — the construct explains less than half of its items' variance (convergent validity not shown)${because}.` });
    }
  });
  for (const pair of htmtPairs) {
    if (formative.has(pair.a) || formative.has(pair.b)) continue;
    if (pair.value === null || !Number.isFinite(pair.value)) {
      notComputable(`${pair.a} / ${pair.b}`, 'HTMT');
      continue;
    }
    if (pair.value <= QUALITY_THRESHOLDS.htmt_distinct) continue;
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
    if (row.passes || formative.has(row.construct)) continue;
    const others = Object.entries(row.correlations).filter(([k]) => k !== row.construct && !formative.has(k));
    if (others.length === 0) continue;
    const worst = others.reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a));
    if (!(Math.abs(worst[1]) >= row.sqrt_ave)) continue;
    out.push({ subject: row.construct, measure: 'fornell_larcker', value: Math.abs(worst[1]), threshold: row.sqrt_ave, source: 'Fornell & Larcker (1981), J. Marketing Research 18', message: `${row.construct}: its correlation with ${worst[0]} (${fixed(worst[1])}) is not below √AVE ${fixed(row.sqrt_ave)} (Fornell-Larcker criterion fails).` });
  }
  for (const v of vifs) {
    if (v.vif === null || v.vif > QUALITY_THRESHOLDS.vif) {
      out.push({ subject: `${v.from} → ${v.to}`, measure: 'vif', value: v.vif, threshold: QUALITY_THRESHOLDS.vif, source: HAIR, message: `${v.from} → ${v.to}: VIF ${v.vif === null ? 'infinite' : fixed(v.vif)} is above 5 — the predecessors of ${v.to} are collinear, its path coefficients are unstable.` });
    }
  }
  for (const x of context.formative?.indicators ?? []) {
    if (x.vif === null || x.vif >= FORMATIVE_THRESHOLDS.vif_critical) {
      out.push({ subject: x.item, measure: 'indicator_vif', value: x.vif, threshold: FORMATIVE_THRESHOLDS.vif_critical, source: HAIR_FORMATIVE, message: `${x.item} (${x.construct}, formative): VIF ${x.vif === null ? 'infinite' : fixed(x.vif)} is 5 or more — critical collinearity among the indicators; its weight cannot be interpreted.` });
    }
    if (x.decision === 'remove' || x.decision === 'consider_removal') {
      out.push({ subject: x.item, measure: 'indicator', value: x.loading, threshold: FORMATIVE_THRESHOLDS.loading, source: HAIR_FORMATIVE, message: `${x.item} (${x.construct}, formative): ${x.reason}.` });
    }
  }
  for (const r of context.formative?.redundancy ?? []) {
    if (!r.passes) {
      out.push({ subject: r.construct, measure: 'redundancy', value: r.path, threshold: FORMATIVE_THRESHOLDS.redundancy, source: HAIR_FORMATIVE, message: `${r.construct} (formative): redundancy path ${fixed(r.path)} with the global item ${r.global_item} is below 0.70 — the indicators do not cover the construct (convergent validity not shown).` });
    }
  }
  if (context.noScale) {
    out.push({ subject: '(model)', measure: 'index', value: null, threshold: null, source: 'S3 art. 22–24; DOMAIN.md, survey model file', message: 'No 0–100 index: the model declares no answer scale. Add "scale": {"min": 1, "max": 10} to the model file or give --scale 1-10.' });
  }
  for (const c of context.indexMissing ?? []) {
    out.push({ subject: c, measure: 'index', value: null, threshold: null, source: 'Fornell et al. (1996), the ACSI index weights', message: `${c}: no 0–100 index — its unstandardised outer weights are not all positive (a negatively keyed or collinear item), so they do not average the answers.` });
  }
  return out;
}

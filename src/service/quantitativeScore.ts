import { Dec } from '../money/decimal';
import type { EvaluationModel, ModelIndex, ModelIndicator } from './evaluationModel';
import { indicatorScore } from './indicatorScore';
import type { ServiceCell, ServiceStandards } from './serviceStandards';

/** Level 1 and 2 of one indicator for one unit: its value from the data and its score. */
export interface IndicatorResult {
  readonly index_id: string;
  readonly indicator: ModelIndicator;
  /** What the value is computed from (null for a median). */
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The indicator value, exact; null when not computable for the unit (no events). */
  readonly value: Dec | null;
  readonly score: Dec | null;
  /** Its weight after leaving out what is not computable (null when left out). */
  readonly effective_weight: Dec | null;
  /** effective_weight × score: its part of the index score. */
  readonly contribution: Dec | null;
}

/** Level 3: an index score for one unit. */
export interface IndexResult {
  readonly index: ModelIndex;
  readonly score: Dec | null;
  readonly effective_weight: Dec | null;
  /** effective_weight × score: its part of the quantitative score. */
  readonly contribution: Dec | null;
}

/** Level 4: a unit's quantitative score, with every level it was computed from. */
export interface QuantitativeResult {
  readonly score: Dec | null;
  readonly indices: readonly IndexResult[];
  readonly indicators: readonly IndicatorResult[];
}

function cellOf(study: ServiceStandards, type: string, unit: string | null): ServiceCell | undefined {
  return study.cells.find((c) => c.type === type && c.group === unit);
}

/** An indicator's value for a unit (null: the head office), from the year's cells. */
function indicatorValue(study: ServiceStandards, unit: string | null, x: ModelIndicator): { numerator: number | null; denominator: number | null; value: Dec | null } {
  const quotient = (numerator: number | null, denominator: number | null, times = 1) => ({
    numerator,
    denominator,
    value: numerator === null || denominator === null || denominator === 0 ? null : new Dec(numerator).times(times).div(denominator),
  });
  switch (x.formula) {
    case 'on_time_rate': {
      const c = cellOf(study, x.event_type!, unit);
      return quotient(c?.on_time ?? 0, c?.judged ?? 0);
    }
    case 'connection_rate': {
      const c = study.cells.find((cell) => cell.connected !== null && cell.group === unit);
      return quotient(c?.connected ?? 0, c?.events ?? 0);
    }
    case 'completion_rate': {
      const c = cellOf(study, x.event_type!, unit);
      return quotient(c ? c.on_time! + c.late! : 0, c?.events ?? 0);
    }
    case 'median_working_days': {
      const median = cellOf(study, x.event_type!, unit)?.median_working_days ?? null;
      return { numerator: null, denominator: null, value: median === null ? null : new Dec(median) };
    }
    case 'per_10k':
      return quotient(cellOf(study, x.numerator!, unit)?.events ?? 0, cellOf(study, x.denominator!, unit)?.events ?? 0, 10_000);
  }
}

/** Weighted sum with weights rescaled over the parts that are computable. */
function rescaled<T>(parts: readonly T[], weight: (p: T) => Dec, score: (p: T) => Dec | null): { total: Dec | null; effective: (Dec | null)[] } {
  const present = parts.filter((p) => score(p) !== null);
  const sum = present.reduce((s, p) => s.plus(weight(p)), new Dec(0));
  if (present.length === 0 || sum.isZero()) return { total: null, effective: parts.map(() => null) };
  const effective = parts.map((p) => (score(p) === null ? null : weight(p).div(sum)));
  const total = parts.reduce((s, p, i) => (effective[i] === null ? s : s.plus(effective[i]!.times(score(p)!))), new Dec(0));
  return { total, effective };
}

/**
 * The quantitative score of one unit (S3 art. 11(2)), level by level: each indicator's value from
 * the year's service study (`study` grouped by branch; `unit` null for the head office, i.e. all
 * events), its 0–100 score against the standard value, each index as the weighted sum of its
 * indicators' scores, and the total as the weighted sum of the index scores. Indicators without
 * a value are left out and the weights of the rest rescaled (so are indices with no indicator).
 * Exact decimals throughout.
 * @example quantitativeScore(yearStudy, loadEvaluationModel(), '陕西分公司').score?.toFixed(2)
 */
export function quantitativeScore(study: ServiceStandards, model: EvaluationModel, unit: string | null): QuantitativeResult {
  const indicators: IndicatorResult[] = [];
  const indices: { index: ModelIndex; score: Dec | null }[] = [];
  for (const index of model.indices) {
    const values = index.indicators.map((x) => {
      const v = indicatorValue(study, unit, x);
      return { x, ...v, score: v.value === null ? null : indicatorScore(v.value, x.standard, x.zero_at) };
    });
    const { total, effective } = rescaled(values, (v) => v.x.weight, (v) => v.score);
    values.forEach((v, i) =>
      indicators.push({
        index_id: index.id,
        indicator: v.x,
        numerator: v.numerator,
        denominator: v.denominator,
        value: v.value,
        score: v.score,
        effective_weight: effective[i],
        contribution: effective[i] === null ? null : effective[i]!.times(v.score!),
      }),
    );
    indices.push({ index, score: total });
  }
  const { total, effective } = rescaled(indices, (x) => x.index.weight, (x) => x.score);
  return {
    score: total,
    indices: indices.map((x, i) => ({ index: x.index, score: x.score, effective_weight: effective[i], contribution: effective[i] === null ? null : effective[i]!.times(x.score!) })),
    indicators,
  };
}

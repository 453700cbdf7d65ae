import { INDICATOR } from '../present/words';
import { InputError } from '../data/InputError';
import { Dec } from '../money/decimal';
import { compare } from '../money/ratio';
import { makeFinding, type Finding, type Severity } from '../rules/finding';
import { getRule, type Rule, type Rulebook } from '../rules/rulebook';

/** The measures of S1 §16, by growing severity. */
export const MEASURE_LEVELS = ['attention', 'adjust', 'report', 'disclose'] as const;
export type MeasureLevel = (typeof MEASURE_LEVELS)[number];

/** The Chinese name of each measure, as S1 §16 words it. */
export const MEASURE_ZH: Readonly<Record<MeasureLevel, string>> = { attention: '予以关注', adjust: '调整改进', report: '主动报告', disclose: '信息披露' };

/** The severity of the finding each measure raises. */
const MEASURE_SEVERITY: Readonly<Record<MeasureLevel, Severity>> = { attention: 'minor', adjust: 'major', report: 'major', disclose: 'critical' };

/** When a measure is triggered: a deviation at least this large, significant if required, for this many consecutive periods. */
export interface MeasureTrigger {
  readonly min_relative_deviation: Dec;
  readonly require_significant: boolean;
  readonly min_persistent_quarters: number;
}

/** The triggers of rule BT-MEASURE and its confidence level. */
export interface MeasureRule {
  readonly rule: Rule;
  readonly confidence: number;
  readonly scopeTopProducts: number;
  /** Count indicators: periods expecting fewer decrements or claims than this are not assessed. */
  readonly minExpectedCount: number;
  readonly triggers: Readonly<Record<MeasureLevel, MeasureTrigger>>;
}

/**
 * Reads rule BT-MEASURE: `confidence`, `scope_top_products`, `min_expected_count`, and for each measure
 * `min_relative_deviation` (|A/E − 1|), `require_significant` and `min_persistent_quarters`.
 * @throws InputError naming the parameter when one is missing or malformed.
 */
export function measureRule(rulebook: Rulebook): MeasureRule {
  const rule = getRule(rulebook, 'BT-MEASURE');
  const bad = (name: string, expected: string, found: unknown) =>
    new InputError({ file: rulebook.file, column: `BT-MEASURE.parameters.${name}` }, expected, found === undefined ? undefined : JSON.stringify(found));
  const p = rule.parameters;
  const confidence = p.confidence;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) throw bad('confidence', 'a probability between 0 and 1', confidence);
  const top = p.scope_top_products;
  if (typeof top !== 'number' || !Number.isInteger(top) || top < 1) throw bad('scope_top_products', 'a whole number of at least 1', top);
  const minExpected = p.min_expected_count;
  if (typeof minExpected !== 'number' || minExpected < 0) throw bad('min_expected_count', 'a number of at least 0', minExpected);
  const triggers = {} as Record<MeasureLevel, MeasureTrigger>;
  for (const level of MEASURE_LEVELS) {
    const t = p[level] as Record<string, unknown> | undefined;
    if (!t || typeof t !== 'object') throw bad(level, 'min_relative_deviation, require_significant and min_persistent_quarters', t);
    if (typeof t.min_relative_deviation !== 'number' || t.min_relative_deviation < 0) throw bad(`${level}.min_relative_deviation`, 'a number of at least 0', t.min_relative_deviation);
    if (typeof t.require_significant !== 'boolean') throw bad(`${level}.require_significant`, 'true or false', t.require_significant);
    const q = t.min_persistent_quarters;
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 1) throw bad(`${level}.min_persistent_quarters`, 'a whole number of at least 1', q);
    triggers[level] = { min_relative_deviation: new Dec(String(t.min_relative_deviation)), require_significant: t.require_significant, min_persistent_quarters: q };
  }
  return { rule, confidence, scopeTopProducts: top, minExpectedCount: minExpected, triggers };
}

/** One period of one product's indicator, as the measures see it. */
export interface MeasurePoint {
  readonly period: string;
  readonly ae: number | null;
  /** Confidence interval of A/E; null for ledger indicators, which have no sampling model. */
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  /** Expected count of a count indicator (null for ledger indicators). */
  readonly expected_count?: number | null;
}

/** The measure reached in one period, with the run of periods that reached it. */
export interface MeasureAssessment {
  readonly period: string;
  readonly level: MeasureLevel | null;
  /** Consecutive periods, ending with this one, that met the level's deviation and significance in the same direction. */
  readonly persistent: number;
  /** +1 above expected, −1 below, 0 on expectation or unknown. */
  readonly direction: number;
  readonly significant: boolean;
}

/** Whether the CI excludes 1; a cell without a CI (a ledger indicator) counts as significant. */
function isSignificant(p: MeasurePoint): boolean {
  if (p.ci_low === null || p.ci_high === null) return true;
  return p.ci_low > 1 || p.ci_high < 1;
}

/**
 * Assesses the measures of one product's indicator over consecutive periods (BT-MEASURE): in each
 * period the most severe measure whose conditions all hold — |A/E − 1| ≥ its minimum relative
 * deviation (compared in exact decimal from A/E's shortest decimal text, so A/E 0.9 and 1.1 are both
 * exactly 10% away), the A/E interval excludes 1 when significance is required,
 * and the same holds in the same direction for at least its number of consecutive periods ending
 * with this one. A count indicator's period expecting fewer than `minExpectedCount` events is too
 * small to assess: it reaches no measure and breaks persistence.
 * @param series the periods in time order
 * @example assessMeasures([{ period: '2025Q4', ae: 1.5, ci_low: 1.2, ci_high: 1.8 }], rule.triggers)[0].level // 'attention'
 */
export function assessMeasures(series: readonly MeasurePoint[], triggers: Readonly<Record<MeasureLevel, MeasureTrigger>>, minExpectedCount = 0): MeasureAssessment[] {
  const assessable = (p: MeasurePoint) => p.ae !== null && (p.expected_count === undefined || p.expected_count === null || p.expected_count >= minExpectedCount);
  const direction = series.map((p) => (!assessable(p) || p.ae === 1 ? 0 : p.ae! > 1 ? 1 : -1));
  const meets = (p: MeasurePoint, t: MeasureTrigger): boolean =>
    assessable(p) && compare(new Dec(p.ae!).minus(1).abs(), 'ge', t.min_relative_deviation) && (!t.require_significant || isSignificant(p));
  return series.map((p, i) => {
    let level: MeasureLevel | null = null;
    let persistent = 0;
    for (const candidate of MEASURE_LEVELS) {
      const t = triggers[candidate];
      let run = 0;
      for (let j = i; j >= 0 && direction[j] === direction[i] && direction[i] !== 0 && meets(series[j], t); j--) run++;
      if (run >= t.min_persistent_quarters) {
        level = candidate;
        persistent = run;
      }
    }
    return { period: p.period, level, persistent, direction: direction[i], significant: isSignificant(p) };
  });
}

/**
 * The finding of a measure reached in the latest period of a product's indicator, citing S1 §16,
 * with the values that triggered it.
 * @example measureFinding(rule, 'TL01', 'lapse', point, assessment)
 */
export function measureFinding(rule: MeasureRule, productCode: string, indicator: string, point: MeasurePoint, assessment: MeasureAssessment): Finding | null {
  const level = assessment.level;
  if (level === null || point.ae === null) return null;
  const t = rule.triggers[level];
  const side = assessment.direction > 0 ? 'above' : 'below';
  const ci = point.ci_low === null || point.ci_high === null ? '' : ` (${Math.round(rule.confidence * 100)}% CI ${point.ci_low.toFixed(3)}–${point.ci_high.toFixed(3)})`;
  return makeFinding(rule.rule, {
    severity: MEASURE_SEVERITY[level],
    product_code: productCode,
    period: point.period,
    message: `${productCode} ${indicator}: A/E ${point.ae.toFixed(3)}${ci} in ${point.period}, ${side} the pricing assumption for ${assessment.persistent} consecutive period${assessment.persistent === 1 ? '' : 's'}: ${level}`,
    message_zh: `${productCode} ${INDICATOR[indicator]?.zh ?? indicator} 实际/预期 ${point.ae.toFixed(3)}，连续${assessment.persistent}期${assessment.direction > 0 ? '高于' : '低于'}定价假设：${MEASURE_ZH[level]}`,
    values: {
      indicator,
      measure: level,
      measure_zh: MEASURE_ZH[level],
      ae: point.ae,
      ci_low: point.ci_low,
      ci_high: point.ci_high,
      relative_deviation: new Dec(point.ae).minus(1).abs().toNumber(),
      significant: assessment.significant,
      persistent_periods: assessment.persistent,
      min_relative_deviation: t.min_relative_deviation.toNumber(),
      require_significant: t.require_significant,
      min_persistent_quarters: t.min_persistent_quarters,
    },
  });
}

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../data/InputError';
import { SERVICE_EVENT_TYPES, type ServiceEventType } from '../data/schema';
import { Dec } from '../money/decimal';

/** The formulas an indicator may use (see the model file's header). */
export const INDICATOR_FORMULAS = ['on_time_rate', 'connection_rate', 'completion_rate', 'median_working_days', 'per_10k'] as const;
export type IndicatorFormula = (typeof INDICATOR_FORMULAS)[number];

/** One quantitative indicator (定量指标) and how it is scored. */
export interface ModelIndicator {
  readonly id: string;
  readonly name_zh: string;
  readonly formula: IndicatorFormula;
  /** The event type of on_time_rate, completion_rate and median_working_days. */
  readonly event_type: ServiceEventType | null;
  /** The event types of per_10k. */
  readonly numerator: ServiceEventType | null;
  readonly denominator: ServiceEventType | null;
  /** The standard value (标准值): score 100. */
  readonly standard: Dec;
  /** The value that scores 0. */
  readonly zero_at: Dec;
  /** Weight within its index. */
  readonly weight: Dec;
}

/** An index (指数) of indicators. */
export interface ModelIndex {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string;
  /** Weight in the quantitative score. */
  readonly weight: Dec;
  readonly indicators: readonly ModelIndicator[];
}

/** A quantitative evaluation model, with the qualitative and satisfaction settings. */
export interface EvaluationModel {
  readonly id: string;
  readonly version: string;
  /** 'workbench' for the shipped model (not the committee's). */
  readonly owner: string;
  readonly description: string;
  readonly file: string;
  readonly sha256: string;
  readonly qualitative: { readonly base: number; readonly max_points: number };
  readonly satisfaction: { readonly construct: string };
  readonly indices: readonly ModelIndex[];
}

/** The model shipped with the workbench (works from both src/ and dist/). */
export const DEFAULT_EVALUATION_MODEL_PATH = resolve(__dirname, '..', '..', 'src', 'service', 'service-evaluation-model.yaml');

const EVENT_TYPES = Object.keys(SERVICE_EVENT_TYPES) as ServiceEventType[];

/**
 * Loads and checks a quantitative evaluation model (YAML): every index and indicator has an id,
 * a weight, a known formula with the event types it needs, a standard value different from its
 * zero point, and the weights add up to exactly 1 within each index and across the indices.
 * @throws InputError naming the file and the entry that is wrong.
 * @example loadEvaluationModel().indices.map((i) => i.id) // ['timeliness', 'access', 'claims', 'complaints']
 */
export function loadEvaluationModel(path: string = DEFAULT_EVALUATION_MODEL_PATH): EvaluationModel {
  if (!existsSync(path)) throw new InputError({ file: path }, 'an existing evaluation model file (YAML; awb service-evaluation --export-model writes one)');
  const bytes = readFileSync(path);
  let doc: Record<string, unknown> | null;
  try {
    doc = parseYaml(bytes.toString('utf8')) as Record<string, unknown> | null;
  } catch (error) {
    throw new InputError({ file: path }, `a YAML model (${(error as Error).message.split('\n')[0]})`);
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.indices)) throw new InputError({ file: path }, 'a model with id, version and indices');
  const at = (column: string) => ({ file: path, column });
  const decimal = (value: unknown, column: string): Dec => {
    try {
      if (typeof value !== 'number' && typeof value !== 'string') throw new Error();
      return new Dec(String(value));
    } catch {
      throw new InputError(at(column), 'a number', String(value));
    }
  };
  const eventType = (value: unknown, column: string): ServiceEventType => {
    if (!EVENT_TYPES.includes(value as ServiceEventType)) throw new InputError(at(column), `an event type (${EVENT_TYPES.join(', ')})`, String(value));
    return value as ServiceEventType;
  };
  const weightsAddUp = (weights: readonly Dec[], column: string) => {
    const sum = weights.reduce((s, w) => s.plus(w), new Dec(0));
    if (!sum.eq(1)) throw new InputError(at(column), 'weights that add up to exactly 1', sum.toString());
  };
  const ids = new Set<string>();
  const indices = (doc.indices as unknown[]).map((raw, i) => {
    const x = raw as Record<string, unknown>;
    const id = typeof x?.id === 'string' ? x.id : `#${i + 1}`;
    if (!Array.isArray(x?.indicators) || x.indicators.length === 0) throw new InputError(at(`indices.${id}.indicators`), 'a list of indicators');
    const indicators = (x.indicators as unknown[]).map((r, j) => {
      const y = r as Record<string, unknown>;
      const iid = typeof y?.id === 'string' ? y.id : `#${j + 1}`;
      const col = (c: string) => `indices.${id}.indicators.${iid}.${c}`;
      if (ids.has(iid)) throw new InputError(at(col('id')), 'indicator ids that are unique');
      ids.add(iid);
      const formula = y.formula as IndicatorFormula;
      if (!INDICATOR_FORMULAS.includes(formula)) throw new InputError(at(col('formula')), `one of ${INDICATOR_FORMULAS.join(', ')}`, String(y.formula));
      const needsType = formula === 'on_time_rate' || formula === 'completion_rate' || formula === 'median_working_days';
      const standard = decimal(y.standard, col('standard'));
      const zero = decimal(y.zero_at, col('zero_at'));
      if (standard.eq(zero)) throw new InputError(at(col('zero_at')), 'a zero point different from the standard value', zero.toString());
      const weight = decimal(y.weight, col('weight'));
      if (weight.isNegative()) throw new InputError(at(col('weight')), 'a weight of at least 0', weight.toString());
      return {
        id: iid,
        name_zh: String(y.name_zh ?? iid),
        formula,
        event_type: needsType ? eventType(y.event_type, col('event_type')) : null,
        numerator: formula === 'per_10k' ? eventType(y.numerator, col('numerator')) : null,
        denominator: formula === 'per_10k' ? eventType(y.denominator, col('denominator')) : null,
        standard,
        zero_at: zero,
        weight,
      } satisfies ModelIndicator;
    });
    weightsAddUp(indicators.map((y) => y.weight), `indices.${id}.indicators.weight`);
    return { id, name: String(x.name ?? id), name_zh: String(x.name_zh ?? x.name ?? id), weight: decimal(x.weight, `indices.${id}.weight`), indicators } satisfies ModelIndex;
  });
  weightsAddUp(indices.map((x) => x.weight), 'indices.weight');
  const q = (doc.qualitative ?? {}) as Record<string, unknown>;
  const maxPoints = q.max_points ?? 10;
  if (typeof maxPoints !== 'number' || !Number.isInteger(maxPoints) || maxPoints < 1) throw new InputError(at('qualitative.max_points'), 'a whole number of at least 1', String(maxPoints));
  const s = (doc.satisfaction ?? {}) as Record<string, unknown>;
  return {
    id: String(doc.id ?? ''),
    version: String(doc.version ?? ''),
    owner: String(doc.owner ?? ''),
    description: String(doc.description ?? ''),
    file: path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    qualitative: { base: typeof q.base === 'number' ? q.base : 0, max_points: maxPoints },
    satisfaction: { construct: typeof s.construct === 'string' ? s.construct : 'Satisfaction' },
    indices,
  };
}

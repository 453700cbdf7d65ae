import type { TableRow } from '../evidence/csv';
import type { Dec } from '../money/decimal';
import type { ServiceEvaluation } from './serviceEvaluation';

const num = (d: Dec | null) => (d === null ? null : d.toNumber());

/**
 * The three scores of each unit, listed apart (S3 art. 11: 分别列示): qualitative, quantitative,
 * satisfaction, with the satisfaction score's respondents.
 */
export function scoreRows(e: ServiceEvaluation): TableRow[] {
  return e.units.map((u) => ({
    unit: u.unit,
    level: u.level,
    qualitative: u.qualitative.score,
    quantitative: num(u.quantitative.score),
    satisfaction: u.satisfaction.score,
    satisfaction_respondents: u.satisfaction.n,
    satisfaction_regions: u.satisfaction.regions === null ? null : u.satisfaction.regions.join(','),
  }));
}

/** Levels 1 and 2: each indicator of each unit, its numerator, denominator, value, standard, score and weight. */
export function indicatorRows(e: ServiceEvaluation): TableRow[] {
  return e.units.flatMap((u) =>
    u.quantitative.indicators.map((x) => ({
      unit: u.unit,
      index: x.index_id,
      indicator: x.indicator.id,
      name_zh: x.indicator.name_zh,
      formula: x.indicator.formula,
      event_type: x.indicator.event_type ?? (x.indicator.numerator ? `${x.indicator.numerator}/${x.indicator.denominator}` : null),
      numerator: x.numerator,
      denominator: x.denominator,
      value: num(x.value),
      standard: x.indicator.standard.toNumber(),
      zero_at: x.indicator.zero_at.toNumber(),
      score: num(x.score),
      weight: x.indicator.weight.toNumber(),
      effective_weight: num(x.effective_weight),
      contribution: num(x.contribution),
    })),
  );
}

/** Level 3: each index of each unit, its score, weight and part of the quantitative score. */
export function indexRows(e: ServiceEvaluation): TableRow[] {
  return e.units.flatMap((u) =>
    u.quantitative.indices.map((x) => ({
      unit: u.unit,
      index: x.index.id,
      name_zh: x.index.name_zh,
      score: num(x.score),
      weight: x.index.weight.toNumber(),
      effective_weight: num(x.effective_weight),
      contribution: num(x.contribution),
    })),
  );
}

/** The innovation projects behind the qualitative scores. */
export function innovationRows(e: ServiceEvaluation): TableRow[] {
  return e.units.flatMap((u) => u.qualitative.projects.map((p) => ({ unit: u.unit, project: p.project, points: p.points })));
}

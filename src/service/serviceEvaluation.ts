import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadDataFolder } from '../data/dataFolder';
import type { ReadOptions } from '../data/readTable';
import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import type { Period } from '../data/period';
import type { ServiceEventRow, ServiceInnovationRow } from '../data/rows';
import { loadRulebook, type Rulebook } from '../rules/rulebook';
import { type SurveyIndexer, surveyIndexer } from '../satisfaction/subgroupIndex';
import { loadSurveyModel } from '../satisfaction/surveyModel';
import { DEFAULT_EVALUATION_MODEL_PATH, type EvaluationModel, loadEvaluationModel } from './evaluationModel';
import { type QuantitativeResult, quantitativeScore } from './quantitativeScore';
import { serviceStandardsRules } from './serviceLimits';
import { NO_SERVICE_GROUP, type ServiceStandards, serviceStandards } from './serviceStandards';
import { DEFAULT_CALENDAR_PATH, loadWorkingCalendar, type WorkingCalendar } from './workingCalendar';

/** The unit name of the head office (总公司) in results and in the service_innovations table. */
export const HEAD_OFFICE = 'head_office';
/** Spellings of the head office accepted in service_innovations.unit. */
const HEAD_OFFICE_NAMES = new Set([HEAD_OFFICE, '总公司', '总部', 'head office']);

/** The qualitative score (art. 11(1)): base 0 plus the innovation points awarded, capped. */
export interface QualitativeResult {
  readonly base: number;
  /** Points awarded to the unit's projects in the year, before the cap. */
  readonly awarded: number;
  readonly score: number;
  readonly projects: readonly { readonly project: string; readonly points: number }[];
}

/** The satisfaction score (art. 11(3)): the ICSI index of the unit's respondents. */
export interface SatisfactionResult {
  /** 0–100, or null without a survey or respondents. */
  readonly score: number | null;
  readonly n: number;
  /** The survey regions the unit's respondents were taken from (null: all regions, the head office). */
  readonly regions: readonly string[] | null;
}

/** One unit's evaluation: the three scores, listed apart (art. 11: 分别列示). */
export interface UnitEvaluation {
  readonly unit: string;
  readonly level: 'head_office' | 'branch';
  readonly qualitative: QualitativeResult;
  readonly quantitative: QuantitativeResult;
  readonly satisfaction: SatisfactionResult;
}

/** The service evaluation of a year for the head office and each provincial branch (S3 art. 9–11). */
export interface ServiceEvaluation {
  readonly year: number;
  readonly model: EvaluationModel;
  /** The S1 §6 study of the year, by branch: the quantitative indicators' data. */
  readonly study: ServiceStandards;
  readonly units: readonly UnitEvaluation[];
  readonly satisfaction: {
    readonly construct: string;
    /** The company whose respondents are scored (null: every respondent). */
    readonly company: string | null;
    /** Why there is no satisfaction score, or null. */
    readonly missing: 'no-survey' | 'no-survey-model' | null;
    readonly respondents: number;
  };
  readonly rulebook: Rulebook;
  readonly calendar: WorkingCalendar;
  /** Files read, hashed into evidence. */
  readonly inputs: readonly string[];
}

/** What to evaluate. */
export interface ServiceEvaluationParams {
  /** How the tables are read (--encoding, --header-row). */
  readonly read?: ReadOptions;
  readonly data: string;
  readonly year: number;
  /** Files that replace the shipped model, rulebook and calendar, or null. */
  readonly model: string | null;
  readonly rules: string | null;
  readonly calendar: string | null;
  /** The company in a multi-company survey, or null. */
  readonly company: string | null;
  /** The survey's model file, or null for survey_model.json beside the survey. */
  readonly survey_model: string | null;
}

function qualitativeOf(model: EvaluationModel, rows: readonly ServiceInnovationRow[]): QualitativeResult {
  const awarded = rows.reduce((s, r) => s + r.points, 0);
  return {
    base: model.qualitative.base,
    awarded,
    score: model.qualitative.base + Math.min(awarded, model.qualitative.max_points),
    projects: rows.map((r) => ({ project: r.project, points: r.points })),
  };
}

/** The regions each branch serves, from its events. */
function branchRegions(events: Table<ServiceEventRow>): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const r of events.rows) {
    if (r.branch === null || r.region === null) continue;
    if (!map.has(r.branch)) map.set(r.branch, new Set());
    map.get(r.branch)!.add(r.region);
  }
  return new Map([...map].map(([b, rs]) => [b, [...rs].sort()]));
}

/**
 * The service evaluation of a year (S3 art. 9–20) for the head office and each provincial branch
 * (the `branch` values of service_events): the qualitative score (base 0 plus the committee's
 * innovation points from service_innovations, capped), the quantitative score from the model
 * file, level by level (`quantitativeScore`) on the year's S1 §6 study, and the satisfaction score
 * (the ICSI index of the model's construct, estimated on the whole survey, for the company's
 * respondents, and for a branch those in its regions). The three are never added together.
 * @throws InputError for bad input in any table, a model, rulebook or calendar that does not load,
 * an innovation for a unit that is neither the head office nor a branch, or a multi-company
 * survey without `company` (naming the companies).
 * @example (await evaluateService({ data: 'data/sample', year: 2025, model: null, rules: null, calendar: null, company: '恒泰人寿', survey_model: null })).units[0].quantitative.score
 */
export async function evaluateService(p: ServiceEvaluationParams): Promise<ServiceEvaluation> {
  const model = loadEvaluationModel(p.model ?? DEFAULT_EVALUATION_MODEL_PATH);
  const rulebook = loadRulebook(p.rules ?? undefined);
  const calendar = loadWorkingCalendar(p.calendar ?? DEFAULT_CALENDAR_PATH);
  const folder = await loadDataFolder(p.data, ['service_events'], ['service_innovations', 'survey'], p.read ?? {});
  const events = folder.service_events;
  const study = serviceStandards(events, calendar, serviceStandardsRules(rulebook), { period: String(p.year) as Period, by: 'branch' });
  const regions = branchRegions(events);
  const branches = [...regions.keys()].filter((b) => b !== NO_SERVICE_GROUP).sort();
  const inputs = [events.file, ...(p.model ? [p.model] : []), ...(p.calendar ? [p.calendar] : [])];

  const innovations = new Map<string, ServiceInnovationRow[]>();
  if (folder.service_innovations) {
    const table = folder.service_innovations;
    inputs.push(table.file);
    for (const r of table.rows.filter((row) => row.year === p.year)) {
      const unit = HEAD_OFFICE_NAMES.has(r.unit.trim().toLowerCase()) || HEAD_OFFICE_NAMES.has(r.unit.trim()) ? HEAD_OFFICE : r.unit.trim();
      if (unit !== HEAD_OFFICE && !regions.has(unit)) {
        throw new InputError({ file: table.file, row: r.source_row, column: 'unit', header: table.headers.unit }, `the head office (head_office, 总公司) or a branch of service_events (${branches.join(', ')})`, r.unit);
      }
      innovations.set(unit, [...(innovations.get(unit) ?? []), r]);
    }
  }

  let indexer: SurveyIndexer | null = null;
  let missing: ServiceEvaluation['satisfaction']['missing'] = null;
  let company: string | null = null;
  if (!folder.survey) {
    missing = 'no-survey';
  } else {
    const surveyModel = p.survey_model ?? join(dirname(folder.survey.file), 'survey_model.json');
    if (!existsSync(surveyModel)) {
      missing = 'no-survey-model';
    } else {
      indexer = await surveyIndexer(folder.survey, loadSurveyModel(surveyModel));
      inputs.push(folder.survey.file, surveyModel);
      if (!indexer.constructs.includes(model.satisfaction.construct)) {
        throw new InputError({ file: model.file, column: 'satisfaction.construct' }, `a construct of the survey model (${indexer.constructs.join(', ')})`, model.satisfaction.construct);
      }
      const companies = indexer.groups.company ?? [];
      if (p.company !== null) {
        if (!companies.includes(p.company)) throw new InputError({ argument: '--company', file: folder.survey.file }, `a company of the survey (${companies.join(', ') || 'the survey has no company column'})`, p.company);
        company = p.company;
      } else if (companies.length > 1) {
        throw new InputError({ argument: '--company', file: folder.survey.file }, `the company to score, since the survey holds ${companies.length} companies (${companies.join(', ')})`);
      }
    }
  }
  const construct = indexer ? indexer.constructs.indexOf(model.satisfaction.construct) : -1;
  const satisfactionOf = (unitRegions: readonly string[] | null): SatisfactionResult => {
    if (!indexer) return { score: null, n: 0, regions: unitRegions };
    const sub = indexer.subgroup({ ...(company !== null ? { company: [company] } : {}), ...(unitRegions !== null ? { region: unitRegions } : {}) });
    return { score: sub.index[construct], n: sub.n, regions: unitRegions };
  };

  const units: UnitEvaluation[] = [
    { unit: HEAD_OFFICE, level: 'head_office', qualitative: qualitativeOf(model, innovations.get(HEAD_OFFICE) ?? []), quantitative: quantitativeScore(study, model, null), satisfaction: satisfactionOf(null) },
    ...branches.map((b) => ({
      unit: b,
      level: 'branch' as const,
      qualitative: qualitativeOf(model, innovations.get(b) ?? []),
      quantitative: quantitativeScore(study, model, b),
      satisfaction: satisfactionOf(regions.get(b)!),
    })),
  ];
  return {
    year: p.year,
    model,
    study,
    units,
    satisfaction: { construct: model.satisfaction.construct, company, missing, respondents: units[0].satisfaction.n },
    rulebook,
    calendar,
    inputs,
  };
}

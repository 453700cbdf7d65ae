import type { Table } from '../data/parseTable';
import { loadTable, type ReadOptions } from '../data/readTable';
import type { SurveyRow } from '../data/rows';
import { type Progress, SILENT_PROGRESS } from '../progress';
import { analyseSurvey, DEFAULT_ANALYSIS_OPTIONS, fitSurvey, type SurveyAnalysis } from '../satisfaction/analyseSurvey';
import { type GroupGap, groupGaps, holmAdjusted } from '../satisfaction/groupGaps';
import type { InnerScheme } from '../satisfaction/innerWeighting';
import { type ItemGain, itemGains } from '../satisfaction/itemGains';
import { MIN_GROUP_RESPONDENTS, type SuppressedGroups } from '../satisfaction/surveyDataWarnings';
import { itemMeans } from '../satisfaction/satisfactionIndex';
import { GROUP_COLUMNS, type GroupColumn, type MissingTreatment } from '../satisfaction/surveyMatrix';
import { loadSurveyModel, type SurveyModel } from '../satisfaction/surveyModel';
import { compareWaves, type WaveComparison } from '../satisfaction/waveChange';

/** What the ICSI study computes, and how. */
export interface IcsiParams {
  /** Last year's survey on the same model, for the change of every index (`compareWaves`); none when absent. */
  readonly previous?: string | Table<SurveyRow>;
  /** Bootstrap resamples of the indices' intervals (default 1000). */
  readonly bootstrap?: number;
  /** Permutations of the group-difference tests and of MICOM step 2 (default 1000). */
  readonly permutations?: number;
  /** Random seed of the bootstrap and the permutations (default 1). */
  readonly seed?: number;
  /** Groups with fewer respondents are counted, not shown (default 30, `MIN_GROUP_RESPONDENTS`). */
  readonly minGroup?: number;
  /** Groups whose two-wave changes are shown (default region). */
  readonly changeBy?: GroupColumn;
  readonly scheme?: InnerScheme;
  readonly scaled?: boolean;
  readonly missing?: MissingTreatment;
  readonly read?: ReadOptions;
  readonly threads?: number;
  readonly progress?: Progress;
}

/** One construct's whole-survey index with its bootstrap interval. */
export interface ConstructIndex {
  readonly construct: string;
  readonly name_zh: string | null;
  readonly index: number | null;
  /** 95% percentile interval of the bootstrap. */
  readonly ci_low: number | null;
  readonly ci_high: number | null;
}

/** The indices of every group of one column (S3 art. 23), with the groups too small to show counted. */
export interface GroupIndices {
  readonly column: GroupColumn;
  readonly groups: readonly { readonly group: string; readonly n: number; readonly index: readonly (number | null)[] }[];
  readonly suppressed: SuppressedGroups;
}

/** What drives a target construct: total effects, its importance–performance map, and the items that gain it most. */
export interface Driver {
  readonly target: string;
  /** Each construct with an effect on the target: standardised total effect, importance (index points per point) and its index. */
  readonly constructs: readonly { readonly construct: string; readonly total_effect: number; readonly importance: number; readonly performance: number | null }[];
  readonly items: readonly ItemGain[];
}

/** The ICSI study of a survey: indices, groups, drivers, group differences and (with `previous`) the change since last wave. */
export interface IcsiStudy {
  readonly model: SurveyModel;
  /** The whole-survey analysis, as `awb icsi --bootstrap N --seed S` computes it. */
  readonly analysis: SurveyAnalysis;
  readonly n: number;
  /** The headline: the Satisfaction construct's index (the customer satisfaction index). */
  readonly headline: ConstructIndex;
  readonly constructs: readonly ConstructIndex[];
  readonly groups: readonly GroupIndices[];
  readonly drivers: readonly Driver[];
  /** Every group against the rest, for every construct; Holm-adjusted over all of them together. */
  readonly gaps: readonly GroupGap[];
  readonly waves: WaveComparison | null;
  readonly params: Required<Omit<IcsiParams, 'previous' | 'read' | 'threads' | 'progress'>>;
  /** Files read. */
  readonly inputs: readonly string[];
}

const DRIVER_TARGETS = ['Satisfaction', 'Loyalty'];

async function surveyOf(survey: string | Table<SurveyRow>, read: ReadOptions): Promise<Table<SurveyRow>> {
  return typeof survey === 'string' ? loadTable(survey, 'survey', read) : survey;
}

/**
 * The customer satisfaction study an analyst publishes (S3 art. 22–23, 29): the whole survey's
 * seven construct indices with bootstrap intervals (`analyseSurvey`, the same figures as `awb
 * icsi`), the indices of every company, region and stage with their respondents (groups below the
 * minimum counted, not shown), the drivers of satisfaction and loyalty (total effects,
 * importance–performance, the items with the largest gain), each group against the rest with a
 * permutation test and Holm's adjustment over every test (`groupGaps`), and with `previous` the
 * change of every index since last wave with MICOM steps 1–2 (`compareWaves`).
 * @throws InputError for bad survey data, a model that cannot be estimated, or a previous wave that cannot.
 * @example const s = await icsi('data/sample/survey.csv', 'data/sample/survey_model.json', { previous: 'data/sample/survey_2024.csv' });
 * s.gaps.filter((g) => g.p_adjusted < 0.05 && g.group === '西北').map((g) => g.construct)
 */
export async function icsi(survey: string | Table<SurveyRow>, model: string | SurveyModel, params: IcsiParams = {}): Promise<IcsiStudy> {
  const read = params.read ?? {};
  const table = await surveyOf(survey, read);
  const surveyModel = typeof model === 'string' ? loadSurveyModel(model) : model;
  const p = {
    bootstrap: params.bootstrap ?? 1000,
    permutations: params.permutations ?? 1000,
    seed: params.seed ?? 1,
    minGroup: params.minGroup ?? MIN_GROUP_RESPONDENTS,
    changeBy: params.changeBy ?? 'region',
    scheme: params.scheme ?? DEFAULT_ANALYSIS_OPTIONS.scheme,
    scaled: params.scaled ?? DEFAULT_ANALYSIS_OPTIONS.scaled,
    missing: params.missing ?? DEFAULT_ANALYSIS_OPTIONS.missing,
  } as const;
  const progress = params.progress ?? SILENT_PROGRESS;
  const base = { ...DEFAULT_ANALYSIS_OPTIONS, scheme: p.scheme, scaled: p.scaled, missing: p.missing, minGroup: p.minGroup, threads: params.threads, progress };
  // One whole-sample estimate for the headline analysis and the analyses by group.
  const shared = fitSurvey(table, surveyModel, base);
  const analysis = await analyseSurvey(table, surveyModel, { ...base, bootstrap: p.bootstrap, seed: p.seed }, shared);
  const design = analysis.design;
  const m = design.constructs.length;
  const constructs: ConstructIndex[] = surveyModel.constructs.map((c, j) => {
    const summary = analysis.bootstrap === null ? null : analysis.bootstrap.summaries[analysis.bootstrap.layout.index + j];
    return { construct: c.name, name_zh: c.name_zh ?? null, index: analysis.index[j], ci_low: summary?.ci_low ?? null, ci_high: summary?.ci_high ?? null };
  });
  const headline = constructs.find((c) => c.construct === 'Satisfaction') ?? constructs[0];
  const matrix = shared.matrix;
  const groups: GroupIndices[] = [];
  const gaps: GroupGap[] = [];
  for (const column of GROUP_COLUMNS) {
    const grouping = matrix.groupings[column];
    if (grouping === undefined) continue;
    const byGroup = await analyseSurvey(table, surveyModel, { ...base, by: column }, shared);
    groups.push({ column, groups: byGroup.groups.map((g) => ({ group: g.group, n: g.n, index: g.index })), suppressed: byGroup.suppressedGroups! });
    if (analysis.scale !== null) gaps.push(...groupGaps(analysis.fit, analysis.indexWeights, analysis.scale, matrix.answers, matrix.weights, grouping, { permutations: p.permutations, seed: p.seed, minGroup: p.minGroup }));
  }
  const adjusted = holmAdjusted(gaps.map((g) => g.p_value));
  // Item performance from the answers as given, as the indices and the IPMA use them (the fit's
  // means are after the treatment of missing answers).
  const answered = itemMeans(matrix.answers, matrix.p, matrix.weights);
  const drivers: Driver[] = analysis.scale === null ? [] : DRIVER_TARGETS.filter((t) => analysis.ipma[t] !== undefined).map((target) => {
    const t = design.constructs.indexOf(target);
    const points = analysis.ipma[target];
    return {
      target,
      constructs: points.map((point) => ({ construct: point.construct, total_effect: analysis.fit.effects.total[design.constructs.indexOf(point.construct) * m + t], importance: point.importance, performance: point.performance })),
      items: itemGains(design, points, analysis.indexWeights, answered, analysis.scale!, target),
    };
  });
  const previous = params.previous === undefined ? null : await surveyOf(params.previous, read);
  const waves = previous === null ? null : await compareWaves(table, previous, surveyModel, { scheme: p.scheme, scaled: p.scaled, missing: p.missing, by: matrix.groupings[p.changeBy] ? p.changeBy : null, minGroup: p.minGroup, resamples: p.bootstrap, permutations: p.permutations, seed: p.seed, threads: params.threads, progress });
  return Object.freeze({
    model: surveyModel,
    analysis,
    n: matrix.n,
    headline,
    constructs,
    groups,
    drivers,
    gaps: gaps.map((g, i) => ({ ...g, p_adjusted: adjusted[i] })),
    waves,
    params: p,
    inputs: [table.file, ...(typeof model === 'string' ? [model] : []), ...(previous === null ? [] : [previous.file])],
  });
}

import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import type { SurveyRow } from '../data/rows';
import { type Progress, SILENT_PROGRESS } from '../progress';
import { type BootstrapResult, bootstrapPls } from './bootstrapPls';
import { type ConsistentPls, consistentPls } from './consistentPls';
import { type FormativeAssessment, formativeAssessment } from './formativeAssessment';
import { estimatePls, type PlsFit, startingWeights } from './estimatePls';
import { type FornellLarckerRow, fornellLarcker } from './fornellLarcker';
import { type FSquared, fSquared } from './fSquared';
import { goodnessOfFit } from './goodnessOfFit';
import { comparedGroups, compareGroups, type GroupComparison } from './groupComparison';
import { type HtmtPair, htmt } from './htmt';
import { type InnerScheme } from './innerWeighting';
import { type InnerVif, innerVif } from './innerVif';
import { type IpmaPoint, ipma } from './ipma';
import { weightedMoments } from './moments';
import { pathDesign, type PathDesign } from './pathDesign';
import { DEFAULT_PLS_OPTIONS } from './plsAlgorithm';
import { type NegativeLoading, type QualityWarning, qualityWarnings } from './qualityWarnings';
import { type Reliability, reliability } from './reliability';
import { MIN_GROUP_RESPONDENTS, publishedGrouping, type SuppressedGroups, surveyDataWarnings } from './surveyDataWarnings';
import type { ReplicateProblem } from './replicates';
import { constructIndices, indexWeights, itemMeans } from './satisfactionIndex';
import { type GroupColumn, type MissingReport, type MissingTreatment, type SurveyMatrix, surveyMatrix } from './surveyMatrix';
import type { ItemScale, SurveyModel } from './surveyModel';

/** Options of a survey analysis (the `awb icsi` options). */
export interface SurveyAnalysisOptions {
  readonly scheme: InnerScheme;
  readonly scaled: boolean;
  readonly missing: MissingTreatment;
  /** Indices (and their bootstrap intervals) for each group of this column. */
  readonly by: GroupColumn | null;
  /** Bootstrap resamples (0: no bootstrap). */
  readonly bootstrap: number;
  readonly seed: number;
  /** Two groups of `by` to compare by a permutation test, or null. */
  readonly compare: readonly [string, string] | null;
  readonly permutations: number;
  /** Target constructs of the importance-performance maps; null: Satisfaction and Loyalty, where the model has them. */
  readonly ipmaTargets: readonly string[] | null;
  /** Numbers that mean "no answer" (seminr's `missing_value`, e.g. -99). */
  readonly missingCodes?: readonly number[];
  /** The answer scale, overriding the model's (or supplying one it lacks). */
  readonly scale?: ItemScale | null;
  /** Also estimate consistent PLS (PLSc) for the reflective constructs, and bootstrap its paths. */
  readonly consistent?: boolean;
  readonly threads?: number;
  readonly progress?: Progress;
  /** The fewest respondents a group's index is shown for (default `MIN_GROUP_RESPONDENTS`, 30). */
  readonly minGroup?: number;
}

/** Defaults: path weighting, standardised items, mean replacement, no groups, no bootstrap. */
export const DEFAULT_ANALYSIS_OPTIONS: SurveyAnalysisOptions = {
  scheme: DEFAULT_PLS_OPTIONS.scheme,
  scaled: true,
  missing: 'mean',
  by: null,
  bootstrap: 0,
  seed: 1,
  compare: null,
  permutations: 1000,
  ipmaTargets: null,
};

/** Importance-performance targets when none are named. */
const DEFAULT_IPMA_TARGETS = ['Satisfaction', 'Loyalty'];

/** The index of one group. */
export interface GroupIndex {
  readonly group: string;
  /** Respondents analysed in the group. */
  readonly n: number;
  /** Sum of their survey weights. */
  readonly weight: number;
  /** 0–100 index per construct (null where not computable). */
  readonly index: readonly (number | null)[];
}

/** Everything `awb icsi` reports about a survey. No respondent-level value is kept. */
export interface SurveyAnalysis {
  readonly model: SurveyModel;
  readonly design: PathDesign;
  readonly options: SurveyAnalysisOptions;
  readonly fit: PlsFit;
  readonly missing: MissingReport;
  readonly weighted: boolean;
  readonly reliability: readonly Reliability[];
  readonly htmt: readonly HtmtPair[];
  readonly fornellLarcker: readonly FornellLarckerRow[];
  readonly vif: readonly InnerVif[];
  readonly fSquared: readonly FSquared[];
  readonly gof: number;
  readonly warnings: readonly QualityWarning[];
  /** Index weights per item (null for constructs without an index). */
  readonly indexWeights: readonly (number | null)[];
  /** 0–100 index per construct; all null when the model declares no scale. */
  readonly index: readonly (number | null)[];
  readonly groups: readonly GroupIndex[];
  readonly ipma: Readonly<Record<string, readonly IpmaPoint[]>>;
  readonly bootstrap: BootstrapResult | null;
  readonly comparison: GroupComparison | null;
  /** The answer scale used for the indices (the model's or the --scale given), or null. */
  readonly scale: ItemScale | null;
  /** Items loading negatively on their own reflective construct. */
  readonly negativeLoadings: readonly NegativeLoading[];
  /** Formative (mode B) constructs judged by their own criteria. */
  readonly formative: FormativeAssessment;
  /** Consistent PLS, when asked for (null when not asked or when a corrected regression is singular). */
  readonly consistent: ConsistentPls | null;
  /** Groups of `by` left out for having fewer respondents than the minimum (null without `by`). */
  readonly suppressedGroups: SuppressedGroups | null;
}

function failure(table: Table<SurveyRow>, fit: Exclude<ReturnType<typeof estimatePls>, PlsFit>): InputError {
  switch (fit.reason) {
    case 'constant-item':
      return new InputError({ file: table.file, column: fit.subject ?? undefined }, 'answers that vary between respondents (every analysed respondent gave this item the same answer)');
    case 'singular':
      return new InputError({ file: table.file }, `a survey whose constructs are not perfectly collinear (a regression on ${fit.subject ?? 'the construct scores'} is singular)`);
    case 'not-converged':
      return new InputError({ file: table.file }, `a survey on which the PLS algorithm converges within ${fit.iterations} iterations`);
  }
}

/** A survey's whole-sample PLS estimate: what every analysis of the survey with the same estimation options shares. */
export interface SurveyFit {
  readonly table: Table<SurveyRow>;
  readonly model: SurveyModel;
  readonly design: PathDesign;
  readonly matrix: SurveyMatrix;
  readonly fit: PlsFit;
}

/**
 * Estimates the PLS path model on the whole survey, once, for several analyses that differ only
 * in their grouping, bootstrap or comparison (the quarterly review's indices by company, region and stage).
 * @throws InputError for bad survey data or a survey on which the model cannot be estimated.
 * @example const shared = fitSurvey(table, model, DEFAULT_ANALYSIS_OPTIONS); await analyseSurvey(table, model, { ...DEFAULT_ANALYSIS_OPTIONS, by: 'region' }, shared)
 */
export function fitSurvey(table: Table<SurveyRow>, model: SurveyModel, options: SurveyAnalysisOptions): SurveyFit {
  const design = pathDesign(model);
  const matrix = surveyMatrix(table, options.scale ? { ...model, scale: options.scale } : model, design, options.missing, options.missingCodes ?? []);
  const fit = estimatePls(design, weightedMoments(matrix.values, matrix.p, matrix.weights), { ...DEFAULT_PLS_OPTIONS, scheme: options.scheme, scaled: options.scaled });
  if (!fit.ok) throw failure(table, fit);
  return { table, model, design, matrix, fit };
}

/**
 * Analyses a survey with a PLS path model: estimation, reliability and validity, warnings, the
 * 0–100 indices (whole survey and each group), importance-performance maps, and optionally a
 * bootstrap and a permutation comparison of two groups. The CLI (`awb icsi`) and the notebooks
 * both call this.
 * @param shared the whole-sample estimate from `fitSurvey` on the same table, model and estimation
 * options (scheme, scaling, missing answers, scale), when several analyses share it
 * @throws InputError for bad survey data (see `surveyMatrix`), an option naming an unknown group
 * or construct, or a survey on which the model cannot be estimated.
 * @example await analyseSurvey(await loadTable('survey.csv', 'survey'), loadSurveyModel('survey_model.json'), { ...DEFAULT_ANALYSIS_OPTIONS, by: 'region' })
 */
export async function analyseSurvey(table: Table<SurveyRow>, model: SurveyModel, options: SurveyAnalysisOptions, shared?: SurveyFit): Promise<SurveyAnalysis> {
  const { design, matrix, fit } = shared !== undefined && shared.table === table && shared.model === model ? shared : fitSurvey(table, model, options);
  const plsOptions = { ...DEFAULT_PLS_OPTIONS, scheme: options.scheme, scaled: options.scaled };
  if (options.by !== null && matrix.groupings[options.by] === undefined) {
    throw new InputError({ argument: '--by', file: table.file }, `a column the survey has (${Object.keys(matrix.groupings).join(', ') || 'none of company, region, stage'})`, options.by);
  }
  const minGroup = options.minGroup ?? MIN_GROUP_RESPONDENTS;
  const published = options.by === null ? null : publishedGrouping(matrix.groupings[options.by]!, minGroup);
  const grouping = published?.grouping ?? null;
  // A column most respondents are alone in (an identifier, a phone number) is not a grouping.
  if (published && matrix.n >= 10 && 2 * published.alone > matrix.n) {
    throw new InputError({ argument: '--by', file: table.file, column: options.by! }, `a grouping column shared by respondents; ${published.alone} of its ${matrix.n} respondents are alone in their group, which marks it as an identifier or personal data`);
  }
  // The comparison's groups are checked before any resampling, so a typo costs no bootstrap.
  if (options.compare !== null) {
    if (grouping === null) throw new InputError({ argument: '--compare' }, 'a grouping column given with --by (company, region or stage)');
    for (const label of options.compare) {
      if (published!.hidden.has(label)) throw new InputError({ argument: '--compare' }, `groups of at least ${minGroup} respondents (smaller groups are not shown; --min-group changes the minimum)`, label);
    }
    comparedGroups(grouping, options.compare[0], options.compare[1]);
  }
  for (const target of options.ipmaTargets ?? []) {
    if (!design.constructs.includes(target)) throw new InputError({ argument: '--ipma' }, `a construct of the model (${design.constructs.join(', ')})`, target);
  }
  const targets = options.ipmaTargets ?? DEFAULT_IPMA_TARGETS.filter((t) => design.constructs.includes(t));
  const rel = reliability(fit);
  const pairs = htmt(fit);
  const fl = fornellLarcker(fit, rel.map((r) => r.ave));
  const vifs = innerVif(fit);
  const scale = options.scale ?? model.scale;
  const weights = indexWeights(fit);
  const index = scale === null ? design.constructs.map(() => null) : constructIndices(fit, weights, itemMeans(matrix.answers, matrix.p, matrix.weights), scale);
  const groups: GroupIndex[] = [];
  if (grouping !== null) {
    const means = itemMeans(matrix.answers, matrix.p, matrix.weights, grouping);
    grouping.labels.forEach((group, g) => {
      let n = 0;
      let weight = 0;
      grouping.codes.forEach((c, i) => {
        if (c === g) {
          n++;
          weight += matrix.weights[i];
        }
      });
      const groupIndex = scale === null ? design.constructs.map(() => null) : constructIndices(fit, weights, means.subarray(g * matrix.p, (g + 1) * matrix.p), scale);
      groups.push({ group, n, weight, index: groupIndex });
    });
  }
  const ipmaMaps: Record<string, IpmaPoint[]> = {};
  if (scale !== null) for (const target of targets) ipmaMaps[target] = ipma(fit, weights, index, scale, target);
  const problem: ReplicateProblem = { design, options: plsOptions, n: matrix.n, values: matrix.values, answers: matrix.answers, weights: matrix.weights, scale, grouping, start: startingWeights(fit), consistent: options.consistent === true };
  const parallel = { threads: options.threads, progress: options.progress ?? SILENT_PROGRESS };
  const bootstrap = options.bootstrap > 0 ? await bootstrapPls(problem, fit, { ...parallel, resamples: options.bootstrap, seed: options.seed }) : null;
  let comparison: GroupComparison | null = null;
  if (options.compare !== null && grouping !== null) {
    comparison = await compareGroups(problem, grouping, options.compare[0], options.compare[1], { ...parallel, permutations: options.permutations, seed: options.seed });
  }
  const negativeLoadings: NegativeLoading[] = design.items.flatMap((item, h) => {
    const j = design.blockOf[h];
    return design.modes[j] === 'A' && fit.loadings[h] < 0 ? [{ construct: design.constructs[j], item, loading: fit.loadings[h] }] : [];
  });
  const formative = formativeAssessment(fit, bootstrap, matrix.globals, matrix.values, matrix.weights);
  const indexMissing = scale === null ? [] : design.constructs.filter((_, j) => index[j] === null);
  return {
    model,
    design,
    options,
    fit,
    missing: matrix.missing,
    weighted: matrix.weighted,
    reliability: rel,
    htmt: pairs,
    fornellLarcker: fl,
    vif: vifs,
    fSquared: fSquared(fit),
    gof: goodnessOfFit(fit),
    warnings: [
      ...qualityWarnings(design.constructs, rel, pairs, fl, vifs, { modes: design.modes, negativeLoadings, formative, scale, indexMissing, noScale: scale === null }),
      ...surveyDataWarnings(matrix.answers, design.items, grouping, published?.suppressed ?? null, scale),
    ],
    indexWeights: weights,
    index,
    groups,
    ipma: ipmaMaps,
    bootstrap,
    comparison,
    scale,
    negativeLoadings,
    formative,
    consistent: options.consistent ? consistentPls(fit) : null,
    suppressedGroups: published?.suppressed ?? null,
  };
}

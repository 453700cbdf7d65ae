import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import type { SurveyRow } from '../data/rows';
import { analyseSurvey, DEFAULT_ANALYSIS_OPTIONS, type SurveyAnalysis } from './analyseSurvey';
import { pathDesign } from './pathDesign';
import { constructIndices, itemMeans } from './satisfactionIndex';
import { type GroupColumn, surveyMatrix } from './surveyMatrix';
import type { SurveyModel } from './surveyModel';

/** Which respondents: those whose grouping columns hold one of the listed values (all when empty). */
export type RespondentFilter = Readonly<Partial<Record<GroupColumn, readonly string[]>>>;

/** The 0–100 indices of a subgroup of the survey, on the whole survey's model. */
export interface SubgroupIndex {
  /** Respondents in the subgroup. */
  readonly n: number;
  /** One index per construct, in the model's order (null where not computable). */
  readonly index: readonly (number | null)[];
}

/** A survey estimated once, from which the indices of any subgroup are read. */
export interface SurveyIndexer {
  readonly analysis: SurveyAnalysis;
  readonly constructs: readonly string[];
  /** The distinct values of each grouping column the survey has. */
  readonly groups: Readonly<Partial<Record<GroupColumn, readonly string[]>>>;
  subgroup(filter: RespondentFilter): SubgroupIndex;
}

/**
 * Estimates the survey's PLS model once (as `awb icsi` does with its default options) and gives
 * the 0–100 indices of any subgroup of respondents — a company's respondents in some regions,
 * say — with the whole survey's index weights applied to the subgroup's item means (the ICSI way
 * of scoring a company or region on the industry model, S3 art. 23–24). With a filter on one
 * column this equals `awb icsi --by <column>`'s group index.
 * @throws InputError for bad survey data, a model that cannot be estimated, or a filter on a
 * column the survey does not have.
 * @example surveyIndexer(survey, model).subgroup({ company: ['恒泰人寿'], region: ['西北'] }).index
 */
export async function surveyIndexer(table: Table<SurveyRow>, model: SurveyModel): Promise<SurveyIndexer> {
  const analysis = await analyseSurvey(table, model, DEFAULT_ANALYSIS_OPTIONS);
  const matrix = surveyMatrix(table, model, pathDesign(model), DEFAULT_ANALYSIS_OPTIONS.missing);
  const groups = Object.fromEntries(Object.entries(matrix.groupings).map(([column, g]) => [column, g!.labels]));
  return {
    analysis,
    constructs: analysis.design.constructs,
    groups,
    subgroup(filter) {
      const mask = new Float64Array(matrix.n).fill(1);
      for (const [column, values] of Object.entries(filter) as [GroupColumn, readonly string[]][]) {
        const grouping = matrix.groupings[column];
        if (!grouping) throw new InputError({ file: table.file, column }, `a ${column} column in the survey to find the respondents of ${values.join(', ')}`);
        const codes = new Set(values.map((v) => grouping.labels.indexOf(v)).filter((c) => c >= 0));
        grouping.codes.forEach((c, i) => {
          if (!codes.has(c)) mask[i] = 0;
        });
      }
      const n = mask.reduce((s, m) => s + m, 0);
      const scale = model.scale;
      const index = scale === null || n === 0 ? analysis.design.constructs.map(() => null) : constructIndices(analysis.fit, analysis.indexWeights, itemMeans(matrix.answers, matrix.p, matrix.weights, undefined, mask), scale);
      return { n, index };
    },
  };
}

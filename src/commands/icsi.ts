import type { Lang } from '../present/column';
import { InputError } from '../data/InputError';
import { loadTable } from '../data/readTable';
import { analyseSurvey, type SurveyAnalysis } from '../satisfaction/analyseSurvey';
import { icsiCharts, icsiJson, icsiTables, icsiText } from '../satisfaction/icsiOutput';
import { icsiTableDeclarations } from '../satisfaction/icsiTables';
import { INNER_SCHEMES, type InnerScheme } from '../satisfaction/innerWeighting';
import { GROUP_COLUMNS, type GroupColumn, type MissingTreatment } from '../satisfaction/surveyMatrix';
import { MIN_GROUP_RESPONDENTS } from '../satisfaction/surveyDataWarnings';
import { loadSurveyModel } from '../satisfaction/surveyModel';
import { booleanArg, choiceArg, integerArg, listArg, requiredText } from './args';
import { icsiTextZh } from './icsiTextZh';
import { type CommandOutput, defineCommand } from './command';
import { readOptionsOf, readParams, tableReadingOptions } from './readOptions';

/** `awb icsi`: the customer satisfaction index (S3 art. 22–24) by PLS path modelling. */
export const icsiCommand = defineCommand({
  name: 'icsi',
  summary: 'Customer satisfaction index (ICSI, S3 art. 22–24): PLS path model, reliability, 0–100 indices by group, bootstrap, IPMA',
  examples: [
    'awb icsi --survey data/sample/survey.csv --model data/sample/survey_model.json',
    'awb icsi --survey survey.csv --model survey_model.json --by region --bootstrap 5000 --seed 42 --out output/icsi-2025',
    'awb icsi --survey survey.csv --model survey_model.json --by region --compare 西北,华东 --permutations 2000 --seed 7 --json',
  ],
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--survey <file>', 'survey table (CSV, XLSX or Parquet): respondent_id, company, region, stage, weight, one column per item')
      .requiredOption('--model <file>', 'survey model (JSON); the ICSI model ships as src/satisfaction/icsi-model.json')
      .option('--scheme <scheme>', 'inner weighting: path (default, as SmartPLS/seminr), centroid (plspm default) or factorial')
      .option('--scaled <bool>', 'true: standardise items (default); false: centre only (plspm scaled = FALSE)')
      .option('--missing <how>', 'missing answers: mean (replace by the item mean, default) or casewise (drop the respondent)')
      .option('--by <column>', 'indices for each company, region or stage')
      .option('--bootstrap <n>', 'bootstrap resamples for standard errors and intervals (0 = none)')
      .option('--seed <s>', 'random seed of the bootstrap and the permutation test (default 1)')
      .option('--compare <a,b>', 'permutation test between two groups of --by')
      .option('--permutations <n>', 'permutations of --compare (default 1000)')
      .option('--ipma <targets>', 'targets of the importance-performance maps (default Satisfaction,Loyalty)')
      .option('--missing-code <codes>', 'answers that mean "no answer", e.g. -99 (seminr missing_value); several separated by commas')
      .option('--scale <min-max>', 'the answer scale, e.g. 1-10, when the model declares none (or to override it)')
      .option('--consistent', 'also estimate consistent PLS (PLSc, Dijkstra & Henseler 2015) for the reflective constructs')
      .option('--min-group <n>', 'the fewest respondents a group index of --by is shown for (default 30); smaller groups are counted, not named')
      .option('--threads <n>', 'worker threads for bootstrap and permutations (default: all cores; results do not depend on it)'),
  parse: (o) => {
    const compare = listArg(o, 'compare');
    if (compare.length !== 0 && compare.length !== 2) throw new InputError({ argument: '--compare' }, 'two groups separated by a comma', String(o.compare));
    const by = o.by === undefined ? null : choiceArg<GroupColumn>(o, 'by', GROUP_COLUMNS);
    const ipma = listArg(o, 'ipma');
    const codes = listArg(o, 'missing-code').map((c) => {
      if (!/^\s*[+-]?\d+(\.\d+)?\s*$/.test(c)) throw new InputError({ argument: '--missing-code' }, 'numbers separated by commas, e.g. -99', c);
      return Number(c);
    });
    const scaleText = o.scale === undefined ? null : String(o.scale);
    const scaleMatch = scaleText === null ? null : /^\s*([+-]?\d+(?:\.\d+)?)\s*[-–~,]\s*([+-]?\d+(?:\.\d+)?)\s*$/.exec(scaleText);
    if (scaleText !== null && (scaleMatch === null || !(Number(scaleMatch[2]) > Number(scaleMatch[1])))) throw new InputError({ argument: '--scale' }, 'the answer scale as MIN-MAX with MAX above MIN, e.g. 1-10', scaleText);
    return {
      survey: requiredText(o, 'survey', 'a survey file'),
      model: requiredText(o, 'model', 'a survey model file'),
      scheme: choiceArg<InnerScheme>(o, 'scheme', INNER_SCHEMES, 'path'),
      scaled: booleanArg(o, 'scaled', true),
      missing: choiceArg<MissingTreatment>(o, 'missing', ['mean', 'casewise'], 'mean'),
      by,
      bootstrap: integerArg(o, 'bootstrap', { min: 0, max: 100_000 }, 0),
      seed: integerArg(o, 'seed', { min: 0, max: 2 ** 31 - 1 }, 1),
      compare: compare.length === 2 ? compare : null,
      permutations: integerArg(o, 'permutations', { min: 1, max: 100_000 }, 1000),
      ipma: ipma.length > 0 ? ipma : null,
      threads: o.threads === undefined ? null : integerArg(o, 'threads', { min: 1, max: 64 }),
      min_group: integerArg(o, 'min-group', { min: 1, max: 1_000_000 }, MIN_GROUP_RESPONDENTS),
      ...readParams(o),
      missing_codes: codes,
      scale: scaleMatch === null ? null : { min: Number(scaleMatch[1]), max: Number(scaleMatch[2]) },
      consistent: o.consistent === true,
    };
  },
  run: async (p, { progress, lang = 'en' }) => {
    const model = loadSurveyModel(p.model);
    const table = await loadTable(p.survey, 'survey', readOptionsOf(p));
    const analysis = await analyseSurvey(table, model, {
      scheme: p.scheme,
      scaled: p.scaled,
      missing: p.missing,
      by: p.by,
      bootstrap: p.bootstrap,
      seed: p.seed,
      compare: p.compare === null ? null : [p.compare[0], p.compare[1]],
      permutations: p.permutations,
      ipmaTargets: p.ipma,
      missingCodes: p.missing_codes,
      scale: p.scale,
      consistent: p.consistent,
      threads: p.threads ?? undefined,
      minGroup: p.min_group,
      progress,
    });
    return icsiOutput(analysis, [p.survey, p.model], lang);
  },
});

/** What `awb icsi` prints (in `lang`) and files for an analysis; its seed is recorded when the analysis resampled. */
export function icsiOutput(analysis: SurveyAnalysis, inputs: readonly string[], lang: Lang = 'en'): CommandOutput {
  const random = analysis.options.bootstrap > 0 || analysis.options.compare !== null;
  const tables = icsiTables(analysis);
  return {
    json: icsiJson(analysis),
    text: lang === 'zh' ? icsiTextZh(analysis, tables) : icsiText(analysis),
    inputs,
    tables,
    tableDeclarations: icsiTableDeclarations(analysis),
    charts: icsiCharts(analysis),
    ...(random ? { seeds: { icsi: analysis.options.seed } } : {}),
  };
}

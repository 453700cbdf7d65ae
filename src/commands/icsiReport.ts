import { InputError } from '../data/InputError';
import { composeIcsiReport } from '../report/icsiReport';
import { renderIcsiReport } from '../report/icsiReportFiling';
import { LANGS } from '../report/labels';
import { MIN_GROUP_RESPONDENTS } from '../satisfaction/surveyDataWarnings';
import { choiceArg, integerArg, optionalText, requiredText } from './args';
import { defineCommand } from './command';
import { readOptionsOf, readParams, tableReadingOptions } from './readOptions';

/** `awb icsi-report`: the customer satisfaction report analysts publish (S3 art. 22–23, 29), with evidence. */
export const icsiReportCommand = defineCommand({
  name: 'icsi-report',
  summary: 'The customer satisfaction report (S3 art. 22–23, 29): ICSI by company, region and stage, drivers, group differences, change since last wave; HTML, PDF and Excel with evidence',
  examples: [
    'awb icsi-report --survey data/sample/survey.csv --model data/sample/survey_model.json --previous data/sample/survey_2024.csv --year 2025 --out output/icsi-report-2025',
    'awb icsi-report --survey data/sample/survey.csv --model data/sample/survey_model.json --previous data/sample/survey_2024.csv --year 2025 --lang zh --out output/icsi-report-2025-zh',
  ],
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--survey <file>', 'survey table (CSV, XLSX or Parquet): respondent_id, company, region, stage, weight, one column per item')
      .requiredOption('--model <file>', 'survey model (JSON) with an answer scale')
      .option('--previous <file>', "last wave's survey on the same model: the change of every index, and MICOM steps 1–2")
      .option('--year <YYYY>', 'the year the survey reports on (titles and sentences)')
      .option('--previous-year <YYYY>', 'the year of --previous (default: --year minus 1)')
      .option('--company <name>', 'whose report it is, on the cover (default: the industry survey)')
      .option('--lang <en|zh>', 'language of the report: en or zh', 'en')
      .option('--bootstrap <n>', 'bootstrap resamples of the intervals (default 1000)')
      .option('--permutations <n>', 'permutations of the group-difference tests and MICOM (default 1000)')
      .option('--seed <s>', 'random seed of the bootstrap and the permutations (default 1)')
      .option('--min-group <n>', 'the fewest respondents a group is shown for (default 30)'),
  parse: (o) => {
    if (typeof o.out !== 'string' || o.out.trim() === '') {
      throw new InputError({ argument: '--out' }, 'a new folder for the report and its evidence bundle (the satisfaction report is always filed)');
    }
    const previous = optionalText(o, 'previous');
    const year = o.year === undefined ? null : integerArg(o, 'year', { min: 1990, max: 2200 });
    const previousYear = o.previousYear === undefined ? (previous !== null && year !== null ? year - 1 : null) : integerArg(o, 'previous-year', { min: 1990, max: 2200 });
    if (previousYear !== null && previous === null) throw new InputError({ argument: '--previous-year' }, 'a previous wave given with --previous');
    return {
      survey: requiredText(o, 'survey', 'a survey file'),
      model: requiredText(o, 'model', 'a survey model file'),
      previous,
      lang: choiceArg(o, 'lang', LANGS, 'en'),
      year,
      previous_year: previousYear,
      company: optionalText(o, 'company'),
      bootstrap: integerArg(o, 'bootstrap', { min: 100, max: 100_000 }, 1000),
      permutations: integerArg(o, 'permutations', { min: 100, max: 100_000 }, 1000),
      seed: integerArg(o, 'seed', { min: 0, max: 2 ** 31 - 2 }, 1),
      min_group: integerArg(o, 'min-group', { min: 1, max: 1_000_000 }, MIN_GROUP_RESPONDENTS),
      ...readParams(o),
    };
  },
  run: async (p, { progress }) => {
    const report = await composeIcsiReport({
      survey: p.survey,
      model: p.model,
      previous: p.previous,
      lang: p.lang,
      year: p.year,
      previousYear: p.previous_year,
      company: p.company,
      bootstrap: p.bootstrap,
      permutations: p.permutations,
      seed: p.seed,
      minGroup: p.min_group,
      read: readOptionsOf(p),
      progress,
    });
    return renderIcsiReport(report, progress);
  },
});

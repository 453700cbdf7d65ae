import { InputError } from '../data/InputError';
import { composeAnnualReport } from '../report/annualReport';
import { renderAnnualReport } from '../report/annualReportFiling';
import { LANGS } from '../report/labels';
import { choiceArg, integerArg, optionalText, requiredText } from './args';
import { defineCommand } from './command';
import { readOptionsOf, readParams, tableReadingOptions } from './readOptions';

/** `awb annual-report`: the annual report on internet life business (S1 §17, annex 2) and its evidence bundle. */
export const annualReportCommand = defineCommand({
  name: 'annual-report',
  summary: "The annual report on internet life business (S1 §17, annex 2): business by line, eligibility, the year's four backtests, the chief actuary's narrative; HTML and PDF with evidence",
  examples: [
    'awb annual-report --data data/sample --year 2025 --narrative narrative-2025.md --out output/annual-2025',
    'awb annual-report --data data/sample --year 2025 --narrative narrative-2025.md --lang zh --out output/annual-2025-zh',
  ],
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--data <dir>', 'the data folder (products, finance, policies, claims, assumptions, solvency; insured_persons, channels, outlets, product_events, reinsurance when present)')
      .requiredOption('--year <YYYY>', 'the year reported (data to its 31 December)')
      .option('--narrative <file>', "the chief actuary's Markdown for parts 四 (risks) and 五 (plans): two top-level headings")
      .option('--lang <en|zh>', 'language of the report: en or zh', 'en')
      .option('--rules <file>', 'a rulebook to use instead of the shipped one'),
  parse: (o) => {
    if (typeof o.out !== 'string' || o.out.trim() === '') {
      throw new InputError({ argument: '--out' }, 'a new folder for the report and its evidence bundle (the annual report is always filed)');
    }
    return {
      data: requiredText(o, 'data', 'a data folder'),
      year: integerArg(o, 'year', { min: 2021, max: 2200 }),
      narrative: optionalText(o, 'narrative'),
      lang: choiceArg(o, 'lang', LANGS, 'en'),
      rules: optionalText(o, 'rules'),
      ...readParams(o),
    };
  },
  run: async (p, { progress }) => {
    const report = await composeAnnualReport({ data: p.data, year: p.year, lang: p.lang, narrative: p.narrative, rules: p.rules, read: readOptionsOf(p), progress });
    return renderAnnualReport(report, progress);
  },
});

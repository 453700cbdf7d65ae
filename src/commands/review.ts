import { InputError } from '../data/InputError';
import { LANGS } from '../report/labels';
import { quarterlyReview } from '../report/quarterlyReview';
import { choiceArg, optionalText, quarterArg, requiredText } from './args';
import { defineCommand } from './command';
import { readParams, tableReadingOptions } from './readOptions';

/** `awb review`: the chief actuary's quarterly review (HTML and PDF) and its evidence bundle. */
export const reviewCommand = defineCommand({
  name: 'review',
  summary: "The chief actuary's quarterly review: backtests (S1 annex 2), loss-ratio rules, expense caps, eligibility, satisfaction, service standards; HTML and PDF with evidence",
  examples: [
    'awb review --data data/sample --quarter 2025Q4 --out output/review-2025Q4',
    "awb review --data data/sample --quarter 2025Q4 --company 'Sample Life' --signatory 'Li Ming' --out output/review-2025Q4",
    'awb review --data data/sample --quarter 2025Q4 --lang zh --out output/review-2025Q4-zh',
    'awb review --data data/sample --quarter 2025Q3 --rules my-rulebook.yaml --out output/review-2025Q3 --json',
  ],
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--data <dir>', 'the data folder (products, finance, policies, claims, assumptions, loadings, solvency, survey…)')
      .requiredOption('--quarter <YYYYQn>', 'the quarter reviewed (experience to its last day)')
      .option('--lang <en|zh>', 'language of the report: en or zh', 'en')
      .option('--rules <file>', 'a rulebook to use instead of the shipped one (passed to every section)')
      .option('--survey-model <file>', "the satisfaction survey's model (default: survey_model.json beside the survey)")
      .option('--calendar <file>', 'a working-day calendar for the service section instead of the shipped one')
      .option('--company <name>', 'the company named on the cover (default: the data folder)')
      .option('--signatory <name>', "the chief actuary's name in the cover's sign-off block (default: a blank line to sign)"),
  parse: (o) => {
    if (typeof o.out !== 'string' || o.out.trim() === '') {
      throw new InputError({ argument: '--out' }, 'a new folder for the report and its evidence bundle (the review is always filed)');
    }
    return {
      data: requiredText(o, 'data', 'a data folder'),
      quarter: quarterArg(o, 'quarter'),
      lang: choiceArg(o, 'lang', LANGS, 'en'),
      rules: optionalText(o, 'rules'),
      survey_model: optionalText(o, 'survey-model'),
      ...readParams(o),
      calendar: optionalText(o, 'calendar'),
      company: optionalText(o, 'company'),
      signatory: optionalText(o, 'signatory'),
    };
  },
  run: (p, context) => quarterlyReview(p, context),
});

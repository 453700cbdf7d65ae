import { checkProductCodes, loadDataFolder } from '../data/dataFolder';
import { findTableFile, type ReadOptions, requireTableFile } from '../data/readTable';
import type { TableName } from '../data/schema';
import { openFileSource } from '../engine/fileSource';
import type { Progress } from '../progress';
import { type Finding, sortFindings } from '../rules/finding';
import { loadRulebook, type Rulebook } from '../rules/rulebook';
import { type AnnualBacktestJudgement, judgePricing } from './annualJudgement';
import { type AnnualBusiness, annualBusiness } from './annualBusiness';
import { type QuarterBacktest, yearBacktests } from './annualBacktests';
import { type AnnualEligibility, annualEligibility } from './annualEligibility';
import type { Lang } from './labels';
import { type Narrative, readNarrative } from './narrative';

/** The optional tables of the annual report: what the annex asks that the required tables cannot give. */
export const ANNUAL_OPTIONAL_TABLES = ['insured_persons', 'channels', 'outlets', 'product_events', 'reinsurance'] as const satisfies readonly TableName[];
export type AnnualOptionalTable = (typeof ANNUAL_OPTIONAL_TABLES)[number];

/** What `awb annual-report` is asked for. */
export interface AnnualReportOptions {
  /** The data folder. */
  readonly data: string;
  /** The year reported (data to its 31 December). */
  readonly year: number;
  readonly lang: Lang;
  /** The chief actuary's Markdown for parts 四 and 五, or null (the parts then say it was not provided). */
  readonly narrative: string | null;
  /** A rulebook file, or null for the shipped one. */
  readonly rules: string | null;
  /** How the data folder's tables are read (encoding, header row). */
  readonly read?: ReadOptions;
  readonly progress?: Progress;
}

/** Everything the annual report on internet life business shows (S1 §17, annex 2), before it is rendered. */
export interface AnnualReport {
  readonly options: Omit<AnnualReportOptions, 'progress' | 'read'>;
  readonly rulebook: Rulebook;
  /** Part 一. */
  readonly business: AnnualBusiness;
  /** Part 二. */
  readonly eligibility: AnnualEligibility;
  /** Part 三 (二)–(五): the four quarterly backtests. */
  readonly backtests: readonly QuarterBacktest[];
  /** Part 三 (一): the year's backtesting and the judgement on pricing soundness. */
  readonly judgement: AnnualBacktestJudgement;
  /** Parts 四 and 五, or null when no narrative was given. */
  readonly narrative: Narrative | null;
  /** The optional tables the data folder lacks, named in the report where their figures would be. */
  readonly not_provided: readonly AnnualOptionalTable[];
  /** Every finding shown: eligibility, compliance and the four quarters' measures. */
  readonly findings: readonly Finding[];
  /** Every file read. */
  readonly inputs: readonly string[];
}

/**
 * Composes the annual report on internet life business for a year (S1 §17, annex 2) from the
 * library's studies, on the data as they stand: part 一 `annualBusiness`, part 二
 * `annualEligibility`, part 三 the four quarterly backtests a quarterly review runs
 * (`yearBacktests`) and their judgement (`judgePricing`), parts 四 and 五 the chief actuary's
 * narrative (`readNarrative`). Every table is read once. Optional tables the folder lacks are
 * listed in `not_provided`; their figures stay null.
 * @throws InputError for bad input in any table, the narrative or the rulebook.
 * @example (await composeAnnualReport({ data: 'data/sample', year: 2025, lang: 'en', narrative: null, rules: null })).backtests.length // 4
 */
export async function composeAnnualReport(o: AnnualReportOptions): Promise<AnnualReport> {
  const rulebook = loadRulebook(o.rules ?? undefined);
  const narrative = o.narrative === null ? null : readNarrative(o.narrative);
  const read = o.read ?? {};
  const folder = await loadDataFolder(o.data, ['products', 'finance', 'policies', 'solvency', 'assumptions'], ['loadings', 'claims', ...ANNUAL_OPTIONAL_TABLES], read);
  for (const name of ['insured_persons', 'reinsurance'] as const) {
    const table = folder[name];
    if (table) checkProductCodes(table, folder.products);
  }
  const business = annualBusiness(folder, o.year);
  const eligibility = annualEligibility(folder, o.year, rulebook);
  const claimsFile = findTableFile(o.data, 'claims');
  const experience = await openFileSource({ policies: requireTableFile(o.data, 'policies'), claims: claimsFile }, read);
  const backtests = await yearBacktests(folder, experience, o.year, { rulebook, progress: o.progress }).finally(() => experience.close());
  const judgement = judgePricing(backtests);
  const not_provided = ANNUAL_OPTIONAL_TABLES.filter((name) => folder[name] === undefined);
  const files = ['products', 'finance', 'policies', 'solvency', 'assumptions', 'loadings', 'claims', ...ANNUAL_OPTIONAL_TABLES].flatMap((name) => {
    const table = folder[name as keyof typeof folder];
    return table && typeof table === 'object' && 'file' in table ? [table.file] : [];
  });
  return {
    options: { data: o.data, year: o.year, lang: o.lang, narrative: o.narrative, rules: o.rules },
    rulebook,
    business,
    eligibility,
    backtests,
    judgement,
    narrative,
    not_provided,
    findings: sortFindings([...eligibility.findings, ...eligibility.compliance, ...backtests.flatMap((q) => q.measures)]),
    inputs: [...new Set([...files, ...(narrative ? [narrative.file] : [])])].sort(),
  };
}

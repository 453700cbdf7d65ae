import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AssumptionRates } from '../../src/backtest/assumptionRates';
import { openFileSource, type FileSourceOptions } from '../../src/engine/fileSource';
import { prepareStudies, type ExperienceStudyOptions, type StudyRequest } from '../../src/exposure/experienceStudy';
import type { ExposureStudy } from '../../src/exposure/exposureCell';
import { REFERENCE_DATA } from '../fixtures/reference';

/** Writes text to a new temporary file and returns its path. */
export function tempFile(name: string, text: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'awb-study-')), name);
  writeFileSync(path, text);
  return path;
}

/** Options of one study through the SQL engine: the run's and the study's. */
export type StudyOptions = ExperienceStudyOptions & StudyRequest & { readonly claimsFile?: string; readonly read?: FileSourceOptions };

/**
 * One experience study of a policies file (or CSV text) through the SQL engine on DuckDB, as the
 * backtest runs it: a file source, a prepared run, one study.
 * @example await study('policy_id,product_code,issue_date\nP,X,2020-01-01\n', { basis: 'policy-year', asOf, decrements: [] })
 */
export async function study(policies: string, options: StudyOptions): Promise<ExposureStudy> {
  const path = policies.includes('\n') ? tempFile('policies.csv', policies) : policies;
  const source = await openFileSource({ policies: path, claims: options.claimsFile }, options.read);
  try {
    const rates: AssumptionRates[] = options.rates ? [options.rates] : [];
    const run = await prepareStudies(source, { ...options, rates });
    return await run.study(options);
  } finally {
    await source.close();
  }
}

const STATUS: Record<string, string> = { Active: '', Death: 'death', Surrender: 'surrender' };

/**
 * An actxps census file (census_dat.csv, toy_census.csv) as a policies CSV: pol_num → policy_id,
 * status → exit_reason, term_date → exit_date, age → age_at_issue, product → product_code
 * (toy_census has none: one product "toy"); every other column stays an attribute. Rows can be
 * reordered or filtered with `order`. @returns the CSV text.
 */
export function censusCsv(file: string, order?: (rows: string[][]) => string[][]): string {
  const lines = readFileSync(resolve(REFERENCE_DATA, file), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
  const [header, ...body] = lines;
  const rows = order ? order(body) : body;
  const rename: Record<string, string> = { pol_num: 'policy_id', status: 'exit_reason', term_date: 'exit_date', age: 'age_at_issue', product: 'product_code' };
  const hasProduct = header.includes('product');
  const outHeader = [...header.map((h) => rename[h] ?? h), ...(hasProduct ? [] : ['product_code'])];
  const statusAt = header.indexOf('status');
  const outRows = rows.map((r) => [...r.map((cell, c) => (c === statusAt ? STATUS[cell] : cell)), ...(hasProduct ? [] : ['toy'])]);
  return [outHeader, ...outRows].map((r) => r.join(',')).join('\n') + '\n';
}

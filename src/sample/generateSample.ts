import { toCsv } from '../evidence/csv';
import type { Progress } from '../progress';
import { channelRows, insuredPersonRows, outletRows, productEventRows, reinsuranceRows } from './annualTables';
import { applicationRows, simulateSales } from './applications';
import { assumptionRows } from './assumptions';
import { claimRows, simulateClaims } from './claims';
import { financeRows } from './finance';
import { loadingRows, loadingSchedules } from './loadings';
import { policyRows, simulateBook } from './policies';
import { productRows } from './products';
import { RandomSource } from './random';
import { serviceEventRows } from './serviceEvents';
import { serviceInnovationRows } from './serviceInnovations';
import { recordingRows } from './recordings';
import { salesStaffRows } from './salesStaff';
import { solvencyRows } from './solvency';
import { PREVIOUS_SURVEY_WAVE, surveyModel, surveyRows } from './survey';
import { triangleRows } from './triangle';

/** What to generate: the seed of every random stream and the number of policies. */
export interface SampleOptions {
  readonly seed: number;
  readonly policies: number;
}

/** A generated data folder: file name → UTF-8 text, in a fixed order, and the row count of each table. */
export interface SampleFolder {
  readonly files: ReadonlyMap<string, string>;
  readonly rows: Readonly<Record<string, number>>;
}

/**
 * Generates the sample company's complete data folder in memory: every input table of DOMAIN.md
 * as CSV with canonical headers, plus the survey's model file. Deterministic: the same options
 * give the same bytes (each table draws from its own seeded stream).
 *
 * @example generateSample({ seed: 20251231, policies: 200_000 }, SILENT_PROGRESS).files.get('products.csv')
 */
export function generateSample(options: SampleOptions, progress: Progress): SampleFolder {
  const schedules = loadingSchedules();
  const book = simulateBook(new RandomSource(options.seed, 'policies'), options.policies, progress);
  const claims = simulateClaims(new RandomSource(options.seed, 'claims'), book.policies, book.events);
  const staff = salesStaffRows(new RandomSource(options.seed, 'sales_staff'));
  const sales = simulateSales(new RandomSource(options.seed, 'applications'), book.policies);
  const tables = {
    products: productRows(schedules),
    loadings: loadingRows(schedules),
    policies: policyRows(book.policies),
    claims: claimRows(claims),
    finance: financeRows(book.policies, claims, schedules, new RandomSource(options.seed, 'finance')),
    assumptions: assumptionRows(),
    solvency: solvencyRows(),
    triangle: triangleRows(claims),
    survey: surveyRows(new RandomSource(options.seed, 'survey')),
    survey_2024: surveyRows(new RandomSource(options.seed, 'survey_2024'), PREVIOUS_SURVEY_WAVE),
    service_events: serviceEventRows(new RandomSource(options.seed, 'service'), book.policies),
    service_innovations: serviceInnovationRows(),
    sales_staff_registry: staff.registry,
    sales_staff_statistics: staff.statistics,
    sales_staff_hr: staff.hr,
    sales_staff_disclosure: staff.disclosure,
    applications: applicationRows(sales),
    recordings: recordingRows(new RandomSource(options.seed, 'recordings'), sales),
    insured_persons: insuredPersonRows(book.policies),
    channels: channelRows(),
    outlets: outletRows(),
    product_events: productEventRows(),
    reinsurance: reinsuranceRows(),
  };
  const files = new Map<string, string>();
  const rows: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    files.set(`${name}.csv`, toCsv(table));
    rows[name] = table.length;
  }
  files.set('survey_model.json', JSON.stringify(surveyModel(), null, 2) + '\n');
  return { files, rows };
}

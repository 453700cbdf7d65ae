import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTable } from '../../src/data/parseTable';
import { policyColumnsFromTable, type PolicyColumns } from '../../src/data/policyColumns';
import type { PolicyRow } from '../../src/data/rows';
import { REFERENCE_DATA } from '../fixtures/reference';

export { REFERENCE_DATA } from '../fixtures/reference';

const STATUS: Record<string, string> = { Active: '', Death: 'death', Surrender: 'surrender' };

/**
 * Reads an actxps census file (census_dat.csv, toy_census.csv) as a policies table: pol_num →
 * policy_id, status → exit_reason, term_date → exit_date, age → age_at_issue, product →
 * product_code (toy_census has none: one product "toy"); every other column stays an attribute.
 * Rows can be reordered with `order` to check that results do not depend on row order.
 */
export function censusPolicies(file: string, order?: (rows: string[][]) => string[][]): PolicyColumns {
  const lines = readFileSync(resolve(REFERENCE_DATA, file), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
  const [header, ...body] = lines;
  const rows = order ? order(body) : body;
  const rename: Record<string, string> = { pol_num: 'policy_id', status: 'exit_reason', term_date: 'exit_date', age: 'age_at_issue', product: 'product_code' };
  const hasProduct = header.includes('product');
  const outHeader = [...header.map((h) => rename[h] ?? h), ...(hasProduct ? [] : ['product_code'])];
  const statusAt = header.indexOf('status');
  const outRows = rows.map((r) => [...r.map((cell, c) => (c === statusAt ? STATUS[cell] : cell)), ...(hasProduct ? [] : ['toy'])]);
  const table = parseTable<PolicyRow>('policies', { file, header: outHeader, rows: outRows });
  return policyColumnsFromTable(table);
}

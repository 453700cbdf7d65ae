import { policySales, type PolicySale } from '../../src/conduct/policySales';
import { parseTable, type Table } from '../../src/data/parseTable';
import type { ApplicationRow, PolicyRow, ProductRow, RecordingRow } from '../../src/data/rows';
import type { TableName } from '../../src/data/schema';

/** A typed table from header and records, through the same parser as a file. */
export function table<R extends PolicyRow | ProductRow | RecordingRow | ApplicationRow>(name: TableName, records: readonly Record<string, string | number>[]): Table<R> {
  const header = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return parseTable<R>(name, { file: `${name}.csv`, header, rows: records.map((r) => header.map((h) => (r[h] === undefined ? '' : String(r[h])))) }, {});
}

/** The products of the tests: a whole-life product (individual, long-term), a short-term one, a group one and one whose business is not given. */
export const PRODUCTS = table<ProductRow>('products', [
  { product_code: 'WL', line: 'whole_life', business: 'individual', term_months: 1200 },
  { product_code: 'ST', line: 'accident', business: 'individual', term_months: 12 },
  { product_code: 'GR', line: 'annuity', business: 'group', term_months: 240 },
  { product_code: 'UN', line: 'annuity', business: '', term_months: 240 },
]);

/** A policy of WL applied for on 2025-11-03 and issued on 2025-11-10, by agency in 上海分公司, policyholder 45; fields overridden by `more`. */
export function policy(id: string, more: Record<string, string | number> = {}): Record<string, string | number> {
  return { policy_id: id, product_code: 'WL', issue_date: '2025-11-10', channel: 'agency', region: '华东', application_date: '2025-11-03', policyholder_age: 45, channel_type: '', branch: '上海分公司', ...more };
}

/** The sales of a list of policies. */
export function sales(policies: readonly Record<string, string | number>[]): PolicySale[] {
  return policySales(table<PolicyRow>('policies', policies), PRODUCTS);
}

/** A recording of a policy, started at the given time, 20 minutes long, passed at both reviews unless overridden. */
export function recording(id: string, policyId: string, startedAt: string, more: Record<string, string | number> = {}): Record<string, string | number> {
  return { recording_id: id, policy_id: policyId, started_at: startedAt, duration_seconds: 1200, first_review: 'pass', final_review: 'pass', ...more };
}

export function recordings(rows: readonly Record<string, string | number>[]): Table<RecordingRow> {
  return rows.length > 0 ? table<RecordingRow>('recordings', rows) : parseTable<RecordingRow>('recordings', { file: 'recordings.csv', header: ['recording_id', 'policy_id', 'started_at'], rows: [] }, { allowEmpty: true });
}

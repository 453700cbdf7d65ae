import type { TableRow } from '../evidence/csv';
import type { Finding, FindingValue } from './finding';

/**
 * The values a rule recorded, as table columns of their own: `value_<name>` (no JSON inside a cell).
 * @example valueColumns({ rate: 0.27, cap: 0.25 }) // { value_rate: 0.27, value_cap: 0.25 }
 */
export function valueColumns(values: Readonly<Record<string, FindingValue>>): Record<string, FindingValue> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`value_${name}`, value]));
}

/**
 * Findings as flat table rows for CSV and the workbook: the fixed fields, then each value that
 * triggered the finding in its own column `value_<name>` (no JSON inside a cell), in the order the
 * values first appear; a finding without a value has an empty cell there.
 * @example findingRows([finding])[0].value_rate // 0.27
 */
export function findingRows(findings: readonly Finding[]): TableRow[] {
  const names = [...new Set(findings.flatMap((f) => Object.keys(f.values)))];
  return findings.map((f) => ({
    rule_id: f.rule_id,
    severity: f.severity,
    product_code: f.product_code ?? null,
    period: f.period ?? null,
    message: f.message,
    message_zh: f.message_zh ?? null,
    citation: f.citation,
    ...Object.fromEntries(names.map((name) => [`value_${name}`, f.values[name] ?? null])),
  }));
}

import type { TableRow } from '../evidence/csv';
import type { Finding } from './finding';

/**
 * Findings as flat table rows for CSV: the values become one JSON text column, so the CSV and
 * JSON tables agree cell for cell.
 * @example findingRows([finding])[0].values // '{"rate":0.27,"cap":0.25}'
 */
export function findingRows(findings: readonly Finding[]): TableRow[] {
  return findings.map((f) => ({
    rule_id: f.rule_id,
    severity: f.severity,
    product_code: f.product_code ?? null,
    period: f.period ?? null,
    message: f.message,
    message_zh: f.message_zh ?? null,
    citation: f.citation,
    values: JSON.stringify(f.values),
  }));
}

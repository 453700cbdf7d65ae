import { parseCsvText } from '../../src/data/readCsv';
import { parseTable } from '../../src/data/parseTable';
import type { AssumptionRow } from '../../src/data/rows';

/** Assumption rows from CSV text. */
export function assumptionRows(csv: string, file = 'assumptions.csv'): AssumptionRow[] {
  return [...parseTable<AssumptionRow>('assumptions', parseCsvText(file, csv)).rows];
}

import { parseCsvText } from '../../src/data/readCsv';
import { parseTable } from '../../src/data/parseTable';
import { policyColumnsFromTable, type PolicyColumns } from '../../src/data/policyColumns';
import type { AssumptionRow, PolicyRow } from '../../src/data/rows';

/** A small policy book from CSV text, through the same parsing as policies.csv. */
export function book(csv: string, file = 'policies.csv'): PolicyColumns {
  return policyColumnsFromTable(parseTable<PolicyRow>('policies', parseCsvText(file, csv)));
}

/** Assumption rows from CSV text. */
export function assumptionRows(csv: string, file = 'assumptions.csv'): AssumptionRow[] {
  return [...parseTable<AssumptionRow>('assumptions', parseCsvText(file, csv)).rows];
}

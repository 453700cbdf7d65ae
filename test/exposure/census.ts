import { parseCsvText } from '../../src/data/readCsv';
import { parseTable } from '../../src/data/parseTable';
import type { PolicyRow } from '../../src/data/rows';
import { policyColumnsFromTable, type PolicyColumns } from './oracle/policyColumns';
import { censusCsv } from './study';

/** An actxps census file as the oracle's policy columns (see `censusCsv`). */
export function censusPolicies(file: string, order?: (rows: string[][]) => string[][]): PolicyColumns {
  return policyColumnsFromTable(parseTable<PolicyRow>('policies', parseCsvText(file, censusCsv(file, order))));
}

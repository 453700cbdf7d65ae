import { type DataFolder, loadDataFolder } from '../data/dataFolder';
import type { ReadOptions } from '../data/readTable';
import type { Table } from '../data/parseTable';
import type { SalesStaffRow } from '../data/rows';
import type { TableName } from '../data/schema';

/**
 * The systems that record the sales staff (S5): the intermediary registration system
 * (中介系统执业登记), the statistics system (统信系统), the company's HR system (人员管理系统) and
 * its public disclosure (对外公开披露). The notice compares the first two; the company must keep
 * all four consistent.
 */
export const STAFF_SOURCES = ['registry', 'statistics', 'hr', 'disclosure'] as const;
export type StaffSource = (typeof STAFF_SOURCES)[number];

/** The table (and file name) of each source in a data folder: `sales_staff_registry.csv`, … */
export const SOURCE_TABLE: Readonly<Record<StaffSource, TableName>> = {
  registry: 'sales_staff_registry',
  statistics: 'sales_staff_statistics',
  hr: 'sales_staff_hr',
  disclosure: 'sales_staff_disclosure',
};

/** The sources' names in messages and reports. */
export const SOURCE_EN: Readonly<Record<StaffSource, string>> = {
  registry: 'registration system',
  statistics: 'statistics system',
  hr: 'HR system',
  disclosure: 'public disclosure',
};

/** The sources' Chinese names, for messages and reports. */
export const SOURCE_ZH: Readonly<Record<StaffSource, string>> = {
  registry: '中介系统执业登记',
  statistics: '统信系统',
  hr: '人员管理系统',
  disclosure: '对外公开披露',
};

/** The sales-staff tables of a data folder: the registry and statistics tables, HR and disclosure when present. */
export type StaffTables = { readonly registry: Table<SalesStaffRow>; readonly statistics: Table<SalesStaffRow> } & {
  readonly hr?: Table<SalesStaffRow>;
  readonly disclosure?: Table<SalesStaffRow>;
};

/**
 * Reads the sales-staff tables of a data folder: `sales_staff_registry` and
 * `sales_staff_statistics` (required), `sales_staff_hr` and `sales_staff_disclosure` when present,
 * each as CSV, TSV, XLSX or Parquet.
 * @returns the tables, and the files read
 * @throws InputError for a missing required table or any bad cell.
 * @example const { tables } = await loadStaffTables('data/sample');
 */
export async function loadStaffTables(dir: string, read: ReadOptions = {}): Promise<{ readonly tables: StaffTables; readonly inputs: readonly string[] }> {
  return staffTables(await loadDataFolder(dir, STAFF_TABLES.required, STAFF_TABLES.optional, read));
}

/** The sales-staff tables a reconciliation reads: required, then optional. */
export const STAFF_TABLES = { required: ['sales_staff_registry', 'sales_staff_statistics'], optional: ['sales_staff_hr', 'sales_staff_disclosure'] } as const;

/** A data folder's loaded sales-staff tables by source, and the files read, as `loadStaffTables` gives them. */
export function staffTables(folder: DataFolder<(typeof STAFF_TABLES.required)[number], (typeof STAFF_TABLES.optional)[number]>): { readonly tables: StaffTables; readonly inputs: readonly string[] } {
  const tables: StaffTables = {
    registry: folder.sales_staff_registry,
    statistics: folder.sales_staff_statistics,
    ...(folder.sales_staff_hr ? { hr: folder.sales_staff_hr } : {}),
    ...(folder.sales_staff_disclosure ? { disclosure: folder.sales_staff_disclosure } : {}),
  };
  return { tables, inputs: STAFF_SOURCES.flatMap((s) => (tables[s] ? [tables[s]!.file] : [])) };
}

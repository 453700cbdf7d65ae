import { idCardCheckDigit } from '../../src/conduct/idCardNumber';
import type { StaffTables } from '../../src/conduct/staffSources';
import { parseTable, type Table } from '../../src/data/parseTable';
import type { SalesStaffRow } from '../../src/data/rows';
import type { TableName } from '../../src/data/schema';

/** Every column of a sales-staff table, in the order the test tables write them. */
export const STAFF_COLUMNS = ['staff_id', 'name', 'id_number', 'certificate_no', 'branch', 'channel', 'status', 'hire_date', 'leave_date', 'education', 'contract_type'] as const;

export type StaffCells = Partial<Record<(typeof STAFF_COLUMNS)[number], string>>;

/**
 * The n-th made-up citizen ID number (n < 1000): region 990000 (no real region), born 1980-01-01,
 * sequence n, with its check character, so tests can write valid numbers.
 */
export function testId(n: number): string {
  const first17 = `99000019800101${String(n).padStart(3, '0')}`;
  return first17 + idCardCheckDigit(first17);
}

/** A filled-in staff record for person n of a branch: every element present, active since 2020. */
export function person(n: number, branch: string, more: StaffCells = {}): StaffCells {
  return {
    staff_id: testId(n),
    name: `测试员${String.fromCharCode(0x4e00 + n)}`,
    id_number: testId(n),
    certificate_no: `TC${String(n).padStart(8, '0')}`,
    branch,
    channel: 'agency',
    status: 'active',
    hire_date: '2020-01-01',
    education: '本科',
    contract_type: '代理制',
    ...more,
  };
}

/** A typed sales-staff table of the given records, through the same parser as a file. */
export function staffTable(name: TableName, records: readonly StaffCells[], columns: readonly string[] = STAFF_COLUMNS): Table<SalesStaffRow> {
  return parseTable<SalesStaffRow>(name, { file: `${name}.csv`, header: [...columns], rows: records.map((r) => columns.map((c) => (r as Record<string, string | undefined>)[c] ?? '')) }, {});
}

/** The registry and statistics tables of two lists of records. */
export function staffTables(registry: readonly StaffCells[], statistics: readonly StaffCells[]): StaffTables {
  return { registry: staffTable('sales_staff_registry', registry), statistics: staffTable('sales_staff_statistics', statistics) };
}

/** n records of a branch, numbered from `from`. */
export function people(from: number, n: number, branch: string, more: StaffCells = {}): StaffCells[] {
  return Array.from({ length: n }, (_, i) => person(from + i, branch, more));
}

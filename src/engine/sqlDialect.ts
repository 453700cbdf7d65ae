import type { Dialect } from './sqlEngine';

/**
 * The few SQL spellings that differ between DuckDB and ClickHouse 18.16, for the compiled
 * experience study. Day numbers (days since 1970-01-01, any sign) are plain integers in both, and
 * calendar fields come from Hinnant's civil-from-days algorithm in integer arithmetic, so the two
 * engines compute the same periods and policy years as `src/exposure/civilDays.ts`.
 */
export interface SqlDialect {
  readonly name: Dialect;
  /** Floor division of non-negative integers. */
  div(a: string, b: string): string;
  /** A 64-bit integer. */
  int(x: string): string;
  /** The first non-NULL of two values. */
  ifNull(x: string, otherwise: string): string;
  /** Text without white space at either end (ClickHouse 18.16 has no trim). */
  trim(x: string): string;
  /** A string literal. */
  string(text: string): string;
  /** Count of rows. */
  readonly count: string;
  /** A NULL number that a table column can hold (ClickHouse needs its type). */
  readonly nullNumber: string;
  /** Year, month and day of a day-number column. */
  civil(name: string): CivilSql;
  /**
   * The calendar period of a day-number column as a whole number counted from 1970: years
   * (year − 1970), quarters ((year − 1970) × 4 + quarter − 1) or months ((year − 1970) × 12 +
   * month − 1); `periodIndexOfLabel` gives the same numbers for labels.
   */
  periodIndex(grain: 'year' | 'quarter' | 'month', name: string): string;
}

const DUCKDB: SqlDialect = {
  name: 'duckdb',
  div: (a, b) => `((${a}) // (${b}))`,
  int: (x) => `CAST(${x} AS BIGINT)`,
  ifNull: (x, otherwise) => `coalesce(${x}, ${otherwise})`,
  trim: (x) => `trim(${x})`,
  string: (text) => `'${text.replace(/'/g, "''")}'`,
  count: 'count(*)',
  nullNumber: 'CAST(NULL AS DOUBLE)',
  // DuckDB's own date functions (several times faster than the arithmetic on ten million rows).
  civil: (name) => {
    const date = `(DATE '1970-01-01' + CAST(${name} AS INTEGER))`;
    return { year: `year(${date})`, month: `month(${date})`, day: `day(${date})` };
  },
  periodIndex: (grain, name) => `datediff('${grain}', DATE '1970-01-01', DATE '1970-01-01' + CAST(${name} AS INTEGER))`,
};

const CLICKHOUSE: SqlDialect = {
  name: 'clickhouse',
  div: (a, b) => `intDiv(${a}, ${b})`,
  int: (x) => `toInt64(${x})`,
  ifNull: (x, otherwise) => `ifNull(${x}, ${otherwise})`,
  trim: (x) => `replaceRegexpAll(${x}, '^\\s+|\\s+$', '')`,
  string: (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  count: 'count()',
  nullNumber: 'CAST(NULL AS Nullable(Float64))',
  civil: (name) => hinnantCivil(CLICKHOUSE, name),
  periodIndex: (grain, name) => {
    const c = hinnantCivil(CLICKHOUSE, name);
    if (grain === 'year') return `(${c.year} - 1970)`;
    return grain === 'quarter' ? `((${c.year} - 1970) * 4 + intDiv(${c.month} - 1, 3))` : `((${c.year} - 1970) * 12 + ${c.month} - 1)`;
  },
};

/**
 * The period index of a calendar period's label (`2024`, `2024Q3`, `2024-07`), as
 * SqlDialect.periodIndex numbers periods.
 * @example periodIndexOfLabel('1970Q2') // 1
 */
export function periodIndexOfLabel(label: string): number {
  const year = Number(label.slice(0, 4)) - 1970;
  if (label.length === 4) return year;
  if (label[4] === 'Q') return year * 4 + Number(label.slice(5)) - 1;
  return year * 12 + Number(label.slice(5)) - 1;
}

/** The dialect of an engine. */
export function sqlDialect(name: Dialect): SqlDialect {
  return name === 'duckdb' ? DUCKDB : CLICKHOUSE;
}

/** Year, month and day of a day number, as SQL expressions (Hinnant's civil_from_days, for days after 0000-03-01). */
export interface CivilSql {
  readonly year: string;
  readonly month: string;
  readonly day: string;
}

/**
 * SQL for the calendar fields of a day-number column (days since 1970-01-01) in integer
 * arithmetic (Hinnant's civil_from_days), for engines whose date type cannot hold every day
 * (ClickHouse 18.16's Date starts in 1970).
 * @example hinnantCivil(dialect, 'issue_date').year
 */
function hinnantCivil(d: SqlDialect, name: string): CivilSql {
  const z = `(${name} + 719468)`;
  const era = d.div(z, '146097');
  const doe = `(${z} - ${era} * 146097)`;
  const yoe = d.div(`${doe} - ${d.div(doe, '1460')} + ${d.div(doe, '36524')} - ${d.div(doe, '146096')}`, '365');
  const doy = `(${doe} - (365 * ${yoe} + ${d.div(yoe, '4')} - ${d.div(yoe, '100')}))`;
  const mp = d.div(`5 * ${doy} + 2`, '153');
  const day = `(${doy} - ${d.div(`153 * ${mp} + 2`, '5')} + 1)`;
  const month = `(CASE WHEN ${mp} < 10 THEN ${mp} + 3 ELSE ${mp} - 9 END)`;
  const year = `(${yoe} + ${era} * 400 + (CASE WHEN ${mp} >= 10 THEN 1 ELSE 0 END))`;
  return { year, month, day };
}

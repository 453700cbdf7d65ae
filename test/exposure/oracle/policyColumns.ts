import { NO_DAY } from '../../../src/data/dates';
import type { Table } from '../../../src/data/parseTable';
import type { PolicyRow } from '../../../src/data/rows';
import { EXIT_REASONS, type ExitReason } from '../../../src/data/schema';

/** A dictionary-coded text column: `levels[codes[i]]`, code −1 for a missing value. */
export interface CategoricalColumn {
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

/**
 * Declared text columns of policies that are kept as grouping dimensions (like attributes) when
 * the file has them: the sales columns of S4 (channel type, branch).
 */
export const OPTIONAL_CATEGORIES = ['channel_type', 'branch'] as const;

/** Exit reasons in code order (code i is EXIT_REASON_LEVELS[i]; −1 is in force). */
export const EXIT_REASON_LEVELS = Object.keys(EXIT_REASONS) as readonly ExitReason[];

/**
 * The policies table in columnar form, the shape the exposure engine runs on: typed arrays
 * keep ten million policies in a few hundred megabytes and let the hot loops avoid objects.
 */
export interface PolicyColumns {
  readonly file: string;
  readonly length: number;
  /** Policy numbers, when they were loaded (needed to join claims and to name policies in errors). */
  readonly policy_id?: readonly string[];
  readonly product_code: CategoricalColumn;
  /** Issue dates as day numbers. */
  readonly issue_date: Int32Array;
  /** Exit dates as day numbers; NO_DAY while in force. */
  readonly exit_date: Int32Array;
  /** Codes into EXIT_REASON_LEVELS; −1 while in force. */
  readonly exit_reason: Int8Array;
  /** Premium in cents; NaN when missing. */
  readonly premium: Float64Array;
  /** Sum assured in cents; NaN when missing. */
  readonly sum_assured: Float64Array;
  /** Age at issue; NaN when missing. */
  readonly age_at_issue: Float64Array;
  /** gender, channel, region and every attribute column, dictionary-coded. */
  readonly attributes: ReadonlyMap<string, CategoricalColumn>;
  /** Spreadsheet row of each policy in its source file, for error messages. */
  readonly source_row?: Int32Array;
  /** The header as written for each canonical column present (for error messages). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Incrementally dictionary-codes text values (levels in order of first appearance). */
export class CategoricalBuilder {
  private readonly index = new Map<string, number>();
  private readonly levels: string[] = [];
  readonly codes: Int32Array;

  constructor(length: number) {
    this.codes = new Int32Array(length);
  }

  /** Sets row i to a value (null or '' for missing). */
  set(i: number, value: string | null): void {
    if (value === null || value === '') {
      this.codes[i] = -1;
      return;
    }
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.levels.length;
      this.index.set(value, code);
      this.levels.push(value);
    }
    this.codes[i] = code;
  }

  build(): CategoricalColumn {
    return { codes: this.codes, levels: this.levels };
  }
}

/**
 * Converts a typed policies table (the row path used for CSV and XLSX) to columns.
 * Attribute columns keep their header as written.
 */
export function policyColumnsFromTable(table: Table<PolicyRow>): PolicyColumns {
  const rows = table.rows;
  const n = rows.length;
  const product = new CategoricalBuilder(n);
  const issue = new Int32Array(n);
  const exit = new Int32Array(n);
  const reason = new Int8Array(n);
  const premium = new Float64Array(n);
  const sumAssured = new Float64Array(n);
  const age = new Float64Array(n);
  const sourceRow = new Int32Array(n);
  const optional = OPTIONAL_CATEGORIES.filter((name) => table.columns.includes(name));
  const attributeNames = ['gender', 'channel', 'region', ...optional, ...table.attributeColumns];
  const builders = attributeNames.map(() => new CategoricalBuilder(n));
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    product.set(i, r.product_code);
    issue[i] = r.issue_date;
    exit[i] = r.exit_date ?? NO_DAY;
    reason[i] = r.exit_reason === null ? -1 : EXIT_REASON_LEVELS.indexOf(r.exit_reason);
    premium[i] = r.premium ?? NaN;
    sumAssured[i] = r.sum_assured ?? NaN;
    age[i] = r.age_at_issue ?? NaN;
    sourceRow[i] = r.source_row;
    builders[0].set(i, r.gender);
    builders[1].set(i, r.channel);
    builders[2].set(i, r.region);
    for (let a = 3; a < 3 + optional.length; a++) builders[a].set(i, r[optional[a - 3]]);
    for (let a = 3 + optional.length; a < attributeNames.length; a++) builders[a].set(i, r.attributes[attributeNames[a]] ?? null);
  }
  const attributes = new Map<string, CategoricalColumn>();
  attributeNames.forEach((name, a) => attributes.set(name, builders[a].build()));
  return {
    file: table.file,
    length: n,
    policy_id: rows.map((r) => r.policy_id),
    product_code: product.build(),
    issue_date: issue,
    exit_date: exit,
    exit_reason: reason,
    premium,
    sum_assured: sumAssured,
    age_at_issue: age,
    attributes,
    source_row: sourceRow,
    headers: table.headers,
  };
}

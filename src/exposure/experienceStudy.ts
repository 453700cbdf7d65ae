import { formatDay } from '../data/dates';
import { InputError, type InputLocation } from '../data/InputError';
import { isPersonalHeader } from '../data/personalHeaders';
import { CellParseFailure, cellParser } from '../data/parseCell';
import type { RowBase } from '../data/parseTable';
import { type ExitReason, TABLES } from '../data/schema';
import type { AssumptionRates, KeyValues } from '../backtest/assumptionRates';
import { UnmatchedAssumption } from '../backtest/assumptionRates';
import { periodIndexOfLabel, sqlDialect, type SqlDialect } from '../engine/sqlDialect';
import { exactNumber, type SqlEngine, type SqlValue } from '../engine/sqlEngine';
import { flagBitsSql, groupableColumns, type StudyTable, type StudyTableName } from '../engine/studyTable';
import { SILENT_PROGRESS, type Progress } from '../progress';
import { calendarGrid, type CalendarGrid } from './calendarGrid';
import { anniversaryDay, dayToCivil } from './civilDays';
import { ageBandLabel, DERIVED_DIMENSIONS, type ExposureCell, type ExposureStudy, sortCells } from './exposureCell';
import { calendarGrainOf, expectedPerExposure, type StudyBasis } from './studyBasis';

/**
 * How the engine finds the first bad row of a table in file order when its SQL found a problem:
 * for files, the row path's own reading (`scanTable`), so the message is the row path's.
 */
export interface StudyDiagnosis {
  /**
   * Reads the table in file order and throws the first problem: a cell or row the row path
   * refuses, a repeated key among `duplicateKeys`, or what `check` returns for a typed row.
   * Resolves when the table has none.
   */
  firstProblem(table: StudyTableName, options: { readonly duplicateKeys?: ReadonlySet<string>; readonly check?: (row: RowBase) => InputError | null }): Promise<void>;
  /** Where the first row satisfying `predicate` is (file and row), or null. */
  firstRow(table: StudyTableName, predicate: (row: RowBase) => boolean): Promise<InputLocation | null>;
}

/** The data an experience study runs on: tables on an engine, and how to diagnose them. */
export interface StudySource {
  readonly engine: SqlEngine;
  readonly policies: StudyTable;
  /** The claims table, for incidence studies. */
  readonly claims?: StudyTable;
  readonly diagnosis: StudyDiagnosis;
}

/** What the studies of one run share: the window, the grouping and the products. */
export interface ExperienceStudyOptions {
  readonly basis: StudyBasis;
  /** Study end date (inclusive), a day number. */
  readonly asOf: number;
  /**
   * Study start date (inclusive). Calendar bases count days from it; the policy-year basis keeps
   * the policy years that start on or after it (the convention of actxps' `expose()`). Default:
   * the earliest issue date.
   */
  readonly from?: number;
  /** Grouping columns besides the product: attribute columns, `policy_year`, `attained_age`, `age_at_issue`. */
  readonly by?: readonly string[];
  /** Width of the attained-age and issue-age bands in years (default 5; 1 gives single ages). */
  readonly ageBandWidth?: number;
  /** Product codes studied; all when absent. */
  readonly products?: ReadonlySet<string>;
  /** The products table's codes: a policy or claim naming another product is bad input. */
  readonly knownProducts?: ReadonlySet<string>;
  /** The products table's file, named in that error. */
  readonly productsFile?: string;
  /** Assumption rates of every study that will run (their key columns are read in the one scan). */
  readonly rates?: readonly AssumptionRates[];
  readonly progress?: Progress;
}

/** One study of a prepared run: decrement counts, or claim counts and amounts (incidence). */
export interface StudyRequest {
  /** Exit reasons counted (and, on the policy-year basis, exposed for the whole year of exit). */
  readonly decrements?: readonly ExitReason[];
  /** Count the claims table's claims instead of exits. */
  readonly claims?: boolean;
  /** Expected counts from these rates; none when absent. */
  readonly rates?: AssumptionRates;
  /** Products of this study (a subset of the run's); the run's when absent. */
  readonly products?: ReadonlySet<string>;
}

/** A run prepared on an engine: the policies read, validated and grouped once, ready for any number of studies. */
export interface PreparedStudies {
  /** The study window's start as used (the earliest issue date when not given). */
  readonly from: number;
  study(request: StudyRequest): Promise<ExposureStudy>;
}

/** How periods and policy years cut a policy's time in force. */
type Mode = 'periods' | 'anniversaries' | 'policy-years';

/** Position of an anniversary segment: period index × POS_RADIX + policy year. */
const POS_RADIX = 1024;

interface Plan {
  readonly basis: StudyBasis;
  readonly mode: Mode;
  readonly asOf: number;
  /** Whether `from` was given (else the earliest issue date, found by the scan). */
  readonly fromGiven: number | null;
  readonly by: readonly string[];
  readonly width: number;
  /** Mapped text columns grouped by (product first): by-attributes and rate keys. */
  readonly keyColumns: readonly string[];
  /** Whether age at issue is grouped by (age bands, attained age, issue-age keys). */
  readonly needsAge: boolean;
}

/** The SQL names of a stage-1 group's columns. */
const keyName = (i: number) => `g_k${i}`;

/**
 * Prepares experience studies of a policy book on an engine (DOMAIN.md, Exposure conventions):
 * one scan of the policies groups them by product, grouping columns, assumption keys, the
 * period (or policy year) where their time in force starts and ends, and the exit reason, with
 * counts and sums of start and end days — a few thousand groups for millions of policies — and
 * validates them on the way (bad cells, exits before issue or without a reason, unknown
 * products, repeated policy numbers: the first problem in file order is bad input, named by the
 * row path). Each study then spreads the groups over their periods inside the engine: whole
 * periods count their days, the first and last take the partial sums, so exposure is exact in
 * integer days and only aggregated rows come back.
 *
 * - calendar bases (central exposure): days in force within the period ÷ days in that calendar year;
 * - policy-year basis (initial exposure): days in force within policy year k ÷ days in that policy
 *   year (365 or 366), except that a policy leaving by a studied decrement gets the whole year (1.0);
 * - days count the issue date and the exit date; the as-of date is inclusive; anniversaries of
 *   29 February fall on 28 February in common years; attained age in policy year k = age at
 *   issue + k − 1; calendar periods split at anniversaries when a grouping or an assumption
 *   depends on the policy year or attained age.
 *
 * @throws InputError for bad input (the first problem in file order), a grouping column the
 * policies do not have, or a study window that ends before it starts.
 * @example const run = await prepareStudies(source, { basis: 'calendar-quarter', asOf: dayOf(2025, 12, 31) });
 * const lapses = await run.study({ decrements: ['lapse'], rates });
 */
export async function prepareStudies(source: StudySource, options: ExperienceStudyOptions): Promise<PreparedStudies> {
  const d = sqlDialect(source.engine.dialect);
  const policies = source.policies;
  const by = options.by ?? [];
  const width = options.ageBandWidth ?? 5;
  const grain = calendarGrainOf(options.basis);
  const rates = options.rates ?? [];
  if (options.from !== undefined && options.from > options.asOf) {
    throw new InputError({ argument: '--from' }, `a study start on or before the study end ${formatDay(options.asOf)}`, formatDay(options.from));
  }
  const keyColumns = ['product_code'];
  let durationGrouping = false;
  for (const name of by) {
    if (name === 'policy_year') {
      if (options.basis === 'policy-year') throw new InputError({ argument: '--by' }, 'grouping columns other than policy_year on the policy-year basis (it is already by policy year)', name);
      durationGrouping = true;
    } else if (name === 'attained_age') {
      durationGrouping = true;
    } else if (name !== 'age_at_issue') {
      if (isPersonalHeader(name)) {
        throw new InputError({ argument: '--by', file: policies.file, column: name }, 'a grouping column that holds no personal data (names, identifiers, ID, phone and account numbers are never grouped by or filed)');
      }
      if (!groupableColumns(policies).includes(name)) {
        const known = [...DERIVED_DIMENSIONS, ...groupableColumns(policies)].join(', ');
        throw new InputError({ argument: '--by', file: policies.file }, `a policy column to group by (one of ${known})`, name);
      }
      if (!keyColumns.includes(name)) keyColumns.push(name);
    }
  }
  const grouped = keyColumns.slice(1);
  for (const r of rates) for (const c of r.fixedColumns) if (c !== 'age_at_issue' && !keyColumns.includes(c)) keyColumns.push(c);
  const needsAge = by.includes('attained_age') || by.includes('age_at_issue') || rates.some((r) => r.dependsOnAttainedAge || r.fixedColumns.includes('age_at_issue'));
  const mode: Mode = grain === null ? 'policy-years' : durationGrouping || rates.some((r) => r.dependsOnDuration) ? 'anniversaries' : 'periods';
  const plan: Plan = { basis: options.basis, mode, asOf: options.asOf, fromGiven: options.from ?? null, by, width, keyColumns, needsAge };
  const progress = options.progress ?? SILENT_PROGRESS;

  progress.start('Reading and grouping policies', 1);
  await groupPolicies(source, d, plan);
  progress.stop();
  await refuseIdentifierGroupings(source.engine, policies, grouped.map((name) => ({ name, key: keyName(keyColumns.indexOf(name)) })));
  const mappings = await validatePolicies(source, plan, options);
  const issueRow = (await source.engine.rows(`SELECT min(g_imin) AS first FROM g1`))[0];
  const firstIssue = issueRow.first === null ? options.asOf : exactNumber(issueRow.first, 'earliest issue date');
  const from = options.from ?? Math.min(firstIssue, options.asOf);
  if (options.asOf - from > MAX_STUDY_DAYS) {
    throw new InputError({ argument: '--as-of' }, `a study window of at most ${MAX_STUDY_YEARS} years (it starts ${formatDay(from)}${options.from === undefined ? ', the earliest issue date' : ''})`, formatDay(options.asOf));
  }
  const grid = grain ? calendarGrid(grain, from, options.asOf) : null;
  await source.engine.integerTable('seg', ['s_key', 's_pos', 's_lo', 's_hi', 's_t', 's_k', 's_div'], await segments(source.engine, plan, from, grid));
  const runProducts = options.products;
  let claimsChecked: Promise<void> | undefined;

  return {
    from,
    async study(request) {
      const products = request.products ?? runProducts;
      if (request.claims) {
        if (!source.claims) throw new InputError({ file: policies.file }, 'a claims table beside the policies for an incidence study');
        claimsChecked ??= joinAndValidateClaims(source, plan, options);
        await claimsChecked;
      }
      const grouping = studyGrouping(d, plan, request);
      const rows = await source.engine.rows(request.claims ? claimsSql(d, plan, from, mappings, grouping, products) : stage2Sql(d, plan, mappings, grouping, request.decrements ?? [], products));
      return {
        basis: options.basis,
        asOf: formatDay(options.asOf),
        from: formatDay(from),
        by,
        cells: await assembleCells(source, rows, plan, grid, mappings, grouping, request),
      };
    },
  };
}

/**
 * Validates a study source without running a study: the policies (bad cells and rows, exits,
 * unknown products, repeated or missing policy numbers) in the one scan a study makes, and the
 * claims when the source has them (bad cells, unknown products, repeated claim numbers, claims of
 * missing policies or outside their cover). `awb load` validates a data folder this way before it
 * files it in a warehouse.
 * @throws InputError for the first problem in file order, as the row path names it.
 * @example await validateExperience(await openFileSource({ policies: 'data/sample/policies.csv' }), { knownProducts })
 */
export async function validateExperience(source: StudySource, options: Pick<ExperienceStudyOptions, 'knownProducts' | 'productsFile'>): Promise<void> {
  const plan: Plan = { basis: 'calendar-year', mode: 'periods', asOf: 2_932_896 /* 9999-12-31 */, fromGiven: null, by: [], width: 5, keyColumns: ['product_code'], needsAge: false };
  const d = sqlDialect(source.engine.dialect);
  await groupPolicies(source, d, plan);
  await validatePolicies(source, plan, { ...options, basis: plan.basis, asOf: plan.asOf });
  if (source.claims) await joinAndValidateClaims(source, plan, { ...options, basis: plan.basis, asOf: plan.asOf });
}

/**
 * Groups the policies (stage 1, table g1) on the fast reading of a file, and again on the full
 * reading when the fast one flags a row: a spelling it does not take, or a cell or row the row
 * path refuses, which validation then names from the full reading.
 */
async function groupPolicies(source: StudySource, d: SqlDialect, plan: Plan): Promise<void> {
  const group = async () => {
    for (const sql of stage1Sql(d, source.policies, plan)) await source.engine.run(sql);
  };
  await group();
  const [flagged] = await source.engine.rows(`SELECT count(*) AS n FROM g1 WHERE g_bad <> 0`);
  if (exactNumber(flagged.n, 'flagged groups') > 0 && (await source.policies.readFully())) await group();
}

/**
 * For a text file on DuckDB, stage 1's scan also groups the policies by a 64-bit hash of their
 * number (a second grouping set) and keeps the hashes held by more than one row or by a missing
 * number, in this table: the query of repeated numbers then parses no policy again unless a hash
 * repeats. (A Parquet file is read again more cheaply than the grouping sets cost.)
 */
const REPEATED_HASHES = 'repeated_hashes';

/**
 * The 64-bit hash a policy number is grouped by (DuckDB): 0 for a missing number, odd for every
 * other, so that the query of repeated numbers keeps missing numbers by the group's key alone
 * (`HAVING count(*) > 1 OR h = 0`) instead of a second aggregate over ten million groups.
 */
const POLICY_ID_HASH = '(CASE WHEN policy_id IS NULL THEN 0 ELSE hash(policy_id) | 1 END)';

/** Whether stage 1 groups the policy-number hashes in its own scan (see REPEATED_HASHES). */
function hashedInScan(d: SqlDialect, table: StudyTable): boolean {
  return d.name === 'duckdb' && table.rereadCost === 'high';
}

/** The longest study window: longer ones (an as-of date of 9999) would only exhaust memory. */
const MAX_STUDY_YEARS = 200;
const MAX_STUDY_DAYS = Math.ceil(MAX_STUDY_YEARS * 365.25);

/** Below this many policies with a value, the value test of a grouping column says nothing. */
const IDENTIFIER_TEST_MIN_POLICIES = 10;

/**
 * Refuses grouping by a column whose values are mostly unique per policy (more than half of the
 * policies with a value hold one no other policy holds): such a column identifies policies or
 * people (a name, a number), and grouping by it would publish one policy per group. One SQL
 * count per column on the grouped policies (g1, where the column is key `key`), so the file is
 * not read again; the message gives the counts and the column, never a value.
 * @throws InputError naming `--by`, the file and the column.
 */
async function refuseIdentifierGroupings(engine: SqlEngine, table: StudyTable, columns: readonly { name: string; key: string }[]): Promise<void> {
  for (const { name, key } of columns) {
    const values = `SELECT nullif(${sqlDialect(engine.dialect).trim(key)}, '') AS v, g_c FROM g1`;
    const [row] = await engine.rows(`SELECT sum(c) AS n, sum(CASE WHEN c = 1 THEN 1 ELSE 0 END) AS u FROM (SELECT v, sum(g_c) AS c FROM (${values}) WHERE v IS NOT NULL GROUP BY v)`);
    const n = exactNumber(row.n, 'policies with a value');
    const unique = exactNumber(row.u, 'policies with a value of their own');
    if (n >= IDENTIFIER_TEST_MIN_POLICIES && 2 * unique > n) {
      throw new InputError(
        { argument: '--by', file: table.file, column: name },
        `a grouping dimension shared by policies; ${unique} of its ${n} policies hold a value no other policy holds, which marks it as an identifier or personal data`,
      );
    }
  }
}

/** The SQL reading of a mapped key column of the policies (raw text, or canonical values). */
function policyColumn(table: StudyTable, name: string): string {
  return table.present.has(name) || table.attributes.includes(name) ? table.column(name) : 'NULL';
}

/** Period index (counted from 1970) of a day-number column on a calendar basis. */
function periodIndexSql(d: SqlDialect, basis: StudyBasis, day: string): string {
  return d.periodIndex(calendarGrainOf(basis)!, day);
}

/** Policy year (1 = first) containing day `day` of a policy issued on day `issue` (29 February anniversaries on 28 February in common years). */
function policyYearSql(d: SqlDialect, day: string, issue: string): string {
  const x = d.civil(day);
  const i = d.civil(issue);
  const leap = `((${x.year}) % 4 = 0 AND ((${x.year}) % 100 <> 0 OR (${x.year}) % 400 = 0))`;
  const anniversary = `(CASE WHEN ${i.month} = 2 AND ${i.day} = 29 AND NOT ${leap} THEN 228 ELSE ${i.month} * 100 + ${i.day} END)`;
  return `(${x.year} - ${i.year} + (CASE WHEN ${x.month} * 100 + ${x.day} >= ${anniversary} THEN 1 ELSE 0 END))`;
}

/** Position of a day in the study's segments (see `segments`). */
function positionSql(d: SqlDialect, plan: Plan, day: string, issue: string): string {
  switch (plan.mode) {
    case 'periods':
      return periodIndexSql(d, plan.basis, day);
    case 'anniversaries':
      return `(${periodIndexSql(d, plan.basis, day)} * ${POS_RADIX} + ${policyYearSql(d, day, issue)})`;
    case 'policy-years':
      return policyYearSql(d, day, issue);
  }
}

/**
 * Stage 1, the one scan of the policies: groups of policies with the same key values, start and
 * end segment and exit reason, with count, Σ start day, Σ end day; rows the SQL reading found bad
 * keep their `_bad` bits in their own groups.
 */
function stage1Sql(d: SqlDialect, table: StudyTable, plan: Plan): string[] {
  const A = plan.asOf;
  const F = plan.fromGiven;
  const keys = plan.keyColumns.map((c, i) => `${policyColumn(table, c)} AS ${keyName(i)}`);
  const inner = [
    ...keys,
    `issue_date AS p_iss`,
    `${plan.needsAge ? 'age_at_issue' : d.nullNumber} AS p_age`,
    `${policyColumn(table, 'exit_reason')} AS p_reason`,
    `exit_date AS p_exit`,
    `${F === null ? 'issue_date' : `greatest(issue_date, ${F})`} AS p_s`,
    `least(${d.ifNull('exit_date', String(A))}, ${A}) AS p_e`,
    `${studyBadSql(table, plan)} AS p_bad`,
    ...(hashedInScan(d, table) ? [`${POLICY_ID_HASH} AS p_h`] : []),
  ].join(', ');
  const inWindow = plan.mode === 'policy-years' ? '1 = 1' : 'p_e >= p_s';
  const sp = plan.mode === 'policy-years' ? '-1' : positionSql(d, plan, 'p_s', 'p_iss');
  const ep = positionSql(d, plan, 'p_e', 'p_iss');
  const skey = plan.mode === 'periods' ? '0' : 'p_iss';
  // 0: no exit date; 1: an exit within the study window; 2: an exit outside it.
  const exitState = `(CASE WHEN p_exit IS NULL THEN 0 WHEN p_exit <= ${A} AND p_exit >= p_s THEN 1 ELSE 2 END)`;
  // Rows with bad cells form groups of their own (g_bad is a key) and rows outside the window
  // groups with g_skey −1, so the sums need no conditions: only clean groups in the window are used.
  const outer = [
    ...plan.keyColumns.map((_, i) => keyName(i)),
    `p_age AS g_age`,
    `${d.int(`CASE WHEN ${inWindow} THEN ${skey} ELSE -1 END`)} AS g_skey`,
    `${d.int(`CASE WHEN ${inWindow} THEN ${sp} ELSE -1 END`)} AS g_sp`,
    `${d.int(`CASE WHEN ${inWindow} THEN ${ep} ELSE -1 END`)} AS g_ep`,
    `${exitState} AS g_exit`,
    `p_reason AS g_reason`,
    `p_bad AS g_bad`,
  ];
  const groupBy = outer.map((o) => o.split(' AS ').pop()!);
  const select = [
    ...outer,
    `${d.count} AS g_c`,
    `sum(${d.int('p_s')}) AS g_S`,
    `sum(${d.int('p_e')}) AS g_E`,
    `min(p_iss) AS g_imin`,
  ];
  if (!hashedInScan(d, table)) {
    const create = d.name === 'duckdb' ? 'CREATE OR REPLACE TEMP TABLE g1 AS' : 'CREATE TEMPORARY TABLE g1 ENGINE = Memory AS';
    return [`${create} SELECT ${select.join(', ')} FROM (SELECT ${inner} FROM ${table.relation}) GROUP BY ${groupBy.join(', ')}`];
  }
  // Two grouping sets in one scan: the groups (g_set 1) and the hashes of policy numbers (g_set 0),
  // of which only those of repeated or missing numbers are kept.
  const both = `SELECT GROUPING(p_h) AS g_set, ${select.join(', ')}, p_h FROM (SELECT ${inner} FROM ${table.relation}) GROUP BY GROUPING SETS ((${groupBy.join(', ')}), (p_h)) HAVING GROUPING(p_h) = 1 OR count(*) > 1 OR p_h = 0`;
  const columns = select.map((o) => o.split(' AS ').pop()!);
  return [
    `CREATE OR REPLACE TEMP TABLE stage1 AS ${both}`,
    `CREATE OR REPLACE TEMP TABLE g1 AS SELECT ${columns.join(', ')} FROM stage1 WHERE g_set = 1`,
    `CREATE OR REPLACE TEMP TABLE ${REPEATED_HASHES} AS SELECT p_h AS h FROM stage1 WHERE g_set = 0`,
    'DROP TABLE stage1',
  ];
}

/**
 * Checks stage 1 leaves to other parts of the validation: a missing policy number to the query
 * of repeated numbers (which groups by them anyway), an exit date without a reason or a reason
 * without an exit date to the groups (which carry the raw reason and whether there is an exit).
 */
const STAGE1_ELSEWHERE: ReadonlySet<string> = new Set(['policy_id', 'exit_without_reason', 'reason_without_exit']);

/**
 * The bad-row bits stage 1 keeps: every check of the table except the spelling checks of enum
 * columns the study groups by (their distinct values go through the row path's parser), as the
 * bits of `_bad` so that the same bit means the same check.
 */
function studyBadSql(table: StudyTable, plan: Plan): string {
  const grouped = new Set([...plan.keyColumns, 'exit_reason']);
  const elsewhere = (check: string) => STAGE1_ELSEWHERE.has(check) || (table.enumChecks.has(check) && grouped.has(check));
  const kept = table.checks.flatMap((check, b) => (elsewhere(check) ? [] : [b]));
  return flagBitsSql(kept.map((b) => table.flagColumns[b]), kept);
}

/** Raw (or canonical) values of the mapped columns and what each means to the row path. */
interface Mappings {
  /** Per key column: raw text → canonical value (null for missing). */
  readonly keys: readonly ReadonlyMap<string, string | null>[];
  /** Raw exit-reason text → canonical exit reason. */
  readonly reasons: ReadonlyMap<string, ExitReason | null>;
}

/** The row path's reading of a mapped column's raw text (a schema column's parser, or an attribute's text). */
function mapper(table: StudyTable, column: string): (text: string) => string | null | CellParseFailure {
  const spec = TABLES[table.name].columns.find((c) => c.name === column);
  if (!spec) return (text) => (text === '' ? null : text);
  if (!table.raw) return (text) => (text === '' ? null : text);
  const parse = cellParser(spec);
  return (text) => {
    const value = parse(text);
    return value instanceof CellParseFailure ? value : value === null ? null : String(value);
  };
}

/**
 * Checks what stage 1 found: bad cells and rows (`_bad`), mapped values the row path refuses,
 * products the products table lacks, repeated policy numbers. Any problem sends the file through
 * the row path (`diagnosis.firstProblem`), whose first error in file order is thrown. A flag the
 * row path does not confirm is ignored when the column plays no part in the study, and an
 * internal error when it does (the SQL and the row path would disagree on a value used).
 */
async function validatePolicies(source: StudySource, plan: Plan, options: ExperienceStudyOptions): Promise<Mappings> {
  const engine = source.engine;
  const table = source.policies;
  const bits = (await engine.rows(`SELECT DISTINCT g_bad AS bad FROM g1 WHERE g_bad <> 0`)).map((r) => exactNumber(r.bad, 'bad'));
  const flagged = new Set<string>();
  for (const b of bits) table.checks.forEach((check, i) => (Math.floor(b / 2 ** i) % 2 === 1 ? flagged.add(check) : undefined));
  const keys: Map<string, string | null>[] = [];
  const refused: { column: string; text: string }[] = [];
  for (let i = 0; i < plan.keyColumns.length; i++) {
    const column = plan.keyColumns[i];
    const map = new Map<string, string | null>();
    const read = mapper(table, column);
    const required = TABLES[table.name].columns.some((c) => c.name === column && c.required);
    for (const r of await engine.rows(`SELECT DISTINCT ${keyName(i)} AS v FROM g1`)) {
      const text = r.v === null ? '' : String(r.v);
      const value = read(text);
      if (value instanceof CellParseFailure || (value === null && required)) refused.push({ column, text });
      else map.set(text, value);
    }
    keys.push(map);
  }
  const reasons = new Map<string, ExitReason | null>();
  const readReason = mapper(table, 'exit_reason');
  for (const r of await engine.rows(`SELECT DISTINCT g_reason AS v, g_exit > 0 AS exits FROM g1`)) {
    const text = r.v === null ? '' : String(r.v);
    const value = readReason(text);
    if (value instanceof CellParseFailure) refused.push({ column: 'exit_reason', text });
    else {
      reasons.set(text, value as ExitReason | null);
      // An exit date and an exit reason go together (rowChecks.ts): the row path names the row.
      if ((value === null) === (r.exits === true || Number(r.exits) === 1)) flagged.add(value === null ? 'exit_without_reason' : 'reason_without_exit');
    }
  }
  const known = options.knownProducts;
  const unknownProducts = known ? [...keys[0].entries()].filter(([, code]) => code !== null && !known.has(code)).map(([, code]) => code!) : [];
  const rowCount = exactNumber((await engine.rows(`SELECT sum(g_c) AS n FROM g1`))[0].n, 'rows');
  const { duplicates, missing } = await policyIdProblems(source);
  if (missing) flagged.add('policy_id');
  if (flagged.size === 0 && refused.length === 0 && unknownProducts.length === 0 && duplicates.size === 0 && rowCount > 0) return { keys, reasons };

  const unknown = new Set(unknownProducts);
  await source.diagnosis.firstProblem('policies', { duplicateKeys: duplicates });
  if (unknown.size > 0) {
    await source.diagnosis.firstProblem('policies', {
      check: (row) => {
        const code = (row as unknown as { product_code: string }).product_code;
        return unknown.has(code) ? new InputError({ file: table.file, row: row.source_row, column: 'product_code', header: table.headers.product_code }, `a product listed in ${options.productsFile ?? 'the products table'}`, code) : null;
      },
    });
  }
  const used = new Set(['policy_id', 'issue_date', 'exit_date', 'exit_reason', ...plan.keyColumns, ...(plan.needsAge ? ['age_at_issue'] : []), ...table.checks.filter((c) => !TABLES.policies.columns.some((s) => s.name === c))]);
  const disagreement = [...flagged].filter((c) => used.has(c));
  if (disagreement.length > 0 || refused.length > 0) {
    throw new Error(`experience study: the SQL reading of ${table.file} flags ${[...disagreement, ...refused.map((r) => `${r.column} "${r.text}"`)].join(', ')}, which the row path accepts`);
  }
  return { keys, reasons };
}

/**
 * Policy numbers that occur more than once (the row path names the row that repeats one), and
 * whether a number is missing: one aggregation over the numbers.
 */
async function policyIdProblems(source: StudySource): Promise<{ duplicates: Set<string>; missing: boolean }> {
  const d = sqlDialect(source.engine.dialect);
  let within = '';
  if (d.name === 'duckdb') {
    // Grouped by a 64-bit hash of the number first (for a text file in stage 1's scan,
    // REPEATED_HASHES): a hash table of integers holds a hundred million policies in a few GB
    // (and spills to disk beyond the memory limit), where one of the strings would not. A hash
    // that repeats is a repeated number (or, rarely, two numbers with one hash): only rows with
    // such hashes are grouped by their numbers. Missing numbers all have hash 0 (POLICY_ID_HASH).
    const hashes = hashedInScan(d, source.policies)
      ? `SELECT h FROM ${REPEATED_HASHES}`
      : `SELECT h FROM (SELECT ${POLICY_ID_HASH} AS h FROM ${source.policies.relation}) GROUP BY h HAVING count(*) > 1 OR h = 0`;
    const repeated = await source.engine.rows(`${hashes} LIMIT 1`);
    if (repeated.length === 0) return { duplicates: new Set(), missing: false };
    within = `WHERE ${POLICY_ID_HASH} IN (${hashes})`;
  }
  const rows = await source.engine.rows(`SELECT policy_id AS id FROM ${source.policies.relation} ${within} GROUP BY policy_id HAVING ${d.count} > 1 OR policy_id IS NULL LIMIT 1001`);
  return { duplicates: new Set(rows.filter((r) => r.id !== null).map((r) => String(r.id))), missing: rows.some((r) => r.id === null) };
}

/**
 * The segments policies' time in force is cut into, as integer rows (s_key, s_pos, s_lo, s_hi,
 * s_t, s_k, s_div): calendar periods (s_key 0) when nothing depends on the policy year; periods
 * cut at each issue date's anniversaries (s_key = issue date) on calendar bases that do; policy
 * years of each issue date on the policy-year basis. s_t is the period index or policy year of the
 * cell, s_k the policy year, s_div the days of the year that divides the segment's days.
 */
async function segments(engine: SqlEngine, plan: Plan, from: number, grid: CalendarGrid | null): Promise<number[][]> {
  const out: number[][] = [];
  const absolute = (p: number) => periodIndexOfLabel(grid!.labels[p]);
  if (plan.mode === 'periods') {
    for (let p = 0; p < grid!.labels.length; p++) out.push([0, absolute(p), grid!.start[p], grid!.end[p], absolute(p), 0, grid!.yearDays[p]]);
    return out;
  }
  const issues = (await engine.rows(`SELECT DISTINCT g_skey AS i FROM g1 WHERE g_skey <> -1`)).map((r) => exactNumber(r.i, 'issue date')).sort((a, b) => a - b);
  const civil = new Int32Array(3);
  for (const issue of issues) {
    dayToCivil(issue, civil);
    const [y, m, day] = civil;
    if (plan.mode === 'policy-years') {
      let k = 1;
      if (from > issue) {
        k = Math.max(1, Math.floor((from - issue) / 366));
        while (anniversaryDay(y, m, day, k - 1) < from) k++;
      }
      for (let start = anniversaryDay(y, m, day, k - 1); start <= plan.asOf; k++) {
        const next = anniversaryDay(y, m, day, k);
        out.push([issue, k, start, next - 1, k, k, next - start]);
        start = next;
      }
      continue;
    }
    const s = Math.max(issue, plan.fromGiven ?? issue);
    if (s > plan.asOf) continue;
    let k = Math.max(1, Math.floor((s - issue) / 366));
    while (anniversaryDay(y, m, day, k) <= s) k++;
    let next = anniversaryDay(y, m, day, k);
    for (let t = s; t <= plan.asOf; ) {
      const p = grid!.periodOfDay[t - grid!.firstDay];
      let hi = Math.min(grid!.end[p], plan.asOf);
      if (next - 1 < hi) hi = next - 1;
      out.push([issue, absolute(p) * POS_RADIX + k, t, hi, absolute(p), k, grid!.yearDays[p]]);
      t = hi + 1;
      if (t === next) {
        k++;
        next = anniversaryDay(y, m, day, k);
      }
    }
  }
  return out;
}

/** Raw texts of a mapped column whose canonical value is in `wanted`, as a SQL list. */
function rawList(d: SqlDialect, map: ReadonlyMap<string, string | null>, wanted: (value: string | null) => boolean): string {
  const texts = [...map.entries()].filter(([, v]) => wanted(v)).map(([t]) => d.string(t));
  return texts.length === 0 ? 'NULL' : texts.join(', ');
}

/**
 * What a study's rows are grouped by after the spread over segments: the key columns its cells
 * and its assumption rates need, age at issue only where a rate depends on it (else the age
 * bands the cells show, computed in SQL), the policy year only where a cell or a rate needs it,
 * the period and the year length. Fewer columns, fewer rows come back.
 */
interface Grouping {
  /** SQL expressions with their aliases, in GROUP BY order. */
  readonly columns: readonly { readonly sql: string; readonly alias: string }[];
  /** Whether rows carry the raw age at issue (g_age) and the policy year (s_k). */
  readonly rawAge: boolean;
  readonly policyYear: boolean;
}

function studyGrouping(d: SqlDialect, plan: Plan, request: StudyRequest): Grouping {
  const rates = request.rates;
  const wanted = new Set(['product_code', ...plan.by, ...(rates?.fixedColumns ?? [])]);
  const columns: { sql: string; alias: string }[] = plan.keyColumns.flatMap((c, i) => (wanted.has(c) ? [{ sql: keyName(i), alias: keyName(i) }] : []));
  // Rates by attained age or age at issue need each policy's age; rates by policy year alone do not (a monthly study then groups far fewer rows).
  const rawAge = rates !== undefined && (rates.dependsOnAttainedAge || rates.fixedColumns.includes('age_at_issue'));
  const policyYear = plan.by.includes('policy_year') || (rates?.dependsOnDuration ?? false);
  const cap = Math.floor(130 / plan.width);
  const band = (age: string) => `least(${d.div(d.int(age), String(plan.width))}, ${cap})`;
  if (rawAge) columns.push({ sql: 'g_age', alias: 'g_age' });
  else {
    if (plan.by.includes('age_at_issue')) columns.push({ sql: band('g_age'), alias: 'b_issue' });
    if (plan.by.includes('attained_age')) columns.push({ sql: band('g_age + s_k - 1'), alias: 'b_attained' });
  }
  columns.push({ sql: 's_t', alias: 's_t' });
  if (policyYear) columns.push({ sql: 's_k', alias: 's_k' });
  columns.push({ sql: 's_div', alias: 's_div' });
  return { columns, rawAge, policyYear };
}

/**
 * Stage 2 of a decrement study: each group spread over the segments from its start to its end
 * (whole segments: count × days; the first: count × (end + 1) − Σ start; the last: Σ end −
 * count × (start − 1)), decrements counted in the last, summed per cell, assumption keys and
 * year length.
 */
function stage2Sql(d: SqlDialect, plan: Plan, mappings: Mappings, grouping: Grouping, decrements: readonly ExitReason[], products: ReadonlySet<string> | undefined): string {
  const studied = rawList(d, mappings.reasons, (v) => v !== null && decrements.includes(v as ExitReason));
  const inScope = rawList(d, mappings.keys[0], (v) => v !== null && (products === undefined || products.has(v)));
  const dec = `(g_exit = 1 AND g_reason IN (${studied}))`;
  const full = `${d.int('g_c')} * (s_hi - s_lo + 1)`;
  const last = plan.mode === 'policy-years' ? `(CASE WHEN ${dec} THEN ${full} ELSE g_E - ${d.int('g_c')} * (s_lo - 1) END)` : `g_E - ${d.int('g_c')} * (s_lo - 1)`;
  const days = `(CASE WHEN s_pos = g_sp AND s_pos = g_ep THEN g_E - g_S + g_c WHEN s_pos = g_sp THEN ${d.int('g_c')} * (s_hi + 1) - g_S WHEN s_pos = g_ep THEN ${last} ELSE ${full} END)`;
  const range = plan.mode === 'policy-years' ? 's_pos <= g_ep' : 's_pos >= g_sp AND s_pos <= g_ep';
  const join = d.name === 'duckdb' ? `g1 JOIN seg ON g_skey = s_key` : `g1 ALL INNER JOIN seg ON g_skey = s_key`;
  const select = grouping.columns.map((c) => `${c.sql} AS ${c.alias}`);
  const group = grouping.columns.map((c) => c.alias);
  return `SELECT ${select.join(', ')}, sum(${days}) AS days, sum(CASE WHEN s_pos = g_ep AND ${dec} THEN g_c ELSE 0 END) AS actual, 0 AS fen
    FROM ${join} WHERE g_skey <> -1 AND ${keyName(0)} IN (${inScope}) AND ${range} GROUP BY ${group.join(', ')}`;
}

/**
 * An incidence study: exposure as in a decrement study, and each claim (joined to its policy in
 * table cj) counted, with its paid amount plus case reserve, in the segment of its incident date,
 * per cell and assumption keys.
 */
function claimsSql(d: SqlDialect, plan: Plan, from: number, mappings: Mappings, grouping: Grouping, products: ReadonlySet<string> | undefined): string {
  const inScope = rawList(d, mappings.keys[0], (v) => v !== null && (products === undefined || products.has(v)));
  const keys = plan.keyColumns.map((_, i) => keyName(i));
  const skey = plan.mode === 'periods' ? '0' : 'p_iss';
  const window = `c_t <= ${plan.asOf}${plan.mode === 'policy-years' ? '' : ` AND c_t >= ${from}`}`;
  const claimGroups = `SELECT ${keys.join(', ')}, g_age, ${d.int(skey)} AS c_key, ${d.int(positionSql(d, plan, 'c_t', 'p_iss'))} AS c_pos, ${d.count} AS c_n, sum(c_fen) AS c_sum
    FROM cj WHERE c_bad = 0 AND p_id IS NOT NULL AND ${window} AND ${keyName(0)} IN (${inScope}) GROUP BY ${keys.join(', ')}, g_age, c_key, c_pos`;
  const join = d.name === 'duckdb' ? `(${claimGroups}) JOIN seg ON c_key = s_key AND c_pos = s_pos` : `(${claimGroups}) ALL INNER JOIN seg ON c_key = s_key AND c_pos = s_pos`;
  const exposure = stage2Sql(d, plan, mappings, grouping, [], products);
  const select = grouping.columns.map((c) => `${c.sql} AS ${c.alias}`);
  const group = grouping.columns.map((c) => c.alias);
  return `SELECT ${group.join(', ')}, sum(days) AS days, sum(actual) AS actual, sum(fen) AS fen FROM (
    ${exposure}
    UNION ALL
    SELECT ${select.join(', ')}, 0 AS days, sum(c_n) AS actual, sum(c_sum) AS fen FROM ${join} GROUP BY ${group.join(', ')}
  ) GROUP BY ${group.join(', ')}`;
}

/**
 * Turns the engine's rows into cells: raw key texts read as the row path reads them, exposure
 * from exact day counts (÷ the year's days), expected counts from the assumption rate of each
 * row's keys, summed per cell in a fixed order.
 */
async function assembleCells(source: StudySource, rows: readonly Record<string, SqlValue>[], plan: Plan, grid: CalendarGrid | null, mappings: Mappings, grouping: Grouping, request: StudyRequest): Promise<ExposureCell[]> {
  const labels = new Map<number, string>();
  if (grid) grid.labels.forEach((label) => labels.set(periodIndexOfLabel(label), label));
  const byNames = plan.by;
  interface Accumulator {
    product: string;
    by: Record<string, string | number | null>;
    t: number;
    /** Integer days by year length (365/366, or 1 on the policy-year basis' whole years). */
    days: Map<number, number>;
    /** Integer days by year length and expected decrements per unit of exposure. */
    expectedDays: Map<string, { days: number; div: number; perExposure: number }>;
    actual: number;
    fen: number;
  }
  const cells = new Map<string, Accumulator>();
  const cap = Math.floor(130 / plan.width);
  const bandOf = (age: number) => (Number.isNaN(age) ? null : ageBandLabel(Math.min(Math.floor(age / plan.width), cap), plan.width));
  const bandLabel = (value: SqlValue) => (value === null ? null : ageBandLabel(exactNumber(value, 'age band'), plan.width));
  /** What rows of the same keys, age and policy year share (a monthly study returns hundreds of thousands of rows over a few thousand of them): the cell's product and grouping, the expected decrements per unit of exposure. */
  interface RowGroup {
    readonly product: string;
    readonly by: Record<string, string | number | null>;
    /** The cell's key without its period. */
    readonly cellKey: string;
    /** Expected decrements per unit of exposure; or why there are none: no assumption row matches, or two match equally. */
    readonly perExposure: number | UnmatchedAssumption | InputError | null;
    /** The row order among groups (keys, age, policy year) that names the first unmatched row deterministically. */
    readonly order: readonly unknown[];
  }
  const groups = new Map<string, RowGroup>();
  const keyNames = plan.keyColumns.map((_, i) => keyName(i));
  const groupOf = (r: Record<string, SqlValue>): RowGroup => {
    const raws = keyNames.map((name) => r[name]);
    const age = grouping.rawAge && r.g_age !== null ? Number(r.g_age) : NaN;
    const k = grouping.policyYear ? exactNumber(r.s_k, 'policy year') : 0;
    const memo = JSON.stringify([...raws, age, k, r.b_issue ?? null, r.b_attained ?? null].map((v) => (typeof v === 'bigint' ? `${v}n` : v)));
    const known = groups.get(memo);
    if (known) return known;
    const values = raws.map((raw, i) => (raw === undefined ? null : mappings.keys[i].get(raw === null ? '' : String(raw)) ?? null));
    const by: Record<string, string | number | null> = {};
    for (const name of byNames) {
      if (name === 'policy_year') by[name] = k;
      else if (name === 'age_at_issue') by[name] = grouping.rawAge ? bandOf(age) : bandLabel(r.b_issue);
      else if (name === 'attained_age') by[name] = grouping.rawAge ? bandOf(age + k - 1) : bandLabel(r.b_attained);
      else by[name] = values[plan.keyColumns.indexOf(name)];
    }
    let perExposure: number | UnmatchedAssumption | InputError | null = null;
    if (request.rates) {
      // Only what the rates are keyed on: an unmatched policy is then found in the file by these values alone.
      const rates = request.rates;
      const keyValues: Record<string, string | number | null> = grouping.rawAge ? { age_at_issue: Number.isNaN(age) ? null : age } : {};
      plan.keyColumns.forEach((c, i) => {
        if (c === 'product_code' || rates.fixedColumns.includes(c)) keyValues[c] = values[i];
      });
      try {
        perExposure = expectedPerExposure(plan.basis, rates.rateFor(keyValues as KeyValues, k, age + k - 1).rate);
      } catch (error) {
        // No row matches, or two match equally: named after every row is seen, the first in a fixed order.
        if (!(error instanceof UnmatchedAssumption) && !(error instanceof InputError)) throw error;
        perExposure = error;
      }
    }
    const group = { product: values[0]!, by, cellKey: JSON.stringify([values[0], Object.values(by)]), perExposure, order: [values, age, k, r.b_issue ?? null, r.b_attained ?? null] };
    groups.set(memo, group);
    return group;
  };
  // Every sum is exact (integer days, counts and fen; expected days by year length and rate) and the cells are sorted at the end, so the rows are taken in the engine's order.
  let firstProblem: { order: string; error: UnmatchedAssumption | InputError } | undefined;
  for (const r of rows) {
    const group = groupOf(r);
    const t = exactNumber(r.s_t, 'period');
    const days = exactNumber(r.days, 'days');
    const div = exactNumber(r.s_div, 'year length');
    if (group.perExposure instanceof UnmatchedAssumption || group.perExposure instanceof InputError) {
      const [values, age, k, issueBand, attainedBand] = group.order;
      const order = JSON.stringify([values, age, t, k, String(r.s_div), issueBand, attainedBand].map((v) => (typeof v === 'bigint' ? Number(v) : v)));
      if (firstProblem === undefined || order < firstProblem.order) firstProblem = { order, error: group.perExposure };
      continue;
    }
    const key = `${group.cellKey}${t}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { product: group.product, by: group.by, t, days: new Map(), expectedDays: new Map(), actual: 0, fen: 0 }));
    cell.days.set(div, (cell.days.get(div) ?? 0) + days);
    cell.actual += exactNumber(r.actual, 'count');
    cell.fen += exactNumber(r.fen, 'claim amount');
    if (group.perExposure !== null) {
      const part = `${div} ${group.perExposure}`;
      const sum = cell.expectedDays.get(part);
      if (sum) sum.days += days;
      else cell.expectedDays.set(part, { days, div, perExposure: group.perExposure });
    }
  }
  if (firstProblem) throw firstProblem.error instanceof UnmatchedAssumption ? await unmatched(source, firstProblem.error, plan) : firstProblem.error;
  const out: ExposureCell[] = [...cells.values()].map((c) => ({
    product_code: c.product,
    period: grid ? labels.get(c.t)! : null,
    policy_year: grid ? null : c.t,
    by: c.by,
    exposure: exposureOf(c.days),
    actual: c.actual,
    claim_amount: request.claims ? c.fen / 100 : null,
    expected: request.rates ? expectedOf(c.expectedDays) : null,
  }));
  return sortCells(out);
}

/**
 * A cell's exposure in years from its integer days by year length, summed in a fixed order (by
 * year length) so that the same days give the same bits whatever order an engine returned its
 * groups in: DuckDB's and ClickHouse's cells are byte-identical.
 */
function exposureOf(days: ReadonlyMap<number, number>): number {
  return [...days.entries()].sort((a, b) => a[0] - b[0]).reduce((sum, [div, d]) => sum + d / div, 0);
}

/** A cell's expected decrements: Σ days / year length × expected per unit of exposure, in a fixed order (see `exposureOf`). */
function expectedOf(parts: ReadonlyMap<string, { days: number; div: number; perExposure: number }>): number {
  return [...parts.values()]
    .sort((a, b) => a.div - b.div || a.perExposure - b.perExposure)
    .reduce((sum, p) => sum + (p.days / p.div) * p.perExposure, 0);
}

/** The error for policies no assumption row matches, naming the first such policy's row. */
async function unmatched(source: StudySource, error: UnmatchedAssumption, plan: Plan): Promise<InputError> {
  const location = await source.diagnosis.firstRow('policies', (row) => {
    const record = row as unknown as Record<string, unknown>;
    return Object.entries(error.values).every(([column, value]) => {
      const own = column in record ? record[column] : (row.attributes[column] ?? null);
      return column === 'age_at_issue' && !plan.needsAge ? true : (own === '' ? null : own) === value;
    });
  });
  const table = source.policies;
  return new InputError(
    { file: location?.file ?? table.file, row: location?.row, column: 'policy_id' },
    `a ${error.indicator} assumption in the assumptions table that matches the policy (${error.description})`,
  );
}

/**
 * Joins every claim to its policy once (table cj: the claim's incident date, amount in fen and
 * flags, the policy's key values, issue and exit dates), then checks what an incidence study
 * counts: bad cells, unknown products, repeated claim numbers, claims of policies the policies
 * table lacks, incident dates outside the policy's cover. The first problem in the claims file's
 * order is thrown, named by the row path.
 */
async function joinAndValidateClaims(source: StudySource, plan: Plan, options: ExperienceStudyOptions): Promise<void> {
  const engine = source.engine;
  const claims = source.claims!;
  const policies = source.policies;
  const d = sqlDialect(engine.dialect);
  const keys = plan.keyColumns.map((c, i) => `${policyColumn(policies, c)} AS ${keyName(i)}`);
  const product = claims.present.has('product_code') ? claims.column('product_code') : 'NULL';
  const policySide = `SELECT policy_id AS p_id, ${keys.join(', ')}, issue_date AS p_iss, exit_date AS p_exit, ${plan.needsAge ? 'age_at_issue' : d.nullNumber} AS g_age FROM ${policies.relation} WHERE _bad = 0`;
  const claimSide = `SELECT claim_id AS c_claim, policy_id AS c_policy, _bad AS c_bad, ${product} AS c_product, incident_date AS c_t, ${d.ifNull('paid_amount', '0')} + ${d.ifNull('case_reserve', '0')} AS c_fen FROM ${claims.relation}`;
  const create = d.name === 'duckdb' ? 'CREATE OR REPLACE TEMP TABLE cj AS' : 'CREATE TEMPORARY TABLE cj ENGINE = Memory AS';
  const join = `${create} SELECT * FROM (${claimSide}) c LEFT JOIN (${policySide}) p ON c_policy = p_id`;
  await engine.run(join);
  let bad = await engine.rows(`SELECT DISTINCT c_bad AS b FROM cj WHERE c_bad <> 0`);
  if (bad.length > 0 && (await claims.readFully())) {
    // A flag of the fast reading (a file's claims, so DuckDB): the claims are joined again on the full one.
    await engine.run(join);
    bad = await engine.rows(`SELECT DISTINCT c_bad AS b FROM cj WHERE c_bad <> 0`);
  }
  const products = new Set<string>();
  if (claims.present.has('product_code')) {
    const read = mapper(claims, 'product_code');
    for (const r of await engine.rows(`SELECT DISTINCT c_product AS v FROM cj WHERE c_bad = 0`)) {
      const value = read(r.v === null ? '' : String(r.v));
      if (value instanceof CellParseFailure) products.add(String(r.v));
      else if (value !== null && options.knownProducts && !options.knownProducts.has(value)) products.add(value);
    }
  }
  const duplicates = new Set((await engine.rows(`SELECT c_claim AS id FROM cj WHERE c_claim IS NOT NULL GROUP BY c_claim HAVING ${d.count} > 1 LIMIT 1000`)).map((r) => String(r.id)));
  const orphans = new Set((await engine.rows(`SELECT DISTINCT c_policy AS id FROM cj WHERE c_bad = 0 AND p_id IS NULL LIMIT 1000`)).map((r) => String(r.id)));
  const outside = new Map<string, string>();
  for (const r of await engine.rows(`SELECT c_claim AS id, c_policy AS policy, p_iss AS iss, p_exit AS ex FROM cj WHERE c_bad = 0 AND p_id IS NOT NULL AND (c_t < p_iss OR (p_exit IS NOT NULL AND c_t > p_exit)) LIMIT 1000`)) {
    const cover = `${formatDay(exactNumber(r.iss, 'issue date'))} to ${r.ex === null ? 'now' : formatDay(exactNumber(r.ex, 'exit date'))}`;
    outside.set(String(r.id), `an incident date within the cover of policy ${String(r.policy)} (${cover})`);
  }
  if (bad.length === 0 && products.size === 0 && duplicates.size === 0 && orphans.size === 0 && outside.size === 0) return;
  await source.diagnosis.firstProblem('claims', {
    duplicateKeys: duplicates,
    check: (row) => {
      const c = row as unknown as { claim_id: string; policy_id: string; product_code: string | null; incident_date: number };
      const at = (column: string) => ({ file: claims.file, row: row.source_row, column, header: claims.headers[column] });
      if (c.product_code !== null && products.has(c.product_code)) return new InputError(at('product_code'), `a product listed in ${options.productsFile ?? 'the products table'}`, c.product_code);
      if (orphans.has(c.policy_id)) return new InputError(at('policy_id'), `a policy listed in ${policies.file}`, c.policy_id);
      const cover = outside.get(c.claim_id);
      if (cover) return new InputError(at('incident_date'), cover, formatDay(c.incident_date));
      return null;
    },
  });
  if (bad.length > 0) throw new Error(`experience study: the SQL reading of ${claims.file} flags a cell the row path accepts`);
}

import { InputError } from '../data/InputError';
import type { PolicyColumns } from '../data/policyColumns';
import type { AssumptionRow } from '../data/rows';
import type { Indicator } from '../data/schema';
import type { RateAssignment } from '../exposure/exposureStudy';

/** The key columns of the assumptions table that every policy has a value for (or can derive). */
const DECLARED_KEYS = ['product_code', 'policy_year', 'attained_age', 'age_at_issue', 'gender'] as const;

/** A key of one assumption row: the column and the value a policy must have. */
interface RowKey {
  readonly column: string;
  readonly value: string | number;
}

interface CompiledRow {
  readonly sourceRow: number;
  readonly rate: number;
  readonly keys: readonly RowKey[];
  /** Keys that depend on the policy year (policy_year, attained_age). */
  readonly duration: readonly RowKey[];
  /** Keys fixed for a policy (product, gender, issue age, attributes). */
  readonly fixed: readonly RowKey[];
}

/** The assumption rates of one indicator, matched to policies. */
export interface AssumptionRates extends RateAssignment {
  readonly indicator: Indicator;
  /** Spreadsheet row of each slot's assumption row. */
  readonly sourceRows: Int32Array;
  /** Whether any row can apply to the product (a row for it, or one without product_code). */
  appliesTo(productCode: string): boolean;
}

export interface AssumptionRatesOptions {
  /** The assumptions file, named in errors. */
  readonly file: string;
  /** Rates must lie in [0, 1) (decrement and incidence probabilities) unless false. */
  readonly probabilities?: boolean;
}

/**
 * Compiles the assumptions rows of one indicator into a rate lookup for a policy book
 * (DOMAIN.md, Input tables: assumptions). A row's keys are its non-empty key cells: product_code,
 * policy_year, attained_age, age_at_issue, gender, and any attribute column that the policies
 * also have (channel, region, …); other attribute columns are descriptive and ignored.
 *
 * Tie rule: the matching row with the most keys wins. Two matching rows with the same, highest
 * number of keys are ambiguous, and the lookup throws an InputError naming both rows; a policy
 * that no row matches is an InputError naming the policy. Attained age in policy year k is age at
 * issue + k − 1.
 *
 * @throws InputError for a rate outside [0, 1) when `probabilities` (the default), and lazily from
 * `slotOf` for an unmatched policy or an ambiguous pair of rows.
 * @example assumptionRates(rows, 'lapse', policies, { file: 'assumptions.csv' }).slotOf(0, 1, 40)
 */
export function assumptionRates(
  rows: readonly AssumptionRow[],
  indicator: Indicator,
  policies: PolicyColumns,
  options: AssumptionRatesOptions,
): AssumptionRates {
  const probabilities = options.probabilities ?? true;
  const compiled: CompiledRow[] = [];
  for (const row of rows) {
    if (row.indicator !== indicator) continue;
    const rate = row.rate.toNumber();
    if (probabilities && (row.rate.lt(0) || row.rate.gte(1))) {
      throw new InputError({ file: options.file, row: row.source_row, column: 'rate' }, `an annual ${indicator} rate of at least 0 and below 1`, row.rate.toString());
    }
    const keys: RowKey[] = [];
    for (const column of DECLARED_KEYS) {
      const value = row[column];
      if (value !== null) keys.push({ column, value });
    }
    for (const [column, text] of Object.entries(row.attributes)) {
      const value = text.trim();
      if (value !== '' && policies.attributes.has(column)) keys.push({ column, value });
    }
    const duration = keys.filter((k) => k.column === 'policy_year' || k.column === 'attained_age');
    compiled.push({ sourceRow: row.source_row, rate, keys, duration, fixed: keys.filter((k) => !duration.includes(k)) });
  }

  // The fixed key columns any row uses, and a numeric class per policy over them.
  const fixedColumns = [...new Set(compiled.flatMap((r) => r.fixed.map((k) => k.column)))].sort();
  const classOf = new Int32Array(policies.length);
  const classes: number[] = [];
  const classIndex = new Map<number, number>();
  const valueOf = fixedColumns.map((column) => fixedValueReader(policies, column));
  const radices = valueOf.map((v) => v.radix);
  for (let i = 0; i < policies.length; i++) {
    let key = 0;
    for (let c = 0; c < valueOf.length; c++) key = key * radices[c] + valueOf[c].code(i);
    let id = classIndex.get(key);
    if (id === undefined) {
      id = classes.length;
      classes.push(i);
      classIndex.set(key, id);
    }
    classOf[i] = id;
  }
  const candidates: (readonly number[])[] = classes.map((first) =>
    compiled
      .map((r, slot) => ({ r, slot }))
      .filter(({ r }) => r.fixed.every((k) => valueOf[fixedColumns.indexOf(k.column)].value(first) === k.value))
      .sort((a, b) => b.r.keys.length - a.r.keys.length)
      .map(({ slot }) => slot),
  );
  const dependsOnDuration = compiled.some((r) => r.duration.length > 0);
  const memo = new Map<number, number>();

  const describe = (i: number, policyYear: number, attainedAge: number): string => {
    const id = policies.policy_id?.[i] ?? `in row ${policies.source_row?.[i] ?? i + 2}`;
    const parts = [`product ${policies.product_code.levels[policies.product_code.codes[i]]}`];
    if (dependsOnDuration) parts.push(`policy year ${policyYear}`, `attained age ${Number.isNaN(attainedAge) ? 'unknown' : attainedAge}`);
    for (const column of fixedColumns) if (column !== 'product_code') parts.push(`${column} ${valueOf[fixedColumns.indexOf(column)].value(i) ?? 'empty'}`);
    return `policy ${id} (${parts.join(', ')})`;
  };

  const resolve = (i: number, policyYear: number, attainedAge: number): number => {
    let best = -1;
    for (const slot of candidates[classOf[i]]) {
      const r = compiled[slot];
      if (best >= 0 && r.keys.length < compiled[best].keys.length) break;
      const matches = r.duration.every((k) => (k.column === 'policy_year' ? k.value === policyYear : k.value === attainedAge));
      if (!matches) continue;
      if (best >= 0) {
        const a = compiled[best];
        throw new InputError(
          { file: options.file, row: a.sourceRow, column: a.keys.map((k) => k.column).join('+') },
          `one most specific ${indicator} assumption for ${describe(i, policyYear, attainedAge)}, but rows ${a.sourceRow} and ${r.sourceRow} both match it with ${r.keys.length} key${r.keys.length === 1 ? '' : 's'}`,
        );
      }
      best = slot;
    }
    if (best < 0) {
      throw new InputError(
        { file: policies.file, row: policies.source_row?.[i] ?? i + 2, column: 'policy_id' },
        `a ${indicator} assumption in ${options.file} that matches ${describe(i, policyYear, attainedAge)}`,
      );
    }
    return best;
  };

  const products = new Set(compiled.map((r) => r.keys.find((k) => k.column === 'product_code')?.value ?? null));
  return {
    indicator,
    rates: Float64Array.from(compiled, (r) => r.rate),
    sourceRows: Int32Array.from(compiled, (r) => r.sourceRow),
    dependsOnDuration,
    appliesTo: (code) => products.has(null) || products.has(code),
    slotOf(i, policyYear, attainedAge) {
      const cls = classOf[i];
      const key = dependsOnDuration ? (cls * 4096 + Math.min(policyYear, 4095)) * 256 + (Number.isNaN(attainedAge) ? 255 : Math.min(attainedAge, 254)) : cls;
      let slot = memo.get(key);
      if (slot === undefined) {
        slot = resolve(i, policyYear, attainedAge);
        memo.set(key, slot);
      }
      return slot;
    },
  };
}

/** Reads one fixed key column of the policies as a small integer code and as the value rows compare with. */
function fixedValueReader(policies: PolicyColumns, column: string): { radix: number; code(i: number): number; value(i: number): string | number | null } {
  if (column === 'product_code' || policies.attributes.has(column)) {
    const c = column === 'product_code' ? policies.product_code : policies.attributes.get(column)!;
    const trimmed = c.levels.map((l) => l.trim());
    return {
      radix: c.levels.length + 1,
      code: (i) => (c.codes[i] < 0 ? c.levels.length : c.codes[i]),
      value: (i) => (c.codes[i] < 0 ? null : trimmed[c.codes[i]]),
    };
  }
  // age_at_issue: whole years 0–120, 121 for unknown.
  const ages = policies.age_at_issue;
  return {
    radix: 122,
    code: (i) => (Number.isNaN(ages[i]) ? 121 : ages[i]),
    value: (i) => (Number.isNaN(ages[i]) ? null : ages[i]),
  };
}

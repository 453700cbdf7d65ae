import { InputError } from '../data/InputError';
import { isPersonalHeader } from '../data/personalHeaders';
import type { AssumptionRow } from '../data/rows';
import type { Indicator } from '../data/schema';

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

/** The values of a policy's fixed key columns, by column name (null when the policy has none). */
export type KeyValues = Readonly<Record<string, string | number | null>>;

/** The assumption that applies to a group of policies: its annual rate and the row it comes from. */
export interface AppliedRate {
  readonly rate: number;
  /** Spreadsheet row of the assumption row in the assumptions file. */
  readonly sourceRow: number;
}

/** The assumption rates of one indicator, matched to policies by their key values. */
export interface AssumptionRates {
  readonly indicator: Indicator;
  /** Fixed key columns some row uses (product_code, gender, age_at_issue, attribute columns), sorted. */
  readonly fixedColumns: readonly string[];
  /** Whether some row depends on the policy year or attained age (calendar periods then split at anniversaries). */
  readonly dependsOnDuration: boolean;
  /** Whether some row depends on the attained age (a study then needs each policy's age at issue; a table by policy year alone does not). */
  readonly dependsOnAttainedAge: boolean;
  /** Whether any row can apply to the product (a row for it, or one without product_code). */
  appliesTo(productCode: string): boolean;
  /**
   * The rate for policies with these fixed key values in policy year `policyYear` (1 = first) at
   * attained age `attainedAge` (NaN when unknown).
   * @throws UnmatchedAssumption when no row matches; InputError when two rows match equally.
   */
  rateFor(values: KeyValues, policyYear: number, attainedAge: number): AppliedRate;
}

/** No assumption row matches a group of policies: the study names the first such policy's row. */
export class UnmatchedAssumption extends Error {
  constructor(
    readonly indicator: Indicator,
    /** The fixed key values of the policies. */
    readonly values: KeyValues,
    /** What the policies look like, for the message (`product TRM01, policy year 3, gender M`). */
    readonly description: string,
  ) {
    super(`no ${indicator} assumption matches ${description}`);
    this.name = 'UnmatchedAssumption';
  }
}

export interface AssumptionRatesOptions {
  /** The assumptions file, named in errors. */
  readonly file: string;
  /** Attribute columns of the policies (a row's key in another column is descriptive and ignored). */
  readonly policyAttributes: readonly string[];
  /** Rates must lie in [0, 1) (decrement and incidence probabilities) unless false. */
  readonly probabilities?: boolean;
}

/**
 * Compiles the assumptions rows of one indicator into a rate lookup (DOMAIN.md, Input tables:
 * assumptions). A row's keys are its non-empty key cells: product_code, policy_year,
 * attained_age, age_at_issue, gender, and any attribute column that the policies also have
 * (channel, region, …); other attribute columns are descriptive and ignored.
 *
 * Tie rule: the matching row with the most keys wins. Two matching rows with the same, highest
 * number of keys are ambiguous, and the lookup throws an InputError naming both rows; policies
 * that no row matches raise UnmatchedAssumption. Attained age in policy year k is age at issue
 * + k − 1.
 *
 * @throws InputError for a rate outside [0, 1) when `probabilities` (the default), or a key in a
 * column whose header names personal data (`isPersonalHeader`: 投保人, holder_name…).
 * @example assumptionRates(rows, 'lapse', { file: 'assumptions.csv', policyAttributes: ['channel'] })
 *   .rateFor({ product_code: 'TRM01' }, 1, 40).rate // 0.05
 */
export function assumptionRates(rows: readonly AssumptionRow[], indicator: Indicator, options: AssumptionRatesOptions): AssumptionRates {
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
      if (value !== '' && isPersonalHeader(column)) {
        throw new InputError({ file: options.file, row: row.source_row, column }, 'assumption keys that hold no personal data (a rate keyed on a person would single them out)');
      }
      if (value !== '' && options.policyAttributes.includes(column)) keys.push({ column, value });
    }
    const duration = keys.filter((k) => k.column === 'policy_year' || k.column === 'attained_age');
    compiled.push({ sourceRow: row.source_row, rate, keys, duration, fixed: keys.filter((k) => !duration.includes(k)) });
  }
  const fixedColumns = [...new Set(compiled.flatMap((r) => r.fixed.map((k) => k.column)))].sort();
  const dependsOnDuration = compiled.some((r) => r.duration.length > 0);
  const dependsOnAttainedAge = compiled.some((r) => r.duration.some((k) => k.column === 'attained_age'));
  const products = new Set(compiled.map((r) => r.keys.find((k) => k.column === 'product_code')?.value ?? null));

  /** Rows whose fixed keys match, most keys first (memoised per distinct fixed values). */
  const candidates = new Map<string, readonly number[]>();
  const candidatesFor = (values: KeyValues): readonly number[] => {
    const memoKey = JSON.stringify(fixedColumns.map((c) => values[c] ?? null));
    let list = candidates.get(memoKey);
    if (!list) {
      list = compiled
        .map((r, slot) => ({ r, slot }))
        .filter(({ r }) => r.fixed.every((k) => (typeof k.value === 'string' ? String(values[k.column] ?? '').trim() === k.value : values[k.column] === k.value)))
        .sort((a, b) => b.r.keys.length - a.r.keys.length)
        .map(({ slot }) => slot);
      candidates.set(memoKey, list);
    }
    return list;
  };

  const describe = (values: KeyValues, policyYear: number, attainedAge: number): string => {
    const parts = [`product ${values.product_code ?? 'unknown'}`];
    if (dependsOnDuration) parts.push(`policy year ${policyYear}`);
    if (dependsOnAttainedAge) parts.push(`attained age ${Number.isNaN(attainedAge) ? 'unknown' : attainedAge}`);
    for (const column of fixedColumns) if (column !== 'product_code') parts.push(`${column} ${values[column] ?? 'empty'}`);
    return parts.join(', ');
  };

  return {
    indicator,
    fixedColumns,
    dependsOnDuration,
    dependsOnAttainedAge,
    appliesTo: (code) => products.has(null) || products.has(code),
    rateFor(values, policyYear, attainedAge) {
      let best = -1;
      for (const slot of candidatesFor(values)) {
        const r = compiled[slot];
        if (best >= 0 && r.keys.length < compiled[best].keys.length) break;
        const matches = r.duration.every((k) => (k.column === 'policy_year' ? k.value === policyYear : k.value === attainedAge));
        if (!matches) continue;
        if (best >= 0) {
          const a = compiled[best];
          throw new InputError(
            { file: options.file, row: a.sourceRow, column: a.keys.map((k) => k.column).join('+') },
            `one most specific ${indicator} assumption for policies of ${describe(values, policyYear, attainedAge)}, but rows ${a.sourceRow} and ${r.sourceRow} both match them with ${r.keys.length} key${r.keys.length === 1 ? '' : 's'}`,
          );
        }
        best = slot;
      }
      if (best < 0) throw new UnmatchedAssumption(indicator, values, describe(values, policyYear, attainedAge));
      return { rate: compiled[best].rate, sourceRow: compiled[best].sourceRow };
    },
  };
}

import { formatDay, NO_DAY } from '../../../src/data/dates';
import { InputError } from '../../../src/data/InputError';
import { EXIT_REASON_LEVELS, type PolicyColumns } from './policyColumns';
import type { ExitReason } from '../../../src/data/schema';
import { SILENT_PROGRESS, type Progress } from '../../../src/progress';
import { calendarGrid, type CalendarGrid } from '../../../src/exposure/calendarGrid';
import { anniversaryDay, dayToCivil } from '../../../src/exposure/civilDays';
import { calendarGrainOf, expectedPerExposure, type StudyBasis } from '../../../src/exposure/studyBasis';
import { ageBandLabel, DERIVED_DIMENSIONS, type ExposureCell, type ExposureStudy, sortCells } from '../../../src/exposure/exposureCell';

/*
 * The workbench's first exposure engine (typed arrays, one pass over the policies in JavaScript),
 * kept in the tests as an independent oracle for the SQL engine (src/exposure/experienceStudy.ts):
 * a different algorithm (a step per period or policy year for each policy) that must give the
 * same cells.
 */

/**
 * Which assumption rate applies to a policy in a policy year. Rates are numbered slots so
 * that the engine can keep exact integer exposure per slot and multiply by the rate once.
 */
export interface RateAssignment {
  /** Annual rate q of each slot. */
  readonly rates: Float64Array;
  /** Whether the slot depends on the policy year or attained age (calendar periods are then split at anniversaries). */
  readonly dependsOnDuration: boolean;
  /**
   * The slot of policy `i` in policy year `policyYear` (1 = first) at attained age `attainedAge`
   * (NaN when the age is unknown).
   * @throws InputError naming the policy when no assumption row applies to it.
   */
  slotOf(i: number, policyYear: number, attainedAge: number): number;
}

/** Claims as events: the policy each belongs to, its incident date and amount. */
export interface ClaimEvents {
  readonly file: string;
  readonly length: number;
  /** Index of the claim's policy in the PolicyColumns. */
  readonly policyIndex: Int32Array;
  readonly incidentDate: Int32Array;
  /** Paid amount plus any open case reserve, in cents. */
  readonly amountCents: Float64Array;
  readonly sourceRow: Int32Array;
}

export interface ExposureStudyOptions {
  readonly basis: StudyBasis;
  /** Study end date (inclusive), a day number. */
  readonly asOf: number;
  /**
   * Study start date (inclusive). Calendar bases count days from it; the policy-year basis keeps
   * the policy years that start on or after it (the convention of actxps' `expose()`). Default:
   * the earliest issue date.
   */
  readonly from?: number;
  /** Exit reasons studied: they are counted, and on the policy-year basis their year is exposed in full. */
  readonly decrements: readonly ExitReason[];
  /** Grouping columns besides the product: attribute columns, `policy_year`, `attained_age`, `age_at_issue`. */
  readonly by?: readonly string[];
  /** Width of the attained-age and issue-age bands in years (default 5; 1 gives single ages). */
  readonly ageBandWidth?: number;
  /** The assumption rates; when absent the cells have no expected count. */
  readonly rates?: RateAssignment;
  /** When given, the actual counts are these claims (incidence) instead of the studied exits. */
  readonly claims?: ClaimEvents;
  /** Product codes to study; all when absent. */
  readonly products?: ReadonlySet<string>;
  readonly progress?: Progress;
}

/** Growable accumulators, one entry per (cell, rate slot). Integers only, so sums are exact and order-free. */
class Accumulators {
  size = 0;
  keys = new Float64Array(64);
  /** Calendar bases: days in force. Policy-year basis: days in force within 365-day policy years. */
  days = new Float64Array(64);
  /** Policy-year basis: days in force within 366-day policy years. */
  days366 = new Float64Array(64);
  /** Policy-year basis: whole years (complete years and years ended by a studied decrement). */
  full = new Float64Array(64);
  count = new Float64Array(64);
  cents = new Float64Array(64);

  add(key: number): number {
    if (this.size === this.keys.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.keys = grow(this.keys);
      this.days = grow(this.days);
      this.days366 = grow(this.days366);
      this.full = grow(this.full);
      this.count = grow(this.count);
      this.cents = grow(this.cents);
    }
    this.keys[this.size] = key;
    return this.size++;
  }
}

/** Key spaces up to this size are indexed by dense tables rather than a Map. */
const DENSE_KEYS = 1 << 21;

/** Maps composite keys to accumulator slots: a dense table when the key space is small, else a Map. */
class SlotIndex {
  private readonly dense: Int32Array | null;
  private readonly sparse = new Map<number, number>();

  constructor(
    keySpace: number,
    private readonly acc: Accumulators,
  ) {
    this.dense = keySpace <= DENSE_KEYS ? new Int32Array(keySpace).fill(-1) : null;
  }

  slot(key: number): number {
    if (this.dense) {
      let s = this.dense[key];
      if (s < 0) {
        s = this.acc.add(key);
        this.dense[key] = s;
      }
      return s;
    }
    let s = this.sparse.get(key);
    if (s === undefined) {
      s = this.acc.add(key);
      this.sparse.set(key, s);
    }
    return s;
  }
}

interface Dimension {
  readonly name: string;
  readonly radix: number;
  /** Label of each value index. */
  label(index: number): string | number | null;
}

/**
 * Computes exposure and decrement (or claim) counts of a policy book, grouped by product,
 * period or policy year and any grouping columns (DOMAIN.md, Exposure conventions):
 *
 * - calendar bases (central exposure): days in force within the period ÷ days in that calendar year;
 * - policy-year basis (initial exposure): days in force within policy year k ÷ days in that policy
 *   year (365 or 366), except that a policy leaving by a studied decrement gets the whole year (1.0);
 * - days count the issue date and the exit date; the as-of date is inclusive; anniversaries of
 *   29 February fall on 28 February in common years;
 * - attained age in policy year k = age at issue + k − 1.
 *
 * Exposure is kept as exact integer day counts per cell and rate slot, so results do not depend
 * on the order of the policies; expected counts are exposure × (−ln(1 − q)) on calendar bases
 * and exposure × q on the policy-year basis.
 *
 * @throws InputError for a grouping column the policies do not have, a claim whose incident date
 * lies outside its policy's cover, or (from `rates`) a policy with no assumption.
 * @example exposureStudy(policies, { basis: 'policy-year', asOf: dayOf(2019, 12, 31), decrements: ['surrender'] })
 */
export function exposureStudy(policies: PolicyColumns, options: ExposureStudyOptions): ExposureStudy {
  const { basis, asOf, decrements } = options;
  const by = options.by ?? [];
  const width = options.ageBandWidth ?? 5;
  const progress = options.progress ?? SILENT_PROGRESS;
  const n = policies.length;
  const issue = policies.issue_date;
  const exit = policies.exit_date;
  const reason = policies.exit_reason;
  const age = policies.age_at_issue;
  const grain = calendarGrainOf(basis);

  let minIssue = asOf;
  for (let i = 0; i < n; i++) if (issue[i] < minIssue) minIssue = issue[i];
  const from = options.from ?? minIssue;
  const maxYears = Math.max(1, Math.floor((asOf - Math.min(minIssue, from)) / 365) + 2);

  const studied = new Uint8Array(EXIT_REASON_LEVELS.length);
  for (const d of decrements) studied[EXIT_REASON_LEVELS.indexOf(d)] = 1;
  const productLevels = policies.product_code.levels;
  const inScope = Uint8Array.from(productLevels, (code) => (options.products === undefined || options.products.has(code) ? 1 : 0));

  // Dimensions in key order: product, grouping columns, then the period or policy year.
  const ageRadix = Math.floor(130 / width) + 2;
  const dims: Dimension[] = [{ name: 'product_code', radix: productLevels.length, label: (k) => productLevels[k] }];
  const attributeCodes: (Int32Array | null)[] = [];
  let groupsByDuration = false;
  for (const name of by) {
    if (name === 'policy_year') {
      if (basis === 'policy-year') throw new InputError({ argument: '--by' }, 'grouping columns other than policy_year on the policy-year basis (it is already by policy year)', name);
      dims.push({ name, radix: maxYears + 1, label: (k) => k });
      attributeCodes.push(null);
      groupsByDuration = true;
    } else if (name === 'attained_age' || name === 'age_at_issue') {
      dims.push({ name, radix: ageRadix, label: (k) => (k === ageRadix - 1 ? null : ageBandLabel(k, width)) });
      attributeCodes.push(null);
      if (name === 'attained_age') groupsByDuration = true;
    } else {
      const column = policies.attributes.get(name);
      if (!column) {
        const known = [...DERIVED_DIMENSIONS, ...policies.attributes.keys()].join(', ');
        throw new InputError({ argument: '--by', file: policies.file }, `a policy column to group by (one of ${known})`, name);
      }
      const levels = column.levels;
      dims.push({ name, radix: levels.length + 1, label: (k) => (k === levels.length ? null : levels[k]) });
      attributeCodes.push(column.codes);
    }
  }
  const grid: CalendarGrid | null = grain ? calendarGrid(grain, Math.min(from, asOf), asOf) : null;
  const timeRadix = grid ? grid.labels.length : maxYears + 1;
  const rates = options.rates;
  const rateRadix = rates ? rates.rates.length : 1;
  let keySpace = timeRadix * rateRadix;
  for (const d of dims) keySpace *= d.radix;
  if (!Number.isSafeInteger(keySpace)) throw new InputError({ argument: '--by' }, 'fewer grouping columns (the groups are too many to count)');

  const acc = new Accumulators();
  const index = new SlotIndex(keySpace, acc);
  const splitAtAnniversaries = grid !== null && (groupsByDuration || (rates?.dependsOnDuration ?? false));
  const byDims = dims.slice(1);
  const civil = new Int32Array(3);

  /** The key of a policy's cell before its time and rate parts (policy year k matters only for duration columns). */
  const cellKey = (i: number, k: number): number => {
    let key = policies.product_code.codes[i];
    for (let j = 0; j < byDims.length; j++) {
      const dim = byDims[j];
      const codes = attributeCodes[j];
      let v: number;
      if (codes) v = codes[i] < 0 ? dim.radix - 1 : codes[i];
      else if (dim.name === 'policy_year') v = k;
      else {
        const a = dim.name === 'attained_age' ? age[i] + k - 1 : age[i];
        v = Number.isNaN(a) ? ageRadix - 1 : Math.min(Math.floor(a / width), ageRadix - 2);
      }
      key = key * dim.radix + v;
    }
    return key;
  };
  const rateSlot = (i: number, k: number): number => (rates ? rates.slotOf(i, k, age[i] + k - 1) : 0);

  // Calendar bases without anniversary splits, when the key space is small enough to hold densely:
  // a difference array over the periods counts the policies in force for whole periods, so a
  // policy costs O(1) instead of one step per period; addWholePeriods turns it into days.
  const wholePeriods = grid && !splitAtAnniversaries && keySpace <= DENSE_KEYS ? new Int32Array(keySpace) : null;

  progress.start('Exposure', n);
  const tickEvery = 1 << 20;
  for (let i = 0; i < n; i++) {
    if ((i & (tickEvery - 1)) === tickEvery - 1) progress.tick(tickEvery);
    const product = policies.product_code.codes[i];
    if (product < 0 || inScope[product] === 0) continue;
    const iss = issue[i];
    const ex = exit[i];
    const end = ex === NO_DAY || ex > asOf ? asOf : ex;
    const exits = ex !== NO_DAY && ex <= asOf && reason[i] >= 0 && studied[reason[i]] === 1 && !options.claims;
    if (grid) {
      const s = iss > from ? iss : from;
      if (end < s) continue;
      const first = grid.firstDay;
      if (!splitAtAnniversaries) {
        const base = cellKey(i, 1) * timeRadix;
        const r = rateSlot(i, 1);
        const pFirst = grid.periodOfDay[s - first];
        const pLast = grid.periodOfDay[end - first];
        for (let p = pFirst; p <= pLast; p++) {
          if (wholePeriods && p > pFirst && p < pLast) {
            // The periods strictly inside are in force throughout: one mark at each end of the run.
            wholePeriods[(base + p) * rateRadix + r] += 1;
            wholePeriods[(base + pLast) * rateRadix + r] -= 1;
            p = pLast - 1;
            continue;
          }
          const lo = grid.start[p] > s ? grid.start[p] : s;
          const hi = grid.end[p] < end ? grid.end[p] : end;
          // Slot first: index.slot() may grow (replace) the accumulator arrays.
          const slot = index.slot((base + p) * rateRadix + r);
          acc.days[slot] += hi - lo + 1;
        }
        if (exits && ex >= s) {
          const slot = index.slot((base + grid.periodOfDay[ex - first]) * rateRadix + r);
          acc.count[slot] += 1;
        }
        continue;
      }
      dayToCivil(iss, civil);
      const y = civil[0];
      const m = civil[1];
      const d = civil[2];
      let k = Math.max(1, Math.floor((s - iss) / 366));
      while (anniversaryDay(y, m, d, k) <= s) k++;
      let nextAnniversary = anniversaryDay(y, m, d, k);
      for (let t = s; t <= end; ) {
        const p = grid.periodOfDay[t - first];
        let hi = grid.end[p] < end ? grid.end[p] : end;
        if (nextAnniversary - 1 < hi) hi = nextAnniversary - 1;
        const key = ((cellKey(i, k) * timeRadix + p) * rateRadix + rateSlot(i, k));
        const slot = index.slot(key);
        acc.days[slot] += hi - t + 1;
        if (exits && ex >= t && ex <= hi) acc.count[slot] += 1;
        t = hi + 1;
        if (t === nextAnniversary) {
          k++;
          nextAnniversary = anniversaryDay(y, m, d, k);
        }
      }
      continue;
    }
    // Policy-year basis: policy years that start within [from, asOf].
    dayToCivil(iss, civil);
    const y = civil[0];
    const m = civil[1];
    const d = civil[2];
    let k = 1;
    if (from > iss) {
      k = Math.max(1, Math.floor((from - iss) / 366));
      while (anniversaryDay(y, m, d, k - 1) < from) k++;
    }
    for (let yearStart = anniversaryDay(y, m, d, k - 1); yearStart <= end; k++) {
      const nextStart = anniversaryDay(y, m, d, k);
      const yearEnd = nextStart - 1;
      const slot = index.slot((cellKey(i, k) * timeRadix + k) * rateRadix + rateSlot(i, k));
      if (exits && ex >= yearStart && ex <= yearEnd) {
        acc.full[slot] += 1;
        acc.count[slot] += 1;
        break;
      }
      const inForce = (yearEnd < end ? yearEnd : end) - yearStart + 1;
      const length = nextStart - yearStart;
      if (inForce === length) acc.full[slot] += 1;
      else if (length === 365) acc.days[slot] += inForce;
      else acc.days366[slot] += inForce;
      yearStart = nextStart;
    }
  }
  if (wholePeriods && grid) addWholePeriods(wholePeriods, grid, timeRadix, rateRadix, index, acc);
  progress.stop();

  if (options.claims) countClaims(options.claims, policies, { asOf, from, grid, timeRadix, rateRadix, inScope, cellKey, rateSlot, index, acc, splitAtAnniversaries, basis });

  return {
    basis,
    asOf: formatDay(asOf),
    from: formatDay(from),
    by,
    cells: buildCells(acc, { basis, dims, grid, timeRadix, rateRadix, rates, claims: options.claims !== undefined }),
  };
}

/**
 * Adds the whole periods marked in a difference array to the accumulators as days: along each
 * cell's periods the running sum of the marks is the number of policies in force throughout the
 * period, each contributing the period's length in days.
 */
function addWholePeriods(marks: Int32Array, grid: CalendarGrid, timeRadix: number, rateRadix: number, index: SlotIndex, acc: Accumulators): void {
  const stride = timeRadix * rateRadix;
  for (let cell = 0; cell < marks.length; cell += stride) {
    for (let r = 0; r < rateRadix; r++) {
      let inForce = 0;
      for (let p = 0; p < timeRadix; p++) {
        const key = cell + p * rateRadix + r;
        inForce += marks[key];
        if (inForce === 0) continue;
        // Slot first: index.slot() may grow (replace) the accumulator arrays.
        const slot = index.slot(key);
        acc.days[slot] += inForce * (grid.end[p] - grid.start[p] + 1);
      }
    }
  }
}

interface ClaimContext {
  readonly asOf: number;
  readonly from: number;
  readonly grid: CalendarGrid | null;
  readonly timeRadix: number;
  readonly rateRadix: number;
  readonly inScope: Uint8Array;
  readonly cellKey: (i: number, k: number) => number;
  readonly rateSlot: (i: number, k: number) => number;
  readonly index: SlotIndex;
  readonly acc: Accumulators;
  readonly splitAtAnniversaries: boolean;
  readonly basis: StudyBasis;
}

/** Adds each claim to the cell of its incident date (policy-year basis: the policy year containing it). */
function countClaims(claims: ClaimEvents, policies: PolicyColumns, c: ClaimContext): void {
  const civil = new Int32Array(3);
  for (let j = 0; j < claims.length; j++) {
    const i = claims.policyIndex[j];
    const product = policies.product_code.codes[i];
    if (product < 0 || c.inScope[product] === 0) continue;
    const t = claims.incidentDate[j];
    const iss = policies.issue_date[i];
    const ex = policies.exit_date[i];
    if (t < iss || (ex !== NO_DAY && t > ex)) {
      const cover = `${formatDay(iss)} to ${ex === NO_DAY ? 'now' : formatDay(ex)}`;
      throw new InputError(
        { file: claims.file, row: claims.sourceRow[j], column: 'incident_date' },
        `an incident date within the cover of policy ${policies.policy_id?.[i] ?? `row ${policies.source_row?.[i] ?? i + 2}`} (${cover})`,
        formatDay(t),
      );
    }
    if (t > c.asOf || t < c.from) continue;
    let k = 1;
    if (c.basis === 'policy-year' || c.splitAtAnniversaries) {
      dayToCivil(iss, civil);
      k = Math.max(1, Math.floor((t - iss) / 366));
      while (anniversaryDay(civil[0], civil[1], civil[2], k) <= t) k++;
      if (c.basis === 'policy-year' && anniversaryDay(civil[0], civil[1], civil[2], k - 1) < c.from) continue;
    }
    const time = c.grid ? c.grid.periodOfDay[t - c.grid.firstDay] : k;
    const slot = c.index.slot((c.cellKey(i, k) * c.timeRadix + time) * c.rateRadix + c.rateSlot(i, k));
    c.acc.count[slot] += 1;
    c.acc.cents[slot] += claims.amountCents[j];
  }
}

interface CellContext {
  readonly basis: StudyBasis;
  readonly dims: readonly Dimension[];
  readonly grid: CalendarGrid | null;
  readonly timeRadix: number;
  readonly rateRadix: number;
  readonly rates: RateAssignment | undefined;
  readonly claims: boolean;
}

/** Turns accumulators into sorted cells: exposure from exact day counts, expected summed over rate slots in key order. */
function buildCells(acc: Accumulators, c: CellContext): ExposureCell[] {
  const order = Array.from({ length: acc.size }, (_, s) => s).sort((a, b) => acc.keys[a] - acc.keys[b]);
  const cells: ExposureCell[] = [];
  let current: { key: number; exposure: number; actual: number; cents: number; expected: number } | null = null;
  const flush = () => {
    if (!current) return;
    let rest = current.key;
    const time = rest % c.timeRadix;
    rest = Math.floor(rest / c.timeRadix);
    const values: (string | number | null)[] = [];
    for (let d = c.dims.length - 1; d >= 0; d--) {
      values[d] = c.dims[d].label(rest % c.dims[d].radix);
      rest = Math.floor(rest / c.dims[d].radix);
    }
    const byValues: Record<string, string | number | null> = {};
    for (let d = 1; d < c.dims.length; d++) byValues[c.dims[d].name] = values[d];
    cells.push({
      product_code: values[0] as string,
      period: c.grid ? c.grid.labels[time] : null,
      policy_year: c.grid ? null : time,
      by: byValues,
      exposure: current.exposure,
      actual: current.actual,
      claim_amount: c.claims ? current.cents / 100 : null,
      expected: c.rates ? current.expected : null,
    });
    current = null;
  };
  for (const s of order) {
    const key = acc.keys[s];
    const cellKey = Math.floor(key / c.rateRadix);
    const rate = key - cellKey * c.rateRadix;
    if (current && current.key !== cellKey) flush();
    current ??= { key: cellKey, exposure: 0, actual: 0, cents: 0, expected: 0 };
    const time = cellKey % c.timeRadix;
    const exposure = c.grid ? acc.days[s] / c.grid.yearDays[time] : acc.full[s] + acc.days[s] / 365 + acc.days366[s] / 366;
    current.exposure += exposure;
    current.actual += acc.count[s];
    current.cents += acc.cents[s];
    if (c.rates) current.expected += exposure * expectedPerExposure(c.basis, c.rates.rates[rate]);
  }
  flush();
  return sortCells(cells);
}

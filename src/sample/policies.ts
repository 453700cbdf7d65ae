import { addMonths, addYears, dayOf, type DayNumber, daysInYear, formatDay, parseDayText, ymdOf } from '../data/dates';
import { periodEnd, quarterOfDay } from '../data/period';
import type { ExitReason } from '../data/schema';
import type { TableRow } from '../evidence/csv';
import { asCents, type Cents, formatCents } from '../money/cents';
import type { Progress } from '../progress';
import { type LongTermProduct, PRODUCTS, REGIONS, type SampleProduct, type ShortTermProduct, STUDY_END, YEARS } from './company';
import { lapseDriftMultiplier } from './plantedFindings';
import { deathRate, exitRate, incidenceRate } from './pricingBasis';
import type { RandomSource } from './random';

/** One simulated policy, before it is numbered. */
export interface SamplePolicy {
  /** Policy number, given once the book is sorted by issue date. */
  id: string;
  readonly product: SampleProduct;
  readonly issue: DayNumber;
  readonly exit: DayNumber | null;
  readonly exitReason: ExitReason | null;
  /** Annual premium (regular) or the single premium, in fen. */
  readonly premium: Cents;
  readonly sumAssured: Cents;
  readonly age: number;
  readonly gender: 'M' | 'F';
  readonly channel: string;
  readonly region: string;
}

/** An insured event of a long-term policy that pays a claim (death or incidence). */
export interface LongTermEvent {
  readonly policy: SamplePolicy;
  readonly day: DayNumber;
  readonly kind: 'death' | 'incidence';
  /** Policy year in which it happened (1 = first). */
  readonly policyYear: number;
}

/** The simulated book: every policy and the insured events of the long-term ones. */
export interface SampleBook {
  readonly policies: readonly SamplePolicy[];
  readonly events: readonly LongTermEvent[];
}

const STUDY_END_DAY = parseDayText(STUDY_END)!;
/** Cooling-off period (犹豫期) in days: a cancellation happens within it. */
const COOLING_OFF_DAYS = 15;

/**
 * Policies issued per product and year when the book holds `total` policies: the catalogue's
 * volumes scaled, rounded by largest remainder so that they add up to `total` exactly.
 * @example scaledVolumes(200_000) // Map { 'ACC01' => [4929, 6407, …], … } summing to 200000
 */
export function scaledVolumes(total: number): Map<string, number[]> {
  const cells: { code: string; year: number; exact: number; count: number }[] = [];
  const base = PRODUCTS.reduce((sum, p) => sum + p.volumes.reduce((a, b) => a + b, 0), 0);
  for (const p of PRODUCTS) {
    p.volumes.forEach((v, i) => {
      const exact = (v * total) / base;
      cells.push({ code: p.code, year: i, exact, count: Math.floor(exact) });
    });
  }
  let missing = total - cells.reduce((sum, c) => sum + c.count, 0);
  const byRemainder = cells.map((c, i) => i).sort((a, b) => cells[b].exact - cells[b].count - (cells[a].exact - cells[a].count) || a - b);
  for (const i of byRemainder) {
    if (missing <= 0) break;
    cells[i].count++;
    missing--;
  }
  const out = new Map<string, number[]>();
  for (const c of cells) {
    if (!out.has(c.code)) out.set(c.code, []);
    out.get(c.code)!.push(c.count);
  }
  return out;
}

/** A whole age from a triangular distribution (youngest, most common, oldest). */
function drawAge(random: RandomSource, [low, mode, high]: readonly [number, number, number]): number {
  const u = random.uniform();
  const cut = (mode - low) / (high - low);
  const x = u < cut ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
  return Math.min(high, Math.floor(x));
}

const toCents = (yuan: number) => asCents(Math.round(yuan * 100));

/**
 * Per-day lookups over 2021–2025 (quarter end, days in the year, quarters since 2024Q1), built
 * once so that the decrement loop, which visits about 1.3 million policy-quarter pieces, needs
 * no Date objects.
 */
const FIRST_DAY = dayOf(YEARS[0], 1, 1);
const CALENDAR = (() => {
  const days = STUDY_END_DAY - FIRST_DAY + 1;
  const quarterEnd = new Int32Array(days);
  const perDay = new Float64Array(days);
  const sinceDrift = new Int32Array(days);
  for (let i = 0; i < days; i++) {
    const day = FIRST_DAY + i;
    const { year, month } = ymdOf(day);
    quarterEnd[i] = periodEnd(quarterOfDay(day));
    perDay[i] = 1 / daysInYear(year);
    sinceDrift[i] = (year - 2024) * 4 + Math.floor((month - 1) / 3);
  }
  return { quarterEnd, perDay, sinceDrift };
})();

interface Life {
  readonly exit: DayNumber | null;
  readonly exitReason: ExitReason | null;
}

/** A short-term policy ends at the end of its term (maturity) unless cancelled in the cooling-off period. */
function shortTermLife(random: RandomSource, product: ShortTermProduct, issue: DayNumber): Life {
  if (random.bernoulli(product.cancel_rate)) {
    const day = (issue + random.int(0, COOLING_OFF_DAYS - 1)) as DayNumber;
    return day <= STUDY_END_DAY ? { exit: day, exitReason: 'cancel' } : { exit: null, exitReason: null };
  }
  const termEnd = (addMonths(issue, product.term_months) - 1) as DayNumber;
  return termEnd <= STUDY_END_DAY ? { exit: termEnd, exitReason: 'maturity' } : { exit: null, exitReason: null };
}

/**
 * A long-term policy's life: competing decrements (death, the lapse or surrender studied for
 * the product, and incidence when a claim ends the cover) with constant forces −ln(1 − q) per
 * year within each piece of a policy year that lies in one calendar quarter, so that expected
 * counts on DOMAIN.md's calendar basis (central exposure × −ln(1 − q)) match the simulation.
 * Incidence that does not end the cover is recorded as events along the way.
 */
function longTermLife(
  random: RandomSource,
  product: LongTermProduct,
  policy: Omit<SamplePolicy, 'exit' | 'exitReason' | 'id'>,
  events: (Omit<LongTermEvent, 'policy'>)[],
): Life {
  const issue = policy.issue;
  if (random.bernoulli(product.cancel_rate)) {
    const day = (issue + random.int(0, COOLING_OFF_DAYS - 1)) as DayNumber;
    return day <= STUDY_END_DAY ? { exit: day, exitReason: 'cancel' } : { exit: null, exitReason: null };
  }
  const termEnd = (addMonths(issue, product.term_months) - 1) as DayNumber;
  const end = Math.min(termEnd, STUDY_END_DAY);
  const incidenceEndsCover = product.incidence.kind === 'age';
  let day = issue as number;
  let policyYear = 1;
  let anniversary = addYears(issue, 1) as number;
  while (day <= end) {
    const at = day - FIRST_DAY;
    const segmentEnd = Math.min(anniversary - 1, CALENDAR.quarterEnd[at], end);
    const days = segmentEnd - day + 1;
    const perDay = CALENDAR.perDay[at];
    const attained = policy.age + policyYear - 1;
    const death = -Math.log(1 - deathRate(policy.gender, attained)) * perDay;
    const multiplier = lapseDriftMultiplier(product.code, policy.channel, policyYear, CALENDAR.sinceDrift[at]);
    const exit = -Math.log(1 - exitRate(product, policyYear)) * multiplier * perDay;
    const incidence = -Math.log(1 - incidenceRate(product, attained)) * perDay;
    const ending = death + exit + (incidenceEndsCover ? incidence : 0);
    const found: number[] = [];
    if (!incidenceEndsCover && incidence > 0) {
      const count = random.poisson(incidence * days);
      for (let k = 0; k < count; k++) found.push(day + Math.floor(random.uniform() * days));
      found.sort((a, b) => a - b);
    }
    const wait = random.exponential(1 / ending);
    const exitDay = wait < days ? day + Math.floor(wait) : Infinity;
    // Claims that leave the cover in force happen only while it lasts.
    for (const d of found) if (d <= exitDay) events.push({ day: d as DayNumber, kind: 'incidence', policyYear });
    if (exitDay !== Infinity) {
      const u = random.uniform() * ending;
      if (u < death) {
        if (product.death_benefit !== 'none') events.push({ day: exitDay as DayNumber, kind: 'death', policyYear });
        return { exit: exitDay as DayNumber, exitReason: 'death' };
      }
      if (u < death + exit) return { exit: exitDay as DayNumber, exitReason: product.exit.indicator };
      events.push({ day: exitDay as DayNumber, kind: 'incidence', policyYear });
      return { exit: exitDay as DayNumber, exitReason: 'claim' };
    }
    day = segmentEnd + 1;
    if (day === anniversary) {
      policyYear++;
      anniversary = addYears(issue, policyYear);
    }
  }
  return termEnd <= STUDY_END_DAY ? { exit: termEnd, exitReason: 'maturity' } : { exit: null, exitReason: null };
}

/** Premium of a new policy in yuan. */
function premiumYuan(product: SampleProduct, sumAssured: number, plan: number | null, age: number, gender: 'M' | 'F'): number {
  if (product.kind === 'short') return product.plans[plan!].premium * Math.exp(product.age_slope * (age - 40));
  const sex = gender === 'F' ? product.female_factor : 1;
  return (sumAssured / 1000) * product.rate_per_thousand * Math.exp(product.age_slope * (age - 40)) * sex;
}

/**
 * Simulates the sample company's book: `total` policies issued 2021–2025 across the catalogue
 * (each product's yearly volume, issue days uniform within the year from launch), with their
 * attributes, premiums, exits up to the study end and the insured events of long-term policies.
 * Policies are numbered HT00000001… in order of issue date (then catalogue order).
 *
 * @param random the 'policies' stream
 * @param total number of policies (the catalogue's volumes are scaled to it)
 * @example simulateBook(new RandomSource(1, 'policies'), 1000, SILENT_PROGRESS).policies.length // 1000
 */
export function simulateBook(random: RandomSource, total: number, progress: Progress): SampleBook {
  const volumes = scaledVolumes(total);
  const policies: SamplePolicy[] = [];
  const events: LongTermEvent[] = [];
  progress.start('Generating policies', total);
  for (const product of PRODUCTS) {
    const launch = parseDayText(product.launch_date)!;
    YEARS.forEach((year, y) => {
      const first = Math.max(dayOf(year, 1, 1), launch);
      const last = dayOf(year, 12, 31);
      for (let n = 0; n < volumes.get(product.code)![y]; n++) {
        const issue = random.int(first, last) as DayNumber;
        const age = drawAge(random, product.ages);
        const gender = random.bernoulli(product.female_share) ? 'F' : 'M';
        const channel = random.pick(product.channels);
        const region = random.pick(REGIONS);
        let plan: number | null = null;
        let sumAssured: number;
        if (product.kind === 'short') {
          plan = random.pick(product.plans.map((p, i) => [i, p.weight] as const));
          sumAssured = product.plans[plan].sum_assured;
        } else {
          sumAssured = random.pick(product.sums_assured);
        }
        const base = { product, issue, premium: toCents(premiumYuan(product, sumAssured, plan, age, gender)), sumAssured: toCents(sumAssured), age, gender, channel, region } as const;
        const own: Omit<LongTermEvent, 'policy'>[] = [];
        const life = product.kind === 'short' ? shortTermLife(random, product, issue) : longTermLife(random, product, base, own);
        const policy: SamplePolicy = { id: '', ...base, ...life };
        policies.push(policy);
        for (const e of own) events.push({ policy, ...e });
        if (policies.length % 1000 === 0) progress.tick(1000);
      }
    });
  }
  progress.tick(policies.length % 1000);
  progress.stop();
  const order = policies.map((p, i) => i).sort((a, b) => policies[a].issue - policies[b].issue || a - b);
  const sorted = order.map((i, n) => {
    policies[i].id = `HT${String(n + 1).padStart(8, '0')}`;
    return policies[i];
  });
  return { policies: sorted, events };
}

/**
 * Rows of policies.csv, in policy-number order; exit columns are empty while in force.
 * @example policyRows(book.policies)[0] // { policy_id: 'HT00000001', product_code: 'ACC01', issue_date: '2021-01-01', exit_date: '2021-12-31', exit_reason: 'maturity', premium: '180.00', … }
 */
export function policyRows(policies: readonly SamplePolicy[]): TableRow[] {
  return policies.map((p) => ({
    policy_id: p.id,
    product_code: p.product.code,
    issue_date: formatDay(p.issue),
    exit_date: p.exit === null ? null : formatDay(p.exit),
    exit_reason: p.exitReason,
    premium: formatCents(p.premium),
    sum_assured: formatCents(p.sumAssured),
    age_at_issue: p.age,
    gender: p.gender,
    channel: p.channel,
    region: p.region,
  }));
}

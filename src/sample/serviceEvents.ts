import { type DayNumber, dayOf, formatDay, parseDayText } from '../data/dates';
import type { ServiceEventType } from '../data/schema';
import type { TableRow } from '../evidence/csv';
import { isWorkingDay, loadWorkingCalendar, type WorkingCalendar } from '../service/workingCalendar';
import { REGIONS } from './company';
import { SERVICE_HOLIDAY_LAPSES, SURRENDER_LAPSES } from './plantedFindings';
import type { SamplePolicy } from './policies';
import type { RandomSource } from './random';

/** The provincial branch of each region (one per region, S3 art. 9's second level). */
export const BRANCHES: Readonly<Record<string, string>> = {
  华东: '上海分公司',
  华北: '北京分公司',
  华南: '广东分公司',
  华中: '湖北分公司',
  西南: '四川分公司',
  西北: '陕西分公司',
  东北: '辽宁分公司',
};

/** The year of service events. */
const YEAR = 2025;

/**
 * Events a year handled by staff (all but e-policy delivery, which is one per internet policy
 * issued), their S1 §6 limit in working days, the share of complex cases, and the share served
 * offline (outside S1's online standards).
 */
const STAFFED: readonly { type: ServiceEventType; perYear: number; limit: number; complex: number; offline: number }[] = [
  { type: 'underwriting_notice', perYear: 900, limit: 1, complex: 0, offline: 0 },
  { type: 'policy_service', perYear: 7000, limit: 2, complex: 0, offline: 0.03 },
  { type: 'claim_guidance', perYear: 2600, limit: 1, complex: 0, offline: 0 },
  { type: 'claim_papers_notice', perYear: 1100, limit: 2, complex: 0, offline: 0 },
  { type: 'claim_decision', perYear: 2600, limit: 5, complex: 0.08, offline: 0 },
  { type: 'claim_decision_notice', perYear: 2600, limit: 1, complex: 0, offline: 0 },
  { type: 'surrender_decision', perYear: 5000, limit: 1, complex: 0.05, offline: 0.03 },
  { type: 'complaint_contact', perYear: 150, limit: 1, complex: 0, offline: 0 },
];

const CONSULTATIONS_PER_YEAR = 16000;
const CONNECTION_RATE = 0.975;
/** How much less is received on a day that is not a working day. */
const NON_WORKING_DAY_WEIGHT = 0.3;

/** Share of requests done after 0, 1, … working days (the last entry: on the limit's last day). */
const TAKEN: Readonly<Record<number, readonly number[]>> = {
  1: [0.55, 0.45],
  2: [0.35, 0.4, 0.25],
  5: [0.1, 0.2, 0.25, 0.2, 0.15, 0.1],
};

interface DraftEvent {
  readonly type: ServiceEventType;
  readonly received: DayNumber;
  readonly receivedMinute: number;
  readonly completed: DayNumber | null;
  readonly completedMinute: number;
  readonly channel: 'online' | 'offline';
  readonly complex: boolean | null;
  readonly connected: boolean | null;
  readonly product: string | null;
  readonly region: string;
  /** Order of drawing, the last tie-breaker of the numbering. */
  readonly draw: number;
}

function pick<T>(random: RandomSource, items: readonly (readonly [T, number])[]): T {
  const u = random.uniform() * items.reduce((s, [, w]) => s + w, 0);
  let cumulative = 0;
  for (const [item, w] of items) {
    cumulative += w;
    if (u < cumulative) return item;
  }
  return items[items.length - 1][0];
}

function timeText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The days the service staff worked: the official working days less the adjusted weekends they skipped. */
function rosterDay(calendar: WorkingCalendar, skipped: ReadonlySet<number>, day: number): boolean {
  return isWorkingDay(calendar, day) && !skipped.has(day);
}

/** The k-th day worked after `from` (k ≥ 1), or `from` itself for k = 0. */
function afterRosterDays(calendar: WorkingCalendar, skipped: ReadonlySet<number>, from: DayNumber, k: number): DayNumber {
  let day = from;
  for (let n = 0; n < k; ) {
    day++;
    if (rosterDay(calendar, skipped, day)) n++;
  }
  return day as DayNumber;
}

function inWindow(day: number, windows: readonly (readonly [string, string])[]): boolean {
  return windows.some(([a, b]) => day >= parseDayText(a)! && day <= parseDayText(b)!);
}

/**
 * The sample company's service events of 2025 (S1 §6), with the planted lapses of
 * `SERVICE_HOLIDAY_LAPSES` and `SURRENDER_LAPSES`: one e-policy delivery per internet policy
 * issued in 2025 (received = the issue date, in the policy's region), and requests, notices,
 * decisions, complaints and consultations drawn for the year, fewer on days that are not working
 * days. Staff complete a request after a number of days worked within its limit; the branch of an
 * event is its region's. Times are China time. Drawn from its own random stream.
 * @example serviceEventRows(new RandomSource(20251231, 'service'), book.policies).length // about 83,000
 */
export function serviceEventRows(random: RandomSource, policies: readonly SamplePolicy[]): TableRow[] {
  const calendar = loadWorkingCalendar();
  const skipped = new Set<number>(SERVICE_HOLIDAY_LAPSES.skippedWorkedDays.map((d) => parseDayText(d)!));
  const first = dayOf(YEAR, 1, 1);
  const days = Array.from({ length: dayOf(YEAR, 12, 31) - first + 1 }, (_, i) => (first + i) as DayNumber);
  const dayWeights = days.map((d) => [d, isWorkingDay(calendar, d) ? 1 : NON_WORKING_DAY_WEIGHT] as const);
  const internet = policies.filter((p) => p.product.internet && p.issue >= first && p.issue <= dayOf(YEAR, 12, 31));
  const productWeights = [...new Set(internet.map((p) => p.product.code))].sort().map((code) => [code, internet.filter((p) => p.product.code === code).length] as const);
  const drafts: DraftEvent[] = [];
  let draw = 0;

  for (const p of internet) {
    const minute = random.int(0, 1439);
    const sameDay = random.bernoulli(0.97);
    drafts.push({
      type: 'e_policy_delivery',
      received: p.issue,
      receivedMinute: minute,
      completed: sameDay ? p.issue : afterRosterDays(calendar, new Set(), p.issue, 1),
      completedMinute: sameDay ? Math.min(1439, minute + random.int(1, 30)) : random.int(540, 1080),
      channel: 'online',
      complex: null,
      connected: null,
      product: p.product.code,
      region: p.region,
      draw: draw++,
    });
  }

  const consultations = CONSULTATIONS_PER_YEAR;
  for (let i = 0; i < consultations; i++) {
    const received = pick(random, dayWeights);
    const minute = random.int(0, 1439);
    const connected = random.bernoulli(CONNECTION_RATE);
    drafts.push({
      type: 'consultation',
      received,
      receivedMinute: minute,
      completed: connected ? received : null,
      completedMinute: Math.min(1439, minute + random.int(1, 20)),
      channel: 'online',
      complex: null,
      connected,
      product: null,
      region: pick(random, REGIONS),
      draw: draw++,
    });
  }

  for (const spec of STAFFED) {
    for (let i = 0; i < spec.perYear; i++) {
      const received = pick(random, dayWeights);
      const region = pick(random, spec.type === 'complaint_contact' ? REGIONS.map(([r, w]) => [r, r === '西北' ? 2 * w : w] as const) : REGIONS);
      const complex = spec.complex > 0 ? random.bernoulli(spec.complex) : null;
      const channel = random.bernoulli(spec.offline) ? 'offline' : 'online';
      const receivedMinute = random.int(480, 1320);
      let completed: DayNumber;
      if (complex === true && spec.type === 'claim_decision') {
        // Complex claims: decided within the 30 calendar days, on a day worked.
        completed = received + random.int(6, 24) as DayNumber;
        while (!rosterDay(calendar, skipped, completed)) completed++;
      } else {
        let k = complex === true ? random.int(1, 3) : pick(random, TAKEN[spec.limit].map((w, n) => [n, w] as const));
        if (k === 0 && !rosterDay(calendar, skipped, received)) k = 1;
        if (spec.type === 'claim_decision' && inWindow(received, SERVICE_HOLIDAY_LAPSES.backlogWindows) && random.bernoulli(SERVICE_HOLIDAY_LAPSES.backlogShare)) k += random.int(1, 3);
        if (spec.type === 'surrender_decision' && complex !== true && BRANCHES[region] === SURRENDER_LAPSES.branch && random.bernoulli(SURRENDER_LAPSES.lateShare)) k = spec.limit + random.int(1, 2);
        completed = afterRosterDays(calendar, skipped, received, k);
      }
      drafts.push({
        type: spec.type,
        received,
        receivedMinute,
        completed,
        completedMinute: completed === received ? Math.min(1439, receivedMinute + random.int(10, 120)) : random.int(540, 1140),
        channel,
        complex,
        connected: null,
        product: pick(random, productWeights),
        region,
        draw: draw++,
      });
    }
  }

  drafts.sort((a, b) => a.received - b.received || a.receivedMinute - b.receivedMinute || a.draw - b.draw);
  return drafts.map((e, i) => ({
    event_id: `SE${YEAR}${String(i + 1).padStart(6, '0')}`,
    type: e.type,
    received_at: `${formatDay(e.received)} ${timeText(e.receivedMinute)}`,
    completed_at: e.completed === null ? null : `${formatDay(e.completed)} ${timeText(e.completedMinute)}`,
    channel: e.channel,
    complex: e.complex,
    connected: e.connected,
    product_code: e.product,
    region: e.region,
    branch: BRANCHES[e.region],
  }));
}

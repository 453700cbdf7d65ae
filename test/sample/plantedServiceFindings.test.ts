/**
 * The planted service lapses of the sample company (data/README.md, service_events.csv),
 * recomputed here without the workbench's calendar or study: the 2025 holiday arrangement is
 * written out again from the State Council's notice (国办发明电〔2024〕12号), each event's limit
 * from S1 §6, and the deadline is found by walking day by day. The counts are then compared with
 * what `awb service` reports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/data/dataFolder';
import { dayOf, formatDay } from '../../src/data/dates';
import type { ServiceEventRow } from '../../src/data/rows';
import { awb } from '../cli/run';
import { SAMPLE_DIR } from './sampleData';

let events: readonly ServiceEventRow[];
beforeAll(async () => {
  events = (await loadDataFolder(SAMPLE_DIR, ['service_events'])).service_events.rows;
});

/** 2025 (and January 2026) from the notice: days off and weekend days worked. */
const OFF = new Set<string>();
for (const [from, to] of [['2025-01-01', '2025-01-01'], ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'], ['2025-05-01', '2025-05-05'], ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08'], ['2026-01-01', '2026-01-03']]) {
  for (let d = Date.parse(from); d <= Date.parse(to); d += 86_400_000) OFF.add(new Date(d).toISOString().slice(0, 10));
}
const WORKED = new Set(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11', '2026-01-04']);
const iso = (day: number) => formatDay(day);
const weekend = (day: number) => [0, 6].includes(new Date(day * 86_400_000).getUTCDay());
const official = (day: number) => WORKED.has(iso(day)) || (!OFF.has(iso(day)) && !weekend(day));
const weekdaysOnly = (day: number) => !weekend(day);

/** S1 §6's limits in working days (complex cases apart). */
const LIMIT: Record<string, number> = { underwriting_notice: 1, e_policy_delivery: 2, policy_service: 2, claim_guidance: 1, claim_papers_notice: 2, claim_decision: 5, claim_decision_notice: 1, surrender_decision: 1, complaint_contact: 1 };

/** The last day of the limit: the n-th working day after the day of receipt. */
function due(received: number, n: number, working: (day: number) => boolean): number {
  let day = received;
  for (let k = 0; k < n; ) if (working(++day)) k++;
  return day;
}

/** The last day of an event's limit; complex cases: claims 30 calendar days, surrenders 3 working days. */
function lastDay(e: ServiceEventRow, working: (day: number) => boolean): number {
  if (e.complex && e.type === 'claim_decision') return e.received_at + 30;
  return due(e.received_at, e.complex && e.type === 'surrender_decision' ? 3 : LIMIT[e.type], working);
}

/** Online events received in [from, to], judged at `to`: those done, or open past their limit, and the late ones among them. */
function lateIn(from: number, to: number, working: (day: number) => boolean, filter: (e: ServiceEventRow) => boolean = () => true) {
  const asOf = to;
  const received = events.filter((e) => e.received_at >= from && e.received_at <= to && e.type in LIMIT && e.channel === 'online' && filter(e));
  const done = (e: ServiceEventRow) => (e.completed_at !== null && e.completed_at <= asOf ? e.completed_at : null);
  const judged = received.filter((e) => done(e) !== null || asOf > lastDay(e, working));
  const late = judged.filter((e) => (done(e) ?? asOf) > lastDay(e, working));
  return { judged, late };
}

describe('service_events.csv: planted lapses around the Spring Festival and National Day', () => {
  it('holds the year 2025 of the sample company: 83,194 events, 45,244 of them e-policy deliveries (one per internet policy issued in 2025)', () => {
    expect(events.length).toBe(83194);
    expect(events.filter((e) => e.type === 'e_policy_delivery').length).toBe(45244);
    expect(Math.min(...events.map((e) => e.received_at))).toBeGreaterThanOrEqual(dayOf(2025, 1, 1));
    expect(Math.max(...events.map((e) => e.received_at))).toBeLessThanOrEqual(dayOf(2025, 12, 31));
  });

  it('2025Q4: the late events are those due on Saturday 11 October (not worked) and the claims piled up over the holiday, plus 陕西分公司 surrenders', () => {
    const q4 = lateIn(dayOf(2025, 10, 1), dayOf(2025, 12, 31), official);
    const byType = (type: string) => q4.late.filter((e) => e.type === type).length;
    expect(byType('policy_service')).toBe(16);
    expect(byType('claim_decision')).toBe(4);
    expect(byType('surrender_decision')).toBe(22);
    expect(q4.late.filter((e) => e.type === 'surrender_decision' && e.branch === '陕西分公司').length).toBe(18);
    // Every late event other than 陕西's surrenders was received from 1 to 10 October.
    const others = q4.late.filter((e) => !(e.type === 'surrender_decision' && e.branch === '陕西分公司'));
    expect(others.every((e) => e.received_at <= dayOf(2025, 10, 10))).toBe(true);
    expect(q4.late.some((e) => e.type === 'e_policy_delivery')).toBe(false);
    expect(q4.judged.filter((e) => e.type === 'policy_service').length).toBe(1681);
  });

  it('2025Q1: the Spring Festival lapses (claim decisions 26 late of 608 judged)', () => {
    const q1 = lateIn(dayOf(2025, 1, 1), dayOf(2025, 3, 31), official);
    const of = (type: string) => [q1.late.filter((e) => e.type === type).length, q1.judged.filter((e) => e.type === type).length];
    expect(of('claim_decision')).toEqual([26, 608]);
    expect(of('policy_service')[0]).toBe(21);
    expect(of('underwriting_notice')[0]).toBe(7);
    // Every late claim decision was received in the backlog window 22 January – 4 February or is due on a skipped worked day.
    expect(q1.late.filter((e) => e.type === 'claim_decision').every((e) => e.received_at >= dayOf(2025, 1, 15) && e.received_at <= dayOf(2025, 2, 7))).toBe(true);
  });

  it('weekday-only counting misses the lapses of the worked Saturday 11 October (and calls on-time events late during the holiday)', () => {
    const q4 = lateIn(dayOf(2025, 10, 1), dayOf(2025, 12, 31), official, (e) => e.type === 'policy_service');
    const naive = lateIn(dayOf(2025, 10, 1), dayOf(2025, 12, 31), weekdaysOnly, (e) => e.type === 'policy_service');
    const naiveIds = new Set(naive.late.map((e) => e.event_id));
    expect(q4.late.filter((e) => !naiveIds.has(e.event_id)).length).toBeGreaterThan(0);
    expect(naive.late.length).toBeGreaterThan(q4.late.length);
  });

  it('2025Q2 has no holiday lapse: only 陕西分公司 surrenders are late', () => {
    const q2 = lateIn(dayOf(2025, 4, 1), dayOf(2025, 6, 30), official);
    expect(q2.late.length).toBeGreaterThan(0);
    expect(q2.late.every((e) => e.type === 'surrender_decision' && e.branch === '陕西分公司')).toBe(true);
  });

  it('陕西分公司 decides about 70% of its online surrenders within 1 working day, every quarter (below the 90% of ILI-SVC-BRANCH)', () => {
    for (const [q, from, to] of [[1, dayOf(2025, 1, 1), dayOf(2025, 3, 31)], [2, dayOf(2025, 4, 1), dayOf(2025, 6, 30)], [3, dayOf(2025, 7, 1), dayOf(2025, 9, 30)], [4, dayOf(2025, 10, 1), dayOf(2025, 12, 31)]] as const) {
      const s = lateIn(from, to, official, (e) => e.type === 'surrender_decision' && e.branch === '陕西分公司');
      const rate = 1 - s.late.length / s.judged.length;
      expect(rate, `2025Q${q}`).toBeGreaterThan(0.65);
      expect(rate, `2025Q${q}`).toBeLessThan(0.85);
      expect(s.judged.length).toBeGreaterThanOrEqual(50);
      // The rates data/README.md documents.
      expect((rate * 100).toFixed(2), `2025Q${q}`).toBe(['74.24', '78.95', '73.85', '72.31'][q - 1]);
    }
  });

  it('awb service finds them: the same late counts, and the branch named', async () => {
    const json = JSON.parse((await awb('service', '--data', SAMPLE_DIR, '--quarter', '2025Q4', '--json')).stdout);
    const q4 = lateIn(dayOf(2025, 10, 1), dayOf(2025, 12, 31), official);
    for (const type of Object.keys(LIMIT)) {
      const row = json.rows.find((r: { type: string; region: string | null }) => r.type === type && r.region === null);
      expect(row.late + row.open_overdue, type).toBe(q4.late.filter((e) => e.type === type).length);
      expect(row.judged, type).toBe(q4.judged.filter((e) => e.type === type).length);
    }
    const branch = json.findings.filter((f: { rule_id: string }) => f.rule_id === 'ILI-SVC-BRANCH');
    expect(branch.map((f: { values: { branch: string; event_type: string } }) => `${f.values.branch} ${f.values.event_type}`)).toEqual(['陕西分公司 surrender_decision']);
    expect(json.findings.map((f: { rule_id: string }) => f.rule_id)).toEqual(
      expect.arrayContaining(['ILI-SVC-POLICY-SERVICE', 'ILI-SVC-CLAIM-DECISION', 'ILI-SVC-SURRENDER', 'ILI-SVC-BRANCH']),
    );
    expect(json.findings.some((f: { rule_id: string }) => f.rule_id === 'ILI-SVC-EPOLICY' || f.rule_id === 'ILI-SVC-CONNECT')).toBe(false);
  });
});

import { VALUE_ZH } from '../present/words';
import type { DayNumber } from '../data/dates';
import type { Table } from '../data/parseTable';
import { periodEnd, periodStart, type Quarter } from '../data/period';
import type { RecordingRow } from '../data/rows';
import { compareFraction, type Fraction, fraction, fractionToDec } from '../money/fraction';
import { groupThousands } from '../money/groupThousands';
import { COMPARISON_ZH } from '../rules/comparisonWords';
import { type Finding, makeFinding, sortFindings } from '../rules/finding';
import { percentText } from '../rules/percentText';
import type { Rulebook } from '../rules/rulebook';
import { type DurationSummary, durationSummary } from './durationSummary';
import type { PolicySale } from './policySales';
import { type RecordingRequirement, recordingRequirement, type UnknownField } from './recordingRequirement';
import { type RecordingRules, recordingRules } from './recordingRules';
import { LATE_TIMINGS, type RecordingTiming, recordingTiming } from './recordingTiming';

/** One sale of the quarter, what the rules require of it and its recordings. */
export interface SaleTrace {
  readonly sale: PolicySale;
  readonly requirement: RecordingRequirement;
  /** Its recordings, earliest first. */
  readonly recordings: readonly RecordingRow[];
  /** When the earliest recording was made against the application and issue dates; null without one. */
  readonly timing: RecordingTiming | null;
}

/** The groupings of the traceability tables. */
export const TRACE_LEVELS = ['company', 'channel', 'channel_type', 'branch', 'region', 'product_code'] as const;
export type TraceLevel = (typeof TRACE_LEVELS)[number];

/** Recordings reviewed and passed at one review stage. */
export interface ReviewRate {
  readonly reviewed: number;
  readonly passed: number;
  /** passed ÷ reviewed; null when none was reviewed. */
  readonly rate: Fraction | null;
}

/** The sales of one group of the quarter and their recordings. */
export interface TraceGroup {
  readonly level: TraceLevel;
  /** The channel, channel type, branch, region or product (null at the company level, or when the sale leaves it empty). */
  readonly value: string | null;
  /** Sales applied for in the quarter. */
  readonly policies: number;
  readonly required: number;
  /** Required sales with a recording. */
  readonly recorded: number;
  /** Required sales without one. */
  readonly missing: number;
  readonly undetermined: number;
  readonly not_required: number;
  /** Sales no rule requires that were recorded all the same. */
  readonly recorded_not_required: number;
  /** Required sales whose first recording was made after the application day (including after issue). */
  readonly late: number;
  /** Of those, recorded after the policy was issued. */
  readonly after_issue: number;
  /** Required sales recorded on a day before the application day. */
  readonly before_application: number;
  /** Every recording of the group's sales. */
  readonly recordings: number;
  readonly first_review: ReviewRate;
  readonly final_review: ReviewRate;
  readonly durations: DurationSummary | null;
}

/** Required sales by the rule that requires them (the first in rulebook order) and region. */
export interface RuleRegionGroup {
  readonly rule_id: string;
  readonly region: string | null;
  readonly required: number;
  readonly recorded: number;
  readonly missing: number;
  readonly late: number;
}

/** Everything the traceability study found for a quarter (S4). */
export interface RecordingTraceability {
  readonly quarter: Quarter;
  readonly start: DayNumber;
  readonly end: DayNumber;
  /** The quarter's sales (application date in the quarter), in policies-file order. */
  readonly traces: readonly SaleTrace[];
  readonly groups: readonly TraceGroup[];
  readonly by_rule_region: readonly RuleRegionGroup[];
  /** Where the application dates and channel types came from, counted over the quarter's sales. */
  readonly basis: {
    readonly application_date: Readonly<Record<PolicySale['application_date_source'], number>>;
    readonly channel_type: Readonly<Record<'channel_type' | 'channel' | 'unknown', number>>;
  };
  /** Recordings (spreadsheet rows) whose policy is not in the policies table. */
  readonly orphan_rows: readonly number[];
  readonly findings: readonly Finding[];
  readonly rules: RecordingRules;
}

const count = (n: number) => groupThousands(String(n));
const cmp = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

function reviewRate(recordings: readonly RecordingRow[], stage: 'first_review' | 'final_review'): ReviewRate {
  const reviewed = recordings.filter((r) => r[stage] !== null);
  const passed = reviewed.filter((r) => r[stage] === 'pass').length;
  return { reviewed: reviewed.length, passed, rate: reviewed.length === 0 ? null : fraction(BigInt(passed), BigInt(reviewed.length)) };
}

function valueAt(level: TraceLevel, t: SaleTrace): string | null {
  switch (level) {
    case 'company':
      return null;
    case 'channel':
      return t.sale.channel;
    case 'channel_type':
      return t.sale.channel_type;
    case 'branch':
      return t.sale.branch;
    case 'region':
      return t.sale.region;
    case 'product_code':
      return t.sale.product.product_code;
  }
}

function summarise(level: TraceLevel, value: string | null, traces: readonly SaleTrace[]): TraceGroup {
  const required = traces.filter((t) => t.requirement.status === 'required');
  const recorded = required.filter((t) => t.recordings.length > 0);
  const recordings = traces.flatMap((t) => t.recordings);
  return {
    level,
    value,
    policies: traces.length,
    required: required.length,
    recorded: recorded.length,
    missing: required.length - recorded.length,
    undetermined: traces.filter((t) => t.requirement.status === 'undetermined').length,
    not_required: traces.filter((t) => t.requirement.status === 'not_required').length,
    recorded_not_required: traces.filter((t) => t.requirement.status !== 'required' && t.recordings.length > 0).length,
    late: recorded.filter((t) => LATE_TIMINGS.includes(t.timing!)).length,
    after_issue: recorded.filter((t) => t.timing === 'after_issue').length,
    before_application: recorded.filter((t) => t.timing === 'before_application').length,
    recordings: recordings.length,
    first_review: reviewRate(recordings, 'first_review'),
    final_review: reviewRate(recordings, 'final_review'),
    durations: durationSummary(recordings.flatMap((r) => (r.duration_seconds === null ? [] : [r.duration_seconds]))),
  };
}

/** The channel a finding names: the channel as written, else its type. */
function channelLabel(sale: PolicySale): string {
  return sale.channel ?? sale.channel_type ?? '(no channel)';
}

function missingFindings(traces: readonly SaleTrace[], rules: RecordingRules, quarter: Quarter): Finding[] {
  const cells = new Map<string, { rule: string; channel: string; required: number; missing: number }>();
  for (const t of traces) {
    if (t.requirement.status !== 'required') continue;
    const rule = t.requirement.required_by[0];
    const channel = channelLabel(t.sale);
    const id = JSON.stringify([rule, channel]);
    const cell = cells.get(id) ?? { rule, channel, required: 0, missing: 0 };
    cell.required++;
    if (t.recordings.length === 0) cell.missing++;
    cells.set(id, cell);
  }
  return [...cells.values()]
    .filter((c) => c.missing > 0)
    .map((c) => {
      const r = rules.requirements.find((x) => x.rule.id === c.rule)!.rule;
      const share = percentText(fractionToDec(fraction(BigInt(c.missing), BigInt(c.required))), undefined, 2);
      return makeFinding(r, {
        message: `${c.channel}: ${count(c.missing)} of ${count(c.required)} policies applied for in ${quarter} that ${r.id} requires to be recorded have no audio-video recording (${share}); ${r.title}`,
        message_zh: `${VALUE_ZH[c.channel] ?? c.channel}渠道：${quarter}投保的保单中，按${r.id}（${r.title_zh}）应双录${count(c.required)}件，未双录${count(c.missing)}件（${share}）`,
        period: quarter,
        values: { channel: c.channel, required_by: r.id, required: c.required, recorded: c.required - c.missing, missing: c.missing },
      });
    });
}

function lateFindings(traces: readonly SaleTrace[], rules: RecordingRules, quarter: Quarter): Finding[] {
  const cells = new Map<string, { recorded: number; late: number; afterIssue: number }>();
  for (const t of traces) {
    if (t.requirement.status !== 'required' || t.timing === null) continue;
    const channel = channelLabel(t.sale);
    const cell = cells.get(channel) ?? { recorded: 0, late: 0, afterIssue: 0 };
    cell.recorded++;
    if (LATE_TIMINGS.includes(t.timing)) cell.late++;
    if (t.timing === 'after_issue') cell.afterIssue++;
    cells.set(channel, cell);
  }
  return [...cells]
    .filter(([, c]) => c.late > 0)
    .map(([channel, c]) =>
      makeFinding(rules.late, {
        message: `${channel}: ${count(c.late)} of ${count(c.recorded)} required recordings of ${quarter} were made after the application date (${count(c.afterIssue)} of them after the policy was issued); the recording is made while the application is filled in`,
        message_zh: `${VALUE_ZH[channel] ?? channel}渠道：${quarter}应双录且已双录的${count(c.recorded)}件中，${count(c.late)}件录制时间晚于投保日期（其中${count(c.afterIssue)}件晚于承保日期）`,
        period: quarter,
        values: { channel, recorded: c.recorded, late: c.late, after_issue: c.afterIssue },
      }),
    );
}

function groupLabel(g: TraceGroup): { en: string; zh: string } {
  if (g.level === 'company') return { en: 'The company', zh: '全公司' };
  const value = g.value ?? '(none)';
  const what = { channel: ['channel', '渠道'], channel_type: ['channel type', '渠道类型'], branch: ['branch', '机构'], region: ['region', '地区'], product_code: ['product', '产品'] }[g.level];
  return { en: `${what[0][0].toUpperCase()}${what[0].slice(1)} ${value}`, zh: g.value === null ? `${what[1]}（无）` : `${VALUE_ZH[value] ?? value}${what[1]}` };
}

function passRateFindings(groups: readonly TraceGroup[], rules: RecordingRules, quarter: Quarter): Finding[] {
  const p = rules.pass_rate;
  const findings: Finding[] = [];
  for (const g of groups) {
    if (!(p.levels as readonly string[]).includes(g.level)) continue;
    for (const [stage, floor, en, zh] of [
      ['first_review', p.first_review_floor, 'first-review', '一审'],
      ['final_review', p.final_review_floor, 'final-review', '终审'],
    ] as const) {
      const r = g[stage];
      if (r.rate === null || r.reviewed < p.min_recordings || !compareFraction(r.rate, p.comparison, floor)) continue;
      const rate = fractionToDec(r.rate);
      const label = groupLabel(g);
      findings.push(
        makeFinding(p.rule, {
          message: `${label.en}: ${en} pass rate of the recordings of ${quarter} ${percentText(rate, floor)} (${count(r.passed)} of ${count(r.reviewed)}) is below the floor of ${percentText(floor)}`,
          message_zh: `${label.zh}：${quarter}双录${zh}通过率${percentText(rate, floor)}（${count(r.reviewed)}件中通过${count(r.passed)}件），${COMPARISON_ZH[p.comparison]}${percentText(floor)}`,
          period: quarter,
          values: { level: g.level, group: g.value, stage, passed: r.passed, reviewed: r.reviewed, pass_rate: rate.toNumber(), floor: floor.toNumber() },
        }),
      );
    }
  }
  return findings;
}

const FIELD_TEXT: Readonly<Record<UnknownField, { en: string; zh: string }>> = {
  business: { en: "the product's business type (individual or group)", zh: '产品的个团属性' },
  premium_mode: { en: "the product's premium mode", zh: '产品的缴费方式' },
  internet: { en: 'whether the product is an internet product', zh: '是否互联网产品' },
  channel_type: { en: 'the channel type', zh: '渠道类型' },
  policyholder_age: { en: "the policyholder's age", zh: '投保人年龄' },
  region: { en: 'the region or branch', zh: '地区或机构' },
};

function undeterminedFinding(traces: readonly SaleTrace[], rules: RecordingRules, quarter: Quarter): Finding[] {
  const undetermined = traces.filter((t) => t.requirement.status === 'undetermined');
  if (undetermined.length === 0) return [];
  const fields = [...new Set(undetermined.flatMap((t) => t.requirement.unknown))].sort();
  const counts = fields.map((f) => ({ field: f, n: undetermined.filter((t) => t.requirement.unknown.includes(f)).length }));
  return [
    makeFinding(rules.undetermined, {
      message: `${count(undetermined.length)} policies applied for in ${quarter} cannot be judged against the recording rules for want of ${counts.map((c) => `${FIELD_TEXT[c.field].en} (${count(c.n)})`).join(', ')}`,
      message_zh: `${quarter}投保的${count(undetermined.length)}件保单无法判断是否需要双录，缺少：${counts.map((c) => `${FIELD_TEXT[c.field].zh}（${count(c.n)}件）`).join('、')}`,
      period: quarter,
      values: { undetermined: undetermined.length, ...Object.fromEntries(counts.map((c) => [`unknown_${c.field}`, c.n])) },
    }),
  ];
}

function orphanFinding(rows: readonly number[], recordings: Table<RecordingRow>, rules: RecordingRules): Finding[] {
  if (rows.length === 0) return [];
  return [
    makeFinding(rules.orphan, {
      message: `${count(rows.length)} recordings in ${recordings.file} name a policy that is not in the policies table (first at row ${rows[0]})`,
      message_zh: `${recordings.file}中有${count(rows.length)}条双录记录对应的保单不在保单表中（首条在第${rows[0]}行）`,
      values: { recordings: rows.length, first_row: rows[0] },
    }),
  ];
}

/**
 * Sales-behaviour traceability for a quarter (S4, 双录): the sales whose application date falls in
 * the quarter, whether each needs an audio-video recording under the rulebook's requirement rules
 * ({@link recordingRequirement}: bancassurance and other concurrent agencies in full, other
 * channels for policyholders of 60 or more, listed regions in full, for individual long-term
 * business), whether it has one, when the first one was made ({@link recordingTiming}), and the
 * recordings' review pass rates and durations, for the company and by channel, channel type,
 * branch, region and product.
 * Findings: one per requiring rule and channel with recordings missing (under the requiring
 * rule's id), S4-REC-LATE per channel with recordings made after the application date,
 * S4-REC-PASS-RATE where a pass rate is below its floor (exactly at the floor is not below),
 * DATA-REC-UNDETERMINED for sales that cannot be judged, DATA-REC-ORPHAN for recordings of unknown
 * policies. Ratios are exact fractions of counts.
 *
 * @param sales every policy as a sale ({@link policySales})
 * @throws InputError for a missing rule or a bad parameter in the rulebook.
 * @example recordingTraceability(policySales(policies, products, applications), recordings, '2025Q4', loadRulebook()).groups[0]
 * // the company: policies, required, recorded, missing, late, pass rates, durations
 */
export function recordingTraceability(sales: readonly PolicySale[], recordings: Table<RecordingRow>, quarter: Quarter, rulebook: Rulebook): RecordingTraceability {
  const rules = recordingRules(rulebook);
  const start = periodStart(quarter);
  const end = periodEnd(quarter);
  const known = new Set(sales.map((s) => s.policy_id));
  const byPolicy = new Map<string, RecordingRow[]>();
  const orphanRows: number[] = [];
  for (const r of recordings.rows) {
    if (!known.has(r.policy_id)) {
      orphanRows.push(r.source_row);
      continue;
    }
    const list = byPolicy.get(r.policy_id);
    if (list) list.push(r);
    else byPolicy.set(r.policy_id, [r]);
  }
  const traces: SaleTrace[] = sales
    .filter((s) => s.application_date >= start && s.application_date <= end)
    .map((sale) => {
      const own = [...(byPolicy.get(sale.policy_id) ?? [])].sort((a, b) => a.started_at - b.started_at || cmp(a.recording_id, b.recording_id));
      return {
        sale,
        requirement: recordingRequirement(sale, rules.requirements, rulebook),
        recordings: own,
        timing: own.length === 0 ? null : recordingTiming(own[0].started_at, sale.application_date, sale.issue_date),
      };
    });

  const groups: TraceGroup[] = [];
  for (const level of TRACE_LEVELS) {
    const cells = new Map<string | null, SaleTrace[]>();
    for (const t of traces) {
      const value = valueAt(level, t);
      const list = cells.get(value);
      if (list) list.push(t);
      else cells.set(value, [t]);
    }
    if (level === 'company' && cells.size === 0) cells.set(null, []);
    for (const value of [...cells.keys()].sort(cmp)) groups.push(summarise(level, value, cells.get(value)!));
  }

  const byRuleRegion = new Map<string, { rule_id: string; region: string | null; required: number; recorded: number; missing: number; late: number }>();
  for (const t of traces) {
    if (t.requirement.status !== 'required') continue;
    const rule = t.requirement.required_by[0];
    const id = JSON.stringify([rule, t.sale.region]);
    const cell = byRuleRegion.get(id) ?? { rule_id: rule, region: t.sale.region, required: 0, recorded: 0, missing: 0, late: 0 };
    cell.required++;
    if (t.recordings.length > 0) cell.recorded++;
    else cell.missing++;
    if (t.timing !== null && LATE_TIMINGS.includes(t.timing)) cell.late++;
    byRuleRegion.set(id, cell);
  }
  const ruleOrder = rules.requirements.map((r) => r.rule.id);
  const ruleRegion: RuleRegionGroup[] = [...byRuleRegion.values()].sort((a, b) => ruleOrder.indexOf(a.rule_id) - ruleOrder.indexOf(b.rule_id) || cmp(a.region, b.region));

  const tally = <K extends string>(keys: readonly K[], of: (t: SaleTrace) => K) => Object.fromEntries(keys.map((k) => [k, traces.filter((t) => of(t) === k).length])) as Record<K, number>;
  return {
    quarter,
    start,
    end,
    traces,
    groups,
    by_rule_region: ruleRegion,
    basis: {
      application_date: tally(['policies', 'applications', 'issue_date'] as const, (t) => t.sale.application_date_source),
      channel_type: tally(['channel_type', 'channel', 'unknown'] as const, (t) => t.sale.channel_type_source ?? 'unknown'),
    },
    orphan_rows: orphanRows,
    findings: sortFindings([
      ...missingFindings(traces, rules, quarter),
      ...lateFindings(traces, rules, quarter),
      ...passRateFindings(groups, rules, quarter),
      ...undeterminedFinding(traces, rules, quarter),
      ...orphanFinding(orphanRows, recordings, rules),
    ]),
    rules,
  };
}

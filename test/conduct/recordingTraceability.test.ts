import { describe, expect, it } from 'vitest';
import { durationSummary } from '../../src/conduct/durationSummary';
import { channelTypeOf, policySales } from '../../src/conduct/policySales';
import { recordingRequirement } from '../../src/conduct/recordingRequirement';
import { recordingRules } from '../../src/conduct/recordingRules';
import { recordingTiming } from '../../src/conduct/recordingTiming';
import { type RecordingTraceability, recordingTraceability } from '../../src/conduct/recordingTraceability';
import { parseDateTimeText, parseDayText } from '../../src/data/dates';
import { InputError } from '../../src/data/InputError';
import type { Quarter } from '../../src/data/period';
import type { ApplicationRow, PolicyRow } from '../../src/data/rows';
import { fraction } from '../../src/money/fraction';
import { loadRulebook } from '../../src/rules/rulebook';
import { policy, PRODUCTS, recording, recordings, sales, table } from './traceabilityTables';

const book = loadRulebook();
const rules = recordingRules(book).requirements;
const Q4 = '2025Q4' as Quarter;

const requirementOf = (more: Record<string, string | number>) => recordingRequirement(sales([policy('P', more)])[0], rules, book);
const company = (r: RecordingTraceability) => r.groups.find((g) => g.level === 'company')!;

describe('which sales need an audio-video recording (S4)', () => {
  it('a policyholder exactly 60 on the application date is 60周岁（含）以上; 59 is not', () => {
    expect(requirementOf({ policyholder_age: 60 })).toEqual({ status: 'required', required_by: ['S4-REC-SENIOR'], unknown: [] });
    expect(requirementOf({ policyholder_age: 59 })).toEqual({ status: 'not_required', required_by: [], unknown: [] });
  });

  it('bancassurance and other concurrent agencies need one at every age; internet and telephone sales never', () => {
    expect(requirementOf({ channel: 'bancassurance', policyholder_age: 30 }).required_by).toEqual(['S4-REC-CONCURRENT']);
    expect(requirementOf({ channel: 'x', channel_type: '兼业代理', policyholder_age: 30 }).required_by).toEqual(['S4-REC-CONCURRENT']);
    expect(requirementOf({ channel: 'app', channel_type: 'internet', policyholder_age: 70 }).status).toBe('not_required');
    expect(requirementOf({ channel: '电销', policyholder_age: 70 }).status).toBe('not_required');
  });

  it('only individual long-term business: a short-term product or a group one needs none', () => {
    expect(requirementOf({ product_code: 'ST', channel: 'bancassurance' }).status).toBe('not_required');
    expect(requirementOf({ product_code: 'GR', channel: 'bancassurance' }).status).toBe('not_required');
  });

  it('in the listed regions, every age: by region, or by a branch whose name starts with it', () => {
    expect(requirementOf({ branch: '江苏分公司' }).required_by).toEqual(['S4-REC-REGION']);
    expect(requirementOf({ region: '宁波', branch: '' }).required_by).toEqual(['S4-REC-REGION']);
    expect(requirementOf({ branch: '南京分公司', region: '华东' }).status).toBe('not_required');
    // A sale several rules require names them all, in rulebook order: the national rule first.
    expect(requirementOf({ branch: '江苏分公司', policyholder_age: 66 }).required_by).toEqual(['S4-REC-SENIOR', 'S4-REC-REGION']);
  });

  it('cannot be decided without the fields a rule needs, and says which', () => {
    expect(requirementOf({ channel: 'online_partner' })).toEqual({ status: 'undetermined', required_by: [], unknown: ['channel_type'] });
    expect(requirementOf({ policyholder_age: '' })).toEqual({ status: 'undetermined', required_by: [], unknown: ['policyholder_age'] });
    expect(requirementOf({ product_code: 'UN', channel: 'bancassurance' })).toEqual({ status: 'undetermined', required_by: [], unknown: ['business'] });
    // What one rule requires does not wait for another's missing field.
    expect(requirementOf({ channel: 'bancassurance', policyholder_age: '' }).status).toBe('required');
  });
});

describe('channel types and the applications table', () => {
  it('reads a channel type from the channel’s name when the column is empty', () => {
    expect(channelTypeOf(null, '银保')).toEqual({ type: 'bancassurance', source: 'channel' });
    expect(channelTypeOf('agency', 'bancassurance')).toEqual({ type: 'agency', source: 'channel_type' });
    expect(channelTypeOf(null, 'online_partner')).toEqual({ type: null, source: null });
  });

  it('takes the sales columns from applications when policies lacks them, and the issue date when neither gives one', () => {
    const policies = table<PolicyRow>('policies', [
      { policy_id: 'P1', product_code: 'WL', issue_date: '2025-11-10', channel: 'agency' },
      { policy_id: 'P2', product_code: 'WL', issue_date: '2025-11-12', channel: 'agency' },
    ]);
    const applications = table<ApplicationRow>('applications', [{ policy_id: 'P1', application_date: '2025-11-01', policyholder_age: 61, branch: '北京分公司' }]);
    const [p1, p2] = policySales(policies, PRODUCTS, applications);
    expect(p1).toMatchObject({ application_date: parseDayText('2025-11-01'), application_date_source: 'applications', policyholder_age: 61, branch: '北京分公司', channel_type: 'agency' });
    expect(p2).toMatchObject({ application_date: parseDayText('2025-11-12'), application_date_source: 'issue_date', policyholder_age: null });
  });

  it('refuses an applications row that disagrees with its policy or names an unknown one', () => {
    const policies = table<PolicyRow>('policies', [{ policy_id: 'P1', product_code: 'WL', issue_date: '2025-11-10', policyholder_age: 60 }]);
    const disagree = table<ApplicationRow>('applications', [{ policy_id: 'P1', policyholder_age: 59 }]);
    expect(() => policySales(policies, PRODUCTS, disagree)).toThrow(InputError);
    expect(() => policySales(policies, PRODUCTS, disagree)).toThrow('applications.csv, row 2, column policyholder_age: expected the same policyholder_age as policies.csv row 2 (60), found "59"');
    const unknown = table<ApplicationRow>('applications', [{ policy_id: 'P9', policyholder_age: 59 }]);
    expect(() => policySales(policies, PRODUCTS, unknown)).toThrow('applications.csv, row 2, column policy_id: expected a policy listed in policies.csv, found "P9"');
  });
});

describe('when the recording was made (保监消保〔2017〕265号: while the application is filled in)', () => {
  const application = parseDayText('2025-11-03')!;
  const issue = parseDayText('2025-11-10')!;
  it('on the application day is in time, at any hour; a day later is late; after issue is later still', () => {
    expect(recordingTiming(parseDateTimeText('2025-11-03 23:59:59')!, application, issue)).toBe('at_application');
    expect(recordingTiming(parseDateTimeText('2025-11-02 10:00')!, application, issue)).toBe('before_application');
    expect(recordingTiming(parseDateTimeText('2025-11-04 00:00:00')!, application, issue)).toBe('after_application');
    expect(recordingTiming(parseDateTimeText('2025-11-10 18:00')!, application, issue)).toBe('after_application');
    expect(recordingTiming(parseDateTimeText('2025-11-11 08:00')!, application, issue)).toBe('after_issue');
  });
});

describe('recordingTraceability() for a quarter', () => {
  const policies = [
    policy('P1', { channel: 'bancassurance' }), // required, recorded on the day
    policy('P2', { policyholder_age: 60 }), // required (60), no recording
    policy('P3', { policyholder_age: 70 }), // required, recorded the day after: late
    policy('P4', { policyholder_age: 40 }), // not required, recorded all the same
    policy('P5', { channel: 'online_partner' }), // undetermined
    policy('P6', { channel: 'bancassurance', application_date: '2025-09-30', issue_date: '2025-10-05' }), // applied in Q3: not this quarter's
  ];
  const recs = [
    recording('R1', 'P1', '2025-11-03 10:00', { duration_seconds: 600 }),
    recording('R3b', 'P3', '2025-11-05 10:00', { duration_seconds: 1500, first_review: 'fail' }),
    recording('R3a', 'P3', '2025-11-04 09:00', { duration_seconds: 900 }),
    recording('R4', 'P4', '2025-11-03 16:00', { duration_seconds: 1200, final_review: '' }),
    recording('R6', 'P6', '2025-09-30 10:00', { duration_seconds: 3000 }),
    recording('R9', 'P-unknown', '2025-11-03 10:00'),
  ];
  const result = recordingTraceability(sales(policies), recordings(recs), Q4, book);

  it('takes the sales applied for in the quarter, and counts required, recorded, missing, late', () => {
    expect(result.traces.map((t) => t.sale.policy_id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(company(result)).toMatchObject({ policies: 5, required: 3, recorded: 2, missing: 1, undetermined: 1, not_required: 1, recorded_not_required: 1, late: 1, after_issue: 0, recordings: 4 });
    // P3's first recording (R3a, 2025-11-04) decides its timing, whatever the file order.
    expect(result.traces[2].timing).toBe('after_application');
  });

  it('review pass rates are over the recordings reviewed: first 3 of 4, final 3 of 3 (R4 is pending)', () => {
    expect(company(result).first_review).toEqual({ reviewed: 4, passed: 3, rate: fraction(3n, 4n) });
    expect(company(result).final_review).toEqual({ reviewed: 3, passed: 3, rate: fraction(1n, 1n) });
  });

  it('names the requiring rule in each finding, and finds the late recording and the orphan', () => {
    expect(result.findings.map((f) => `${f.rule_id} ${f.values.channel ?? ''}`.trim())).toEqual(['S4-REC-SENIOR agency', 'DATA-REC-ORPHAN', 'DATA-REC-UNDETERMINED', 'S4-REC-LATE agency']);
    expect(result.findings[0].values).toMatchObject({ required_by: 'S4-REC-SENIOR', required: 2, recorded: 1, missing: 1 });
    expect(result.findings[0].message_zh).toBe('个人代理渠道：2025Q4投保的保单中，按S4-REC-SENIOR（非兼业代理的个人长险业务投保人60岁以上的双录）应双录2件，未双录1件（50.00%）');
    expect(result.orphan_rows).toEqual([7]);
    expect(result.by_rule_region).toEqual([
      { rule_id: 'S4-REC-CONCURRENT', region: '华东', required: 1, recorded: 1, missing: 0, late: 0 },
      { rule_id: 'S4-REC-SENIOR', region: '华东', required: 2, recorded: 1, missing: 1, late: 1 },
    ]);
  });

  it('durations: the quartiles by linear interpolation (type 7) of 600, 900, 1200, 1500 seconds', () => {
    // n = 4: median at h = 1.5 → 900 + 0.5 × 300 = 1050; p90 at h = 2.7 → 1200 + 0.7 × 300 = 1410.
    expect(company(result).durations).toMatchObject({ count: 4, mean: 1050, min: 600, median: 1050, p90: 1410, max: 1500 });
  });
});

describe('S4-REC-PASS-RATE: below the floor, exactly at it is not', () => {
  const thirty = Array.from({ length: 30 }, (_, i) => policy(`P${i}`, { channel: 'bancassurance' }));
  const run = (failed: number) =>
    recordingTraceability(
      sales(thirty),
      recordings(thirty.map((p, i) => recording(`R${i}`, String(p.policy_id), '2025-11-03 10:00', { first_review: i < failed ? 'fail' : 'pass' }))),
      Q4,
      book,
    ).findings.filter((f) => f.rule_id === 'S4-REC-PASS-RATE');

  it('21 of 30 first reviews passed is exactly 70%: no finding; 20 of 30 is 66.67%: one for the company and one for the channel', () => {
    expect(run(9)).toEqual([]);
    const findings = run(10);
    expect(findings.map((f) => `${f.values.level} ${f.values.group ?? ''}`.trim())).toEqual(['channel bancassurance', 'company']);
    expect(findings[1].message).toBe('The company: first-review pass rate of the recordings of 2025Q4 66.666667% (20 of 30) is below the floor of 70.00%');
  });

  it('judges no group with fewer than 30 reviewed recordings', () => {
    const few = thirty.slice(0, 29);
    const r = recordingTraceability(sales(few), recordings(few.map((p, i) => recording(`R${i}`, String(p.policy_id), '2025-11-03 10:00', { first_review: 'fail' }))), Q4, book);
    expect(r.findings.filter((f) => f.rule_id === 'S4-REC-PASS-RATE')).toEqual([]);
  });
});

describe('durationSummary()', () => {
  it('bins minutes from 0 to 60 and more, each lower edge included', () => {
    const d = durationSummary([599, 600, 1199, 1200, 3600, 5000])!;
    expect(d.bins.map((b) => b.count)).toEqual([1, 1, 1, 1, 0, 0, 0, 2]);
    expect(durationSummary([])).toBeNull();
  });
});

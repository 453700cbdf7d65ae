import { formatDateTime, formatDay } from '../data/dates';
import type { TableRow } from '../evidence/csv';
import { type Fraction, fraction, fractionToNumber } from '../money/fraction';
import type { RecordingTraceability, SaleTrace } from './recordingTraceability';

const rate = (f: Fraction | null) => (f === null ? null : fractionToNumber(f));

/**
 * The traceability groups as flat rows (the `groups` table of `awb traceability`): for the
 * company and each channel, channel type, branch, region and product, the quarter's sales, those
 * requiring a recording, recorded, missing (and the share missing), undetermined, recorded late,
 * the review pass rates and the median and 90th-percentile durations in seconds.
 * @example traceabilityGroupRows(result)[0] // { level: 'company', value: null, policies: 41210, required: 1204, recorded: 1151, missing: 53, … }
 */
export function traceabilityGroupRows(result: RecordingTraceability): TableRow[] {
  return result.groups.map((g) => ({
    level: g.level,
    value: g.value,
    policies: g.policies,
    required: g.required,
    recorded: g.recorded,
    missing: g.missing,
    missing_rate: g.required === 0 ? null : rate(fraction(BigInt(g.missing), BigInt(g.required))),
    undetermined: g.undetermined,
    not_required: g.not_required,
    recorded_not_required: g.recorded_not_required,
    late: g.late,
    after_issue: g.after_issue,
    before_application: g.before_application,
    recordings: g.recordings,
    first_review_reviewed: g.first_review.reviewed,
    first_review_passed: g.first_review.passed,
    first_review_pass_rate: rate(g.first_review.rate),
    final_review_reviewed: g.final_review.reviewed,
    final_review_passed: g.final_review.passed,
    final_review_pass_rate: rate(g.final_review.rate),
    duration_median_seconds: g.durations?.median ?? null,
    duration_p90_seconds: g.durations?.p90 ?? null,
  }));
}

/** Required sales by the rule that requires them and region (the `rule_region` table). */
export function ruleRegionRows(result: RecordingTraceability): TableRow[] {
  return result.by_rule_region.map((r) => ({ rule_id: r.rule_id, region: r.region, required: r.required, recorded: r.recorded, missing: r.missing, late: r.late }));
}

function saleRow(t: SaleTrace): TableRow {
  const s = t.sale;
  const first = t.recordings[0];
  return {
    policy_id: s.policy_id,
    product_code: s.product.product_code,
    channel: s.channel,
    channel_type: s.channel_type,
    branch: s.branch,
    region: s.region,
    application_date: formatDay(s.application_date),
    issue_date: formatDay(s.issue_date),
    required_by: t.requirement.required_by.join('+'),
    recordings: t.recordings.length,
    first_recording_at: first ? formatDateTime(first.started_at) : null,
    timing: t.timing,
    first_review: first?.first_review ?? null,
    final_review: first?.final_review ?? null,
  };
}

/**
 * Every sale of the quarter that needs a recording (the `required` table), with the rules that
 * require it (the first names the requirement), its recordings, when the first was made and its
 * reviews. No personal data: policy numbers, products, channels, branches and dates only.
 */
export function requiredSaleRows(result: RecordingTraceability): TableRow[] {
  return result.traces.filter((t) => t.requirement.status === 'required').map(saleRow);
}

/** The required sales without a recording (the `missing` table). */
export function missingSaleRows(result: RecordingTraceability): TableRow[] {
  return result.traces.filter((t) => t.requirement.status === 'required' && t.recordings.length === 0).map(saleRow);
}

/** The company's recording durations in bins of minutes, with the quantiles in seconds on each row (the `durations` table). */
export function durationRows(result: RecordingTraceability): TableRow[] {
  const d = result.groups.find((g) => g.level === 'company')?.durations ?? null;
  if (d === null) return [];
  return d.bins.map((b) => ({ from_minutes: b.from_minutes, to_minutes: b.to_minutes, recordings: b.count, share: b.count / d.count }));
}

/** Where the quarter's application dates and channel types came from (the `basis` table). */
export function basisRows(result: RecordingTraceability): TableRow[] {
  return [
    ...Object.entries(result.basis.application_date).map(([source, policies]) => ({ field: 'application_date', source, policies })),
    ...Object.entries(result.basis.channel_type).map(([source, policies]) => ({ field: 'channel_type', source, policies })),
  ];
}

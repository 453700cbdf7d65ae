import type { RecordingTraceability, TraceGroup } from '../conduct/recordingTraceability';
import type { RegistrationGroup, RegistrationReconciliation } from '../conduct/reconcileRegistration';
import { mostMissing } from '../conduct/registrationTables';
import { STAFF_SOURCES } from '../conduct/staffSources';
import { formatDay } from '../data/dates';
import type { TableRow } from '../evidence/csv';
import { type Fraction, fraction, fractionToDec, fractionToNumber } from '../money/fraction';
import { groupThousands } from '../money/groupThousands';
import { percentText } from '../rules/percentText';
import type { Wording } from './labels';
import type { ContentBlock, SectionContent } from './sectionContent';

/** The library results the sales conduct section shows; a part is null when the data folder lacks its tables. */
export interface SalesConductResults {
  readonly registration: RegistrationReconciliation | null;
  readonly traceability: RecordingTraceability | null;
}

const rate = (f: Fraction | null) => (f === null ? null : fractionToNumber(f));
const pct = (f: Fraction | null) => (f === null ? '–' : percentText(fractionToDec(f), undefined, 2));
const count = (n: number) => groupThousands(String(n));

function registrationBlocks(r: RegistrationReconciliation, w: Wording): ContentBlock[] {
  const c = w.conduct;
  const base = r.rules.mismatch.base;
  const company = r.groups.find((g) => g.level === 'company')!;
  const comparison = (g: RegistrationGroup) => g.comparisons.find((x) => x.source === base) ?? null;
  const present = STAFF_SOURCES.filter((s) => r.sources.some((x) => x.source === s));
  const row = (g: RegistrationGroup): TableRow => ({
    group: g.level === 'company' ? c.company : g.branch,
    ...Object.fromEntries(present.map((s) => [s, g.counts[s] ?? 0])),
    difference_rate: rate(comparison(g)?.difference_rate ?? null),
    record_mismatch_rate: rate(comparison(g)?.record_mismatch_rate ?? null),
    missing_rate: rate(g.missing.rate),
    missing_band: g.missing.band === null ? null : c.band(g.missing.band),
    most_missing: mostMissing(g, 3, c.element),
  });
  return [
    { kind: 'heading', text: c.registration },
    {
      kind: 'paragraph',
      text: c.registrationIntro({
        asOf: formatDay(r.as_of),
        sources: present.map((s) => `${c.source[s]} ${count(company.counts[s] ?? 0)}`).join(', '),
        difference: pct(comparison(company)?.difference_rate ?? null),
        missing: pct(company.missing.rate),
        band: company.missing.band === null ? '–' : c.band(company.missing.band),
      }),
    },
    { kind: 'paragraph', text: c.registrationMethod, note: true },
    { kind: 'table', caption: c.byBranch, rows: r.groups.filter((g) => g.level === 'company' || g.level === 'branch').map(row), percent: ['difference_rate', 'record_mismatch_rate', 'missing_rate'] },
  ];
}

function traceabilityBlocks(t: RecordingTraceability, w: Wording): ContentBlock[] {
  const c = w.conduct;
  const company = t.groups.find((g) => g.level === 'company')!;
  const minutes = (g: TraceGroup) => (g.durations === null ? null : Math.round((g.durations.median / 60) * 10) / 10);
  const row = (g: TraceGroup): TableRow => ({
    group: g.level === 'company' ? c.company : g.value,
    policies: g.policies,
    required: g.required,
    recorded: g.recorded,
    missing: g.missing,
    late: g.late,
    undetermined: g.undetermined,
    first_review_pass_rate: rate(g.first_review.rate),
    final_review_pass_rate: rate(g.final_review.rate),
    median_minutes: minutes(g),
  });
  const a = t.basis.application_date;
  return [
    { kind: 'heading', text: c.traceability },
    {
      kind: 'paragraph',
      text: c.traceabilityIntro({
        quarter: t.quarter,
        policies: company.policies,
        required: company.required,
        recorded: company.recorded,
        missing: company.missing,
        late: company.late,
        undetermined: company.undetermined,
        firstReview: pct(company.first_review.rate),
        finalReview: pct(company.final_review.rate),
        median: company.durations === null ? '–' : `${minutes(company)} min`,
      }),
    },
    { kind: 'paragraph', text: `${c.traceabilityMethod} ${c.applicationDates({ policies: a.policies, applications: a.applications, issueDate: a.issue_date })}`, note: true },
    { kind: 'table', caption: c.byChannel, rows: t.groups.filter((g) => g.level === 'company' || (g.level === 'channel' && g.policies > 0)).map(row), percent: ['first_review_pass_rate', 'final_review_pass_rate'] },
    {
      kind: 'table',
      caption: c.byRuleRegion,
      rows: t.by_rule_region.map((x) => ({ rule_id: x.rule_id, region: x.region, required: x.required, recorded: x.recorded, missing: x.missing, unrecorded_share: x.required === 0 ? null : rate(fraction(BigInt(x.missing), BigInt(x.required))), late: x.late })),
      percent: ['unrecorded_share'],
    },
  ];
}

/**
 * The sales conduct section of the quarterly review, as content built from the library results:
 * the registration of the sales staff (S5) as at the quarter end — sources, the difference rate
 * and the missing-element share for the company and each branch — and the quarter's sales
 * recordings (S4) — required, recorded, missing, late, pass rates by channel, and by requiring rule
 * and region. A part whose tables the data folder lacks says so. Counts, rates, branches and
 * channels only: no name or identifier.
 * @example salesConductContent({ registration, traceability: null }, wording('zh'))[0] // { kind: 'heading', text: '销售人员执业登记（S5）' }
 */
export function salesConductContent(results: SalesConductResults, w: Wording): SectionContent {
  return [
    ...(results.registration ? registrationBlocks(results.registration, w) : [{ kind: 'paragraph' as const, text: w.conduct.noRegistration }]),
    ...(results.traceability ? traceabilityBlocks(results.traceability, w) : [{ kind: 'paragraph' as const, text: w.conduct.noTraceability }]),
  ];
}

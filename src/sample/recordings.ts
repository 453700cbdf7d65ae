import { dayOf, type DayNumber, formatDateTime, parseDayText, type DateTime } from '../data/dates';
import type { TableRow } from '../evidence/csv';
import type { SampleSale } from './applications';
import { STUDY_END } from './company';
import { SENIOR_RECORDINGS_MISSING } from './plantedFindings';
import type { RandomSource } from './random';

/** Branch names that start with a region requiring every individual long-term sale to be recorded (S4: 珠海、江苏、宁波). */
const FULL_RECORDING_REGIONS = ['珠海', '江苏', '宁波'];

/** Reasons a reviewer gives for failing a recording (coded phrases, no personal data). */
const REASONS: readonly (readonly [string, number])[] = [
  ['风险提示语句未抄录', 0.3],
  ['销售人员与投保人未同框', 0.25],
  ['未出示执业证件', 0.2],
  ['投保人未作明确肯定答复', 0.15],
  ['条款说明不完整', 0.1],
];

const END = parseDayText(STUDY_END)!;
const MISSING_FROM = parseDayText(SENIOR_RECORDINGS_MISSING.from)!;

/**
 * Whether a sale of the sample needs an audio-video recording under the default rulebook (S4),
 * written out here independently of the workbench's rule engine: an individual long-term sale
 * (every sale of `simulateSales` is one) through bancassurance, or through an agent or broker to a
 * policyholder of 60 or more, or sold by a branch of 江苏 (珠海, 宁波); internet sales never.
 */
export function saleNeedsRecording(sale: SampleSale): boolean {
  if (sale.channelType === 'internet') return false;
  if (sale.channelType === 'bancassurance') return true;
  return sale.policyholderAge >= 60 || FULL_RECORDING_REGIONS.some((r) => sale.branch.startsWith(r));
}

/**
 * Rows of recordings.csv (双录): one recording for every sale that needs one — except, from 2025, a
 * quarter of the agency channel's sales to policyholders of 60 or more (SENIOR_RECORDINGS_MISSING)
 * — and for one in twenty agency sales that need none. Most are made on the application day
 * between 09:00 and 20:00; 1.5% one to three days later, 0.3% after the policy was issued (never
 * after the study end). Durations are lognormal around 20 minutes (at least 5), the first review
 * passes 78% of recordings (the seed's company reports about 70%), the final review passes almost
 * every one; recordings of the last days of 2025 are still waiting for their reviews.
 * @param random the 'recordings' stream
 */
export function recordingRows(random: RandomSource, sales: readonly SampleSale[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const sale of sales) {
    const required = saleNeedsRecording(sale);
    const voluntary = !required && sale.channelType === 'agency' && random.bernoulli(0.05);
    if (!required && !voluntary) continue;
    const planted = required && sale.policy.channel === SENIOR_RECORDINGS_MISSING.channel && sale.policyholderAge >= 60 && sale.application >= MISSING_FROM;
    if (planted && random.bernoulli(SENIOR_RECORDINGS_MISSING.share)) continue;
    const u = random.uniform();
    let day: DayNumber = u < 0.003 ? ((sale.policy.issue + random.int(1, 15)) as DayNumber) : u < 0.018 ? ((sale.application + random.int(1, 3)) as DayNumber) : sale.application;
    if (day > END) day = sale.application;
    const started = (day * 86_400 + random.int(9 * 3600, 20 * 3600)) as DateTime;
    const duration = Math.max(300, Math.round(random.lognormal(1200, 0.3)));
    const firstPass = random.bernoulli(0.78);
    const finalPass = random.bernoulli(firstPass ? 0.995 : 0.93);
    const reason = firstPass ? null : random.pick(REASONS);
    rows.push({
      recording_id: `REC${String(rows.length + 1).padStart(8, '0')}`,
      policy_id: sale.policy.id,
      started_at: formatDateTime(started),
      duration_seconds: duration,
      first_review: day > dayOf(2025, 12, 28) ? null : firstPass ? 'pass' : 'fail',
      final_review: day > dayOf(2025, 12, 21) ? null : finalPass ? 'pass' : 'fail',
      reasons: day > dayOf(2025, 12, 28) ? null : reason,
    });
  }
  return rows;
}

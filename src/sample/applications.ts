import { type DayNumber, formatDay } from '../data/dates';
import type { ChannelType } from '../data/schema';
import type { TableRow } from '../evidence/csv';
import { BRANCHES } from './company';
import type { SamplePolicy } from './policies';
import type { RandomSource } from './random';

/** An individual long-term policy as a sale: the columns the sales-recording rules (S4) need. */
export interface SampleSale {
  readonly policy: SamplePolicy;
  readonly application: DayNumber;
  /** The policyholder's age on the application date. */
  readonly policyholderAge: number;
  readonly channelType: ChannelType;
  readonly branch: string;
}

/** The channel type of each of the sample's channels. */
export const SAMPLE_CHANNEL_TYPES: Readonly<Record<string, ChannelType>> = {
  app: 'internet',
  online_partner: 'internet',
  agency: 'agency',
  bancassurance: 'bancassurance',
  broker: 'broker',
};

/**
 * The sales of the individual long-term policies: each applied for 1–10 days before issue, sold
 * by a branch of its region; the policyholder is the insured three times in four, a parent
 * (22–35 years older, at most 85) in three of twenty, a grown child (22–35 years younger, when
 * at least 18) otherwise — so sales to policyholders of 60 and over occur in every channel.
 * @param random the 'applications' stream
 * @param policies the book, in policy-number order
 */
export function simulateSales(random: RandomSource, policies: readonly SamplePolicy[]): SampleSale[] {
  const sales: SampleSale[] = [];
  for (const policy of policies) {
    if (policy.product.kind !== 'long' || policy.product.business !== 'individual') continue;
    const application = (policy.issue - random.int(1, 10)) as DayNumber;
    const u = random.uniform();
    const gap = random.int(22, 35);
    const age = u < 0.75 ? policy.age : u < 0.9 ? Math.min(85, policy.age + gap) : policy.age - gap >= 18 ? policy.age - gap : policy.age;
    const branch = random.pick(BRANCHES.filter((b) => b.region === policy.region).map((b) => [b.branch, b.share] as const));
    sales.push({ policy, application, policyholderAge: age, channelType: SAMPLE_CHANNEL_TYPES[policy.channel], branch });
  }
  return sales;
}

/**
 * Rows of applications.csv: the sales columns the sample's policies table lacks, one row per
 * individual long-term policy, in policy-number order.
 * @example applicationRows(sales)[0] // { policy_id: 'HT00000042', application_date: '2020-12-26', policyholder_age: 38, channel_type: 'agency', branch: '江苏分公司' }
 */
export function applicationRows(sales: readonly SampleSale[]): TableRow[] {
  return sales.map((s) => ({ policy_id: s.policy.id, application_date: formatDay(s.application), policyholder_age: s.policyholderAge, channel_type: s.channelType, branch: s.branch }));
}

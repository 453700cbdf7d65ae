import { InputError } from '../data/InputError';
import { CHANNEL_TYPES, type ChannelType } from '../data/schema';
import type { Dec } from '../money/decimal';
import type { Comparison } from '../money/ratio';
import { comparisonParam, decimalParam, getRule, integerParam, type Rule, type Rulebook, stringListParam } from '../rules/rulebook';

/**
 * A rule saying which sales need an audio-video recording (双录, S4): products in the rule's scope
 * (individual business with a term over a year), sold through the listed channel types, and
 * optionally only to policyholders of at least an age on the application date, or only in listed
 * regions. Every rule of the rulebook with `recording_requirement: true` is one, in rulebook order.
 */
export interface RecordingRequirementRule {
  readonly rule: Rule;
  readonly channel_types: readonly ChannelType[];
  /** The policyholder's age on the application date must be at least this (60周岁含): null for every age. */
  readonly min_policyholder_age: number | null;
  /** Regions (provinces, cities) where the rule applies: null for everywhere. */
  readonly regions: readonly string[] | null;
}

/** S4-REC-PASS-RATE: floors for the review pass rates of the recordings. */
export interface PassRateRule {
  readonly rule: Rule;
  readonly first_review_floor: Dec;
  readonly final_review_floor: Dec;
  /** When a rate fires: lt (below the floor). */
  readonly comparison: Comparison;
  /** Groups with fewer recordings are not judged. */
  readonly min_recordings: number;
  readonly levels: readonly ('company' | 'channel' | 'branch' | 'product_code')[];
}

/** The sales-recording rules of a rulebook, checked. */
export interface RecordingRules {
  readonly requirements: readonly RecordingRequirementRule[];
  readonly late: Rule;
  readonly pass_rate: PassRateRule;
  readonly undetermined: Rule;
  readonly orphan: Rule;
}

const CHANNEL_TYPE_NAMES = Object.keys(CHANNEL_TYPES) as ChannelType[];

/**
 * The sales-recording rules (S4) of a rulebook, with their parameters checked.
 * @throws InputError naming the rulebook and parameter for a missing rule or a bad parameter, or when no rule requires a recording.
 * @example recordingRules(loadRulebook()).requirements.map((r) => r.rule.id) // ['S4-REC-CONCURRENT', 'S4-REC-REGION', 'S4-REC-SENIOR']
 */
export function recordingRules(rulebook: Rulebook): RecordingRules {
  const requirements = rulebook.rules
    .filter((r) => r.parameters.recording_requirement === true)
    .map((rule) => ({
      rule,
      channel_types: stringListParam(rule, 'channel_types', CHANNEL_TYPE_NAMES, rulebook),
      min_policyholder_age: rule.parameters.min_policyholder_age === undefined ? null : integerParam(rule, 'min_policyholder_age', rulebook),
      regions: rule.parameters.regions === undefined ? null : stringListParam(rule, 'regions', undefined, rulebook),
    }));
  if (requirements.length === 0) throw new InputError({ file: rulebook.file, column: 'rules' }, 'at least one rule with recording_requirement: true (S4-REC-CONCURRENT …)');
  const passRate = getRule(rulebook, 'S4-REC-PASS-RATE');
  return {
    requirements,
    late: getRule(rulebook, 'S4-REC-LATE'),
    pass_rate: {
      rule: passRate,
      first_review_floor: decimalParam(passRate, 'first_review_floor', rulebook),
      final_review_floor: decimalParam(passRate, 'final_review_floor', rulebook),
      comparison: comparisonParam(passRate, 'comparison', rulebook),
      min_recordings: integerParam(passRate, 'min_recordings', rulebook),
      levels: stringListParam(passRate, 'levels', ['company', 'channel', 'branch', 'product_code'] as const, rulebook),
    },
    undetermined: getRule(rulebook, 'DATA-REC-UNDETERMINED'),
    orphan: getRule(rulebook, 'DATA-REC-ORPHAN'),
  };
}

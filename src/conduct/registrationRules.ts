import { InputError } from '../data/InputError';
import type { Dec } from '../money/decimal';
import type { Comparison } from '../money/ratio';
import { choiceParam, comparisonParam, decimalParam, getRule, type Rule, type Rulebook, stringListParam } from '../rules/rulebook';
import { STAFF_SOURCES, type StaffSource } from './staffSources';

/** The groupings of a reconciliation: the company, each branch, each channel, each branch and channel. */
export const REGISTRATION_LEVELS = ['company', 'branch', 'channel', 'branch_channel'] as const;
export type RegistrationLevel = (typeof REGISTRATION_LEVELS)[number];

/** S5-REG-MISMATCH: the difference rate between the registration system and another source. */
export interface MismatchRule {
  readonly rule: Rule;
  readonly threshold: Dec;
  /** When the rule fires: gt (高于10%). */
  readonly comparison: Comparison;
  /** The source the registration system is compared with, and the denominator (statistics). */
  readonly base: Exclude<StaffSource, 'registry'>;
  /** The groupings judged (the company and each branch by default). */
  readonly levels: readonly RegistrationLevel[];
}

/** S5-REG-MISSING: the share of staff whose registration misses required elements. */
export interface MissingRule {
  readonly rule: Rule;
  readonly limit: Dec;
  /** What the share must meet: le (不得超过5%). */
  readonly comparison: Comparison;
  /** The source whose records are checked (the registration system). */
  readonly source: StaffSource;
  /** Columns (canonical names, or headers of further columns) that must be filled in. */
  readonly required_elements: readonly string[];
  readonly levels: readonly RegistrationLevel[];
  /** The notice's bands, highest bound first. */
  readonly bands: readonly Dec[];
}

function bandsParam(rule: Rule, rulebook: Rulebook): Dec[] {
  const raw = rule.parameters.bands;
  if (!Array.isArray(raw) || raw.length === 0) throw new InputError({ file: rulebook.file, column: `${rule.id}.parameters.bands` }, 'a list of band bounds, highest first (0.50, 0.30, 0.20, 0.05)', JSON.stringify(raw));
  const bounds = raw.map((_, i) => decimalParam({ ...rule, parameters: { bound: raw[i] } }, 'bound', rulebook));
  if (bounds.some((b, i) => i > 0 && !b.lt(bounds[i - 1]))) throw new InputError({ file: rulebook.file, column: `${rule.id}.parameters.bands` }, 'band bounds in decreasing order', JSON.stringify(raw));
  return bounds;
}

/**
 * The registration rules of a rulebook, with their parameters checked.
 * @throws InputError naming the rulebook and parameter when a rule is missing or a parameter is wrong.
 * @example registrationRules(loadRulebook()).mismatch.threshold.toString() // '0.1'
 */
export function registrationRules(rulebook: Rulebook): { readonly mismatch: MismatchRule; readonly missing: MissingRule } {
  const mismatch = getRule(rulebook, 'S5-REG-MISMATCH');
  const missing = getRule(rulebook, 'S5-REG-MISSING');
  return {
    mismatch: {
      rule: mismatch,
      threshold: decimalParam(mismatch, 'threshold', rulebook),
      comparison: comparisonParam(mismatch, 'comparison', rulebook),
      base: choiceParam(mismatch, 'base', ['statistics', 'hr', 'disclosure'] as const, rulebook),
      levels: stringListParam(mismatch, 'levels', REGISTRATION_LEVELS, rulebook),
    },
    missing: {
      rule: missing,
      limit: decimalParam(missing, 'limit', rulebook),
      comparison: comparisonParam(missing, 'comparison', rulebook),
      source: choiceParam(missing, 'source', STAFF_SOURCES, rulebook),
      required_elements: stringListParam(missing, 'required_elements', undefined, rulebook),
      levels: stringListParam(missing, 'levels', REGISTRATION_LEVELS, rulebook),
      bands: bandsParam(missing, rulebook),
    },
  };
}

import { InputError } from '../data/InputError';
import { SERVICE_EVENT_TYPES, type ServiceEventType } from '../data/schema';
import type { Dec } from '../money/decimal';
import type { Comparison } from '../money/ratio';
import { booleanParam, choiceParam, comparisonParam, decimalParam, getRule, integerParam, type Rule, type Rulebook } from '../rules/rulebook';
import type { CountingConvention, LimitUnit, TimeLimit } from './timeLimit';

/** The rules of S1 §6 with a time limit, in the order of the article's items. */
export const TIME_LIMIT_RULES = [
  'ILI-SVC-UW-NOTICE',
  'ILI-SVC-EPOLICY',
  'ILI-SVC-POLICY-SERVICE',
  'ILI-SVC-CLAIM-GUIDANCE',
  'ILI-SVC-CLAIM-PAPERS',
  'ILI-SVC-CLAIM-DECISION',
  'ILI-SVC-CLAIM-NOTICE',
  'ILI-SVC-SURRENDER',
  'ILI-SVC-COMPLAINT',
] as const;

/** One event type's time limit as the rulebook sets it. */
export interface ServiceLimit {
  readonly rule: Rule;
  readonly event_type: ServiceEventType;
  /** Channels the limit applies to (S1: online service). */
  readonly channels: readonly string[];
  readonly limit: TimeLimit;
  /** The extended limit of a complex case (claim decisions, surrenders), or null. */
  readonly complex_limit: TimeLimit | null;
}

/** The connection-rate standard (S1 §6 item 1). */
export interface ConnectionStandard {
  readonly rule: Rule;
  readonly event_type: ServiceEventType;
  readonly channels: readonly string[];
  readonly min_rate: Dec;
  readonly comparison: Comparison;
}

/** The workbench's own trigger for naming a branch (rule ILI-SVC-BRANCH). */
export interface BranchTrigger {
  readonly rule: Rule;
  readonly min_on_time_rate: Dec;
  readonly comparison: Comparison;
  readonly min_judged: number;
}

/** Everything S1 §6 asks, as read from a rulebook. */
export interface ServiceStandardsRules {
  readonly limits: readonly ServiceLimit[];
  readonly connection: ConnectionStandard;
  readonly convention: CountingConvention;
  readonly branch: BranchTrigger;
}

const UNITS: readonly LimitUnit[] = ['working_days', 'calendar_days'];
const EVENT_TYPES = Object.keys(SERVICE_EVENT_TYPES) as ServiceEventType[];

function channelsParam(rule: Rule, rulebook: Rulebook): string[] {
  const value = rule.parameters.channels;
  if (!Array.isArray(value) || value.length === 0 || !value.every((c) => c === 'online' || c === 'offline')) {
    throw new InputError({ file: rulebook.file, column: `${rule.id}.parameters.channels` }, 'a list of channels: online, offline', String(value));
  }
  return value as string[];
}

function limitParam(rule: Rule, rulebook: Rulebook, amount: string, unit: string): TimeLimit {
  const n = integerParam(rule, amount, rulebook);
  if (n < 1) throw new InputError({ file: rulebook.file, column: `${rule.id}.parameters.${amount}` }, 'a whole number of days of at least 1', String(n));
  return { amount: n, unit: choiceParam(rule, unit, UNITS, rulebook) };
}

/**
 * Reads S1 §6's service standards from a rulebook: each ILI-SVC time limit with its event type,
 * channels and (complex-case) limit, the connection rate, the counting convention
 * (ILI-SVC-COUNTING) and the branch trigger (ILI-SVC-BRANCH).
 * @throws InputError when a rule is missing or a parameter is not what it should be.
 * @example serviceStandardsRules(loadRulebook()).limits.find((l) => l.event_type === 'policy_service')!.limit // { amount: 2, unit: 'working_days' }
 */
export function serviceStandardsRules(rulebook: Rulebook): ServiceStandardsRules {
  const eventType = (rule: Rule) => choiceParam(rule, 'event_type', EVENT_TYPES, rulebook);
  const limits = TIME_LIMIT_RULES.map((id) => {
    const rule = getRule(rulebook, id);
    const hasComplex = rule.parameters.complex_limit !== undefined;
    return {
      rule,
      event_type: eventType(rule),
      channels: channelsParam(rule, rulebook),
      limit: limitParam(rule, rulebook, 'limit', 'unit'),
      complex_limit: hasComplex ? limitParam(rule, rulebook, 'complex_limit', 'complex_unit') : null,
    };
  });
  const seen = new Set<string>();
  for (const l of limits) {
    if (seen.has(l.event_type)) throw new InputError({ file: rulebook.file, column: `${l.rule.id}.parameters.event_type` }, 'one time-limit rule per event type', l.event_type);
    seen.add(l.event_type);
  }
  const connect = getRule(rulebook, 'ILI-SVC-CONNECT');
  const counting = getRule(rulebook, 'ILI-SVC-COUNTING');
  const branch = getRule(rulebook, 'ILI-SVC-BRANCH');
  return {
    limits,
    connection: { rule: connect, event_type: eventType(connect), channels: channelsParam(connect, rulebook), min_rate: decimalParam(connect, 'min_rate', rulebook), comparison: comparisonParam(connect, 'comparison', rulebook) },
    convention: {
      receipt_day_counted: booleanParam(counting, 'receipt_day_counted', rulebook),
      calendar_limit_extends_to_working_day: booleanParam(counting, 'calendar_limit_extends_to_working_day', rulebook),
    },
    branch: { rule: branch, min_on_time_rate: decimalParam(branch, 'min_on_time_rate', rulebook), comparison: comparisonParam(branch, 'comparison', rulebook), min_judged: integerParam(branch, 'min_judged', rulebook) },
  };
}

/**
 * A limit as words: `2 working days`, `30 calendar days`.
 * @example limitText({ amount: 1, unit: 'working_days' }) // '1 working day'
 */
export function limitText(limit: TimeLimit): string {
  const unit = limit.unit === 'working_days' ? 'working day' : 'calendar day';
  return `${limit.amount} ${unit}${limit.amount === 1 ? '' : 's'}`;
}

/** A limit in Chinese: `2个工作日`, `30日`. */
export function limitTextZh(limit: TimeLimit): string {
  return limit.unit === 'working_days' ? `${limit.amount}个工作日` : `${limit.amount}日`;
}

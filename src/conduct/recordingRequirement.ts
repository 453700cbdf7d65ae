import { normaliseKey } from '../data/schema';
import type { Rulebook } from '../rules/rulebook';
import { type ScopeField, scopeMatch } from '../rules/scopeMatch';
import type { PolicySale } from './policySales';
import type { RecordingRequirementRule } from './recordingRules';

/** Whether a sale needs an audio-video recording. */
export type RequirementStatus = 'required' | 'not_required' | 'undetermined';

/** A field whose absence leaves a rule undecided. */
export type UnknownField = ScopeField | 'channel_type' | 'policyholder_age' | 'region';

/** Whether a sale needs a recording, which rules require it, and what is missing to decide. */
export interface RecordingRequirement {
  readonly status: RequirementStatus;
  /** The rules that require it, in rulebook order (the first names the requirement). */
  readonly required_by: readonly string[];
  /** For an undetermined sale: the fields whose absence leaves some rule undecided. */
  readonly unknown: readonly UnknownField[];
}

type Verdict = { readonly kind: 'yes' } | { readonly kind: 'no' } | { readonly kind: 'unknown'; readonly fields: readonly UnknownField[] };

const YES: Verdict = { kind: 'yes' };
const NO: Verdict = { kind: 'no' };
const unknown = (...fields: UnknownField[]): Verdict => ({ kind: 'unknown', fields });

/** Three-valued and: any no is no; otherwise any unknown is unknown (with every unknown field); otherwise yes. */
function all(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.some((v) => v.kind === 'no')) return NO;
  const fields = verdicts.flatMap((v) => (v.kind === 'unknown' ? v.fields : []));
  return fields.length > 0 ? unknown(...fields) : YES;
}

/**
 * Whether a sale is in a listed region: its region is one of the names, or its branch's name
 * starts with one (江苏分公司 is in 江苏, 宁波中心支公司 in 宁波); compared without case or spaces.
 * Unknown only when the sale has neither a region nor a branch.
 * @example inRegions({ region: '华东', branch: '江苏分公司', … }, ['江苏']) // { kind: 'yes' }
 */
function inRegions(sale: PolicySale, regions: readonly string[]): Verdict {
  if (sale.region === null && sale.branch === null) return unknown('region');
  const region = sale.region === null ? null : normaliseKey(sale.region);
  const branch = sale.branch === null ? null : normaliseKey(sale.branch);
  return regions.some((name) => normaliseKey(name) === region || (branch !== null && branch.startsWith(normaliseKey(name)))) ? YES : NO;
}

/** What one requirement rule says of a sale. */
function ruleVerdict(sale: PolicySale, r: RecordingRequirementRule, rulebook?: Rulebook): Verdict {
  const scope = scopeMatch(r.rule, sale.product, rulebook);
  return all([
    scope.kind === 'in' ? YES : scope.kind === 'out' ? NO : unknown(...scope.fields),
    sale.channel_type === null ? unknown('channel_type') : r.channel_types.includes(sale.channel_type) ? YES : NO,
    r.min_policyholder_age === null ? YES : sale.policyholder_age === null ? unknown('policyholder_age') : sale.policyholder_age >= r.min_policyholder_age ? YES : NO,
    r.regions === null ? YES : inRegions(sale, r.regions),
  ]);
}

/**
 * Whether a sale needs an audio-video recording (双录, S4) under the rulebook's requirement rules:
 * required when any rule requires it (listing every such rule, the first naming the requirement);
 * not required when every rule rules it out; undetermined when no rule requires it and some rule
 * cannot be decided because a field is empty (the product's business type, the channel type, the
 * policyholder's age, the region). A policyholder exactly 60 on the application date is "60周岁（含）以上".
 * @example recordingRequirement(aSaleThroughAgencyToA60YearOld, recordingRules(book).requirements) // { status: 'required', required_by: ['S4-REC-SENIOR'], unknown: [] }
 */
export function recordingRequirement(sale: PolicySale, rules: readonly RecordingRequirementRule[], rulebook?: Rulebook): RecordingRequirement {
  const verdicts = rules.map((r) => ({ id: r.rule.id, verdict: ruleVerdict(sale, r, rulebook) }));
  const requiredBy = verdicts.filter((v) => v.verdict.kind === 'yes').map((v) => v.id);
  if (requiredBy.length > 0) return { status: 'required', required_by: requiredBy, unknown: [] };
  const fields = [...new Set(verdicts.flatMap((v) => (v.verdict.kind === 'unknown' ? v.verdict.fields : [])))].sort();
  return fields.length > 0 ? { status: 'undetermined', required_by: [], unknown: fields } : { status: 'not_required', required_by: [], unknown: [] };
}

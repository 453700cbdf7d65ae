export { SEVERITIES, type Severity, type Finding, type FindingValue, citationText, makeFinding, sortFindings, countBySeverity } from './finding';
export {
  type Rule,
  type RuleCitation,
  type Rulebook,
  DEFAULT_RULEBOOK_PATH,
  loadRulebook,
  getRule,
  decimalParam,
  integerParam,
  choiceParam,
  comparisonParam,
  booleanParam,
  stringListParam,
} from './rulebook';

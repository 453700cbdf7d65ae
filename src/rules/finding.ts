import type { Rule } from './rulebook';

/** How urgent a finding is, from most to least. */
export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * How many findings there are of each severity, keyed in the order of SEVERITIES.
 * @example countBySeverity([finding]) // { critical: 0, major: 1, minor: 0, info: 0 } for one major finding
 */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, major: 0, minor: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A JSON scalar recorded with a finding: the values that triggered it. */
export type FindingValue = string | number | boolean | null;

/**
 * One outcome of a rule that fired, with the values that made it fire. This is the JSON
 * shape of `findings[]` in every command (DOMAIN.md, Command line).
 */
export interface Finding {
  readonly rule_id: string;
  readonly severity: Severity;
  readonly message: string;
  readonly message_zh?: string;
  /** Source, document, article and the quoted text, on one line. */
  readonly citation: string;
  readonly product_code?: string;
  readonly period?: string;
  readonly values: Readonly<Record<string, FindingValue>>;
}

/** The citation of a rule on one line: `S2 意外伤害保险业务监管办法（征求意见稿） 定价调整: “…”`. */
export function citationText(rule: Rule): string {
  const c = rule.citation;
  return `${c.source} ${c.document} ${c.article}: “${c.quote}”`;
}

/**
 * Builds a finding of a rule, taking its severity and citation from the rulebook.
 * @example makeFinding(rule, { message: 'P01 must stop selling', product_code: 'P01', values: { loss_ratio: 0.21 } })
 */
export function makeFinding(
  rule: Rule,
  detail: { message: string; message_zh?: string; product_code?: string; period?: string; values: Record<string, FindingValue>; severity?: Severity },
): Finding {
  const finding: Finding = {
    rule_id: rule.id,
    severity: detail.severity ?? rule.severity,
    message: detail.message,
    ...(detail.message_zh !== undefined ? { message_zh: detail.message_zh } : {}),
    citation: citationText(rule),
    ...(detail.product_code !== undefined ? { product_code: detail.product_code } : {}),
    ...(detail.period !== undefined ? { period: detail.period } : {}),
    values: detail.values,
  };
  return finding;
}

/** Orders findings for output: severity, then rule, product and period, so output is deterministic. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const text = (s: string | undefined) => s ?? '';
  return [...findings].sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      cmp(a.rule_id, b.rule_id) ||
      cmp(text(a.product_code), text(b.product_code)) ||
      cmp(text(a.period), text(b.period)) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

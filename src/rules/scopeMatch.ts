import { VALUE_ZH } from '../present/words';
import type { ProductRow } from '../data/rows';
import { scopeMiss } from './productScope';
import type { Rule, Rulebook } from './rulebook';

/** The optional product fields a scope may test: when the products table leaves one empty, a rule may be undecidable. */
export type ScopeField = 'internet' | 'business' | 'premium_mode';

/**
 * Whether a rule applies to a product: 'in', 'out', or 'unknown' when the product leaves a
 * tested field empty (for example no premium_mode for a long-term accident product) and the
 * other keys do not already rule it out. `unknown` lists the empty fields.
 */
export type ScopeMatch = { readonly kind: 'in' } | { readonly kind: 'out' } | { readonly kind: 'unknown'; readonly fields: readonly ScopeField[] };

/**
 * Tests a product against a rule's scope with {@link scopeMiss}, telling "not in scope" apart
 * from "cannot tell": a condition missed only because the product leaves the field empty is
 * set aside, and the product is 'unknown' if it meets every other condition, 'out' if it misses
 * one of them. The expense caps turn 'unknown' into a DATA-EXP-UNCHECKED finding rather than
 * silently skipping the cap.
 *
 * @throws InputError naming the rulebook and scope key when a key or value is not one the workbench knows.
 * @example scopeMatch(getRule(book, 'ACC-EXP-LONG-SINGLE'), aLongTermAccidentProductWithoutPremiumMode)
 * // { kind: 'unknown', fields: ['premium_mode'] }
 */
export function scopeMatch(rule: Rule, product: ProductRow, rulebook?: Rulebook): ScopeMatch {
  const miss = scopeMiss(rule, product, rulebook);
  if (miss === null) return { kind: 'in' };
  if (miss.found !== 'unknown') return { kind: 'out' };
  const rest = Object.fromEntries(Object.entries(rule.scope).filter(([key]) => key !== miss.key));
  const others = scopeMatch({ ...rule, scope: rest }, product, rulebook);
  if (others.kind === 'out') return others;
  const fields = new Set<ScopeField>([miss.key as ScopeField, ...(others.kind === 'unknown' ? others.fields : [])]);
  return { kind: 'unknown', fields: [...fields].sort() };
}

/**
 * The scope of a rule in words, for tables and reports.
 * @example scopeText(getRule(book, 'ACC-EXP-LONG-SINGLE')) // 'line accident; business individual; premium single; term > 12 months'
 */
export function scopeText(rule: Rule): string {
  const parts: string[] = [];
  const s = rule.scope;
  if (Array.isArray(s.lines)) parts.push(`line ${s.lines.join('/')}`);
  if (s.internet !== undefined) parts.push(s.internet ? 'internet' : 'not internet');
  if (s.business !== undefined) parts.push(`business ${String(s.business)}`);
  if (s.premium_mode !== undefined) parts.push(`premium ${String(s.premium_mode)}`);
  if (s.max_term_months !== undefined) parts.push(`term ≤ ${String(s.max_term_months)} months`);
  if (s.min_term_months_exclusive !== undefined) parts.push(`term > ${String(s.min_term_months_exclusive)} months`);
  return parts.length > 0 ? parts.join('; ') : 'every product';
}

/**
 * The scope of a rule in Chinese words, for Chinese tables and reports.
 * @example scopeTextZh(getRule(book, 'ACC-EXP-LONG-SINGLE')) // '险种：意外险；个人业务；趸交；保险期间 > 12个月'
 */
export function scopeTextZh(rule: Rule): string {
  const parts: string[] = [];
  const s = rule.scope;
  const word = (v: unknown) => VALUE_ZH[String(v)] ?? String(v);
  if (Array.isArray(s.lines)) parts.push(`险种：${s.lines.map(word).join('/')}`);
  if (s.internet !== undefined) parts.push(s.internet ? '互联网' : '非互联网');
  if (s.business !== undefined) parts.push(`${word(s.business)}业务`);
  if (s.premium_mode !== undefined) parts.push(word(s.premium_mode));
  if (s.max_term_months !== undefined) parts.push(`保险期间 ≤ ${String(s.max_term_months)}个月`);
  if (s.min_term_months_exclusive !== undefined) parts.push(`保险期间 > ${String(s.min_term_months_exclusive)}个月`);
  return parts.length > 0 ? parts.join('；') : '全部产品';
}

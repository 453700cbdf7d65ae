import { InputError } from '../data/InputError';
import type { ProductRow } from '../data/rows';
import { LINES } from '../data/schema';
import type { Rule, Rulebook } from './rulebook';

/** The product fields a rule's scope may test, named as in the products table. */
export type ScopeField = 'line' | 'internet' | 'business' | 'term_months' | 'premium_mode';

/**
 * Whether a rule applies to a product: 'in', 'out', or 'unknown' when the product leaves a
 * tested field empty (for example no premium_mode for a long-term accident product) and the
 * other keys do not already rule it out. `unknown` lists the empty fields.
 */
export type ScopeMatch = { readonly kind: 'in' } | { readonly kind: 'out' } | { readonly kind: 'unknown'; readonly fields: readonly ScopeField[] };

/** The product attributes a scope looks at. */
export type ScopedProduct = Pick<ProductRow, 'line' | 'internet' | 'business' | 'term_months' | 'premium_mode'>;

const SCOPE_KEYS = ['lines', 'internet', 'business', 'premium_mode', 'max_term_months', 'min_term_months_exclusive'] as const;
type ScopeKey = (typeof SCOPE_KEYS)[number];

/**
 * Tests a product against a rule's `scope`: `lines` (list of lines), `internet` (true/false),
 * `business` (individual/group), `premium_mode` (single/regular), `max_term_months` (term ≤,
 * "保险期间一年及以下" is 12) and `min_term_months_exclusive` (term >, "一年以上" is 12). Every key
 * present must hold; a rule without a scope applies to every product.
 *
 * @throws InputError naming the rulebook and the scope key when a key is unknown or malformed,
 * so that a typo in an edited rulebook never silently widens a rule.
 * @example scopeMatch(getRule(book, 'ILI-EXP-SHORT'), { line: 'accident', internet: true, business: 'individual', term_months: 12, premium_mode: 'single' })
 * // { kind: 'in' }
 */
export function scopeMatch(rule: Rule, product: ScopedProduct, rulebook?: Rulebook): ScopeMatch {
  const unknown = new Set<ScopeField>();
  let out = false;
  for (const [key, expected] of Object.entries(rule.scope)) {
    if (!(SCOPE_KEYS as readonly string[]).includes(key)) {
      throw scopeError(rule, key, `one of the scope keys ${SCOPE_KEYS.join(', ')}`, rulebook, key);
    }
    const verdict = testKey(rule, key as ScopeKey, expected, product, rulebook);
    if (verdict === false) out = true;
    else if (verdict !== true) unknown.add(verdict);
  }
  if (out) return { kind: 'out' };
  if (unknown.size > 0) return { kind: 'unknown', fields: [...unknown].sort() };
  return { kind: 'in' };
}

/** One key: true (holds), false (fails), or the field the product leaves empty. */
function testKey(rule: Rule, key: ScopeKey, expected: unknown, p: ScopedProduct, rulebook?: Rulebook): boolean | ScopeField {
  switch (key) {
    case 'lines': {
      if (!Array.isArray(expected) || expected.some((l) => typeof l !== 'string' || !(l in LINES))) {
        throw scopeError(rule, key, `a list of lines (${Object.keys(LINES).join(', ')})`, rulebook, expected);
      }
      return (expected as string[]).includes(p.line);
    }
    case 'internet': {
      if (typeof expected !== 'boolean') throw scopeError(rule, key, 'true or false', rulebook, expected);
      return p.internet === null ? 'internet' : p.internet === expected;
    }
    case 'business': {
      if (expected !== 'individual' && expected !== 'group') throw scopeError(rule, key, 'individual or group', rulebook, expected);
      return p.business === null ? 'business' : p.business === expected;
    }
    case 'premium_mode': {
      if (expected !== 'single' && expected !== 'regular') throw scopeError(rule, key, 'single or regular', rulebook, expected);
      return p.premium_mode === null ? 'premium_mode' : p.premium_mode === expected;
    }
    case 'max_term_months': {
      if (typeof expected !== 'number' || !Number.isInteger(expected)) throw scopeError(rule, key, 'a whole number of months', rulebook, expected);
      return p.term_months <= expected;
    }
    case 'min_term_months_exclusive': {
      if (typeof expected !== 'number' || !Number.isInteger(expected)) throw scopeError(rule, key, 'a whole number of months', rulebook, expected);
      return p.term_months > expected;
    }
  }
}

function scopeError(rule: Rule, key: string, expected: string, rulebook: Rulebook | undefined, found: unknown): InputError {
  return new InputError({ file: rulebook?.file, column: `${rule.id}.scope.${key}` }, expected, found === undefined ? undefined : JSON.stringify(found));
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

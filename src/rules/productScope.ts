import { InputError } from '../data/InputError';
import type { ProductRow } from '../data/rows';
import { LINES } from '../data/schema';
import type { Rule, Rulebook } from './rulebook';

/** The first scope condition a product does not meet: which key, what it asks for, what the product has. */
export interface ScopeMiss {
  readonly key: string;
  readonly expected: string;
  readonly found: string;
}

/** Scope keys a rule may use, and how each is checked against a product. */
const SCOPE_KEYS = ['lines', 'internet', 'business', 'premium_mode', 'max_term_months', 'min_term_months_exclusive'] as const;
type ScopeKey = (typeof SCOPE_KEYS)[number];

function scopeError(rule: Rule, key: string, expected: string, value: unknown, rulebook?: Rulebook): InputError {
  return new InputError({ file: rulebook?.file, column: `${rule.id}.scope.${key}` }, expected, value === undefined ? undefined : JSON.stringify(value));
}

function checkKey(rule: Rule, key: ScopeKey, value: unknown, product: ProductRow, rulebook?: Rulebook): ScopeMiss | null {
  switch (key) {
    case 'lines': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v in LINES)) throw scopeError(rule, key, `a list of lines (${Object.keys(LINES).join(', ')})`, value, rulebook);
      return value.includes(product.line) ? null : { key, expected: `line in ${value.join(', ')}`, found: product.line };
    }
    case 'internet': {
      if (typeof value !== 'boolean') throw scopeError(rule, key, 'true or false', value, rulebook);
      return product.internet === value ? null : { key, expected: `internet ${value}`, found: product.internet === null ? 'unknown' : String(product.internet) };
    }
    case 'business':
    case 'premium_mode': {
      const allowed = key === 'business' ? ['individual', 'group'] : ['single', 'regular'];
      if (typeof value !== 'string' || !allowed.includes(value)) throw scopeError(rule, key, allowed.join(' or '), value, rulebook);
      const found = product[key];
      return found === value ? null : { key, expected: `${key} ${value}`, found: found ?? 'unknown' };
    }
    case 'max_term_months': {
      if (typeof value !== 'number') throw scopeError(rule, key, 'a number of months', value, rulebook);
      return product.term_months <= value ? null : { key, expected: `term ≤ ${value} months`, found: `${product.term_months} months` };
    }
    case 'min_term_months_exclusive': {
      if (typeof value !== 'number') throw scopeError(rule, key, 'a number of months', value, rulebook);
      return product.term_months > value ? null : { key, expected: `term > ${value} months`, found: `${product.term_months} months` };
    }
  }
}

/**
 * Whether a product is in a rule's scope (the rulebook's `scope`: lines, internet, business,
 * premium_mode, max_term_months (≤), min_term_months_exclusive (>)). A product whose field is
 * unknown (empty cell) does not meet a condition on that field.
 *
 * @returns null when the product is in scope, else the first condition it misses (in the order
 * the rulebook lists them).
 * @throws InputError for a scope key the workbench does not know or a value of the wrong type, so
 * that a typo in an edited rulebook cannot silently widen a rule.
 * @example scopeMiss(accLrReprice, { line: 'accident', term_months: 24, … })
 * // { key: 'max_term_months', expected: 'term ≤ 12 months', found: '24 months' }
 */
export function scopeMiss(rule: Rule, product: ProductRow, rulebook?: Rulebook): ScopeMiss | null {
  let first: ScopeMiss | null = null;
  // Every key is checked, not only those before the first miss, so a typo anywhere is caught.
  for (const [key, value] of Object.entries(rule.scope)) {
    if (!(SCOPE_KEYS as readonly string[]).includes(key)) throw scopeError(rule, key, `a scope key among ${SCOPE_KEYS.join(', ')}`, key, rulebook);
    const miss = checkKey(rule, key as ScopeKey, value, product, rulebook);
    first ??= miss;
  }
  return first;
}

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { scopeMatch, scopeText } from '../../src/rules/scopeMatch';
import { getRule, loadRulebook, type Rule } from '../../src/rules/rulebook';

const BOOK = loadRulebook();
const LONG_ACCIDENT = { line: 'accident', internet: false, business: 'individual', term_months: 60, premium_mode: 'single' } as const;

describe('scopeMatch()', () => {
  it('matches every scope key: line, business, premium mode and term', () => {
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-LONG-SINGLE'), LONG_ACCIDENT).kind).toBe('in');
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-LONG-REG'), LONG_ACCIDENT).kind).toBe('out');
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-SHORT'), LONG_ACCIDENT).kind).toBe('out');
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-GROUP-LONG-SINGLE'), LONG_ACCIDENT).kind).toBe('out');
  });

  it('is unknown when a tested field is empty, and out when another key already rules the product out', () => {
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-LONG-SINGLE'), { ...LONG_ACCIDENT, premium_mode: null })).toEqual({ kind: 'unknown', fields: ['premium_mode'] });
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-SHORT'), { ...LONG_ACCIDENT, premium_mode: null }).kind).toBe('out');
  });

  it('rejects a scope key it does not know, so a typo never widens a rule', () => {
    const typo: Rule = { ...getRule(BOOK, 'ILI-EXP-SHORT'), scope: { internet: true, max_term_month: 12 } };
    expect(() => scopeMatch(typo, LONG_ACCIDENT, BOOK)).toThrow(InputError);
    expect(() => scopeMatch(typo, LONG_ACCIDENT, BOOK)).toThrow(/ILI-EXP-SHORT\.scope\.max_term_month/);
  });

  it('describes a scope in words', () => {
    expect(scopeText(getRule(BOOK, 'ACC-EXP-LONG-SINGLE'))).toBe('line accident; business individual; premium single; term > 12 months');
  });
});

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { parseTable } from '../../src/data/parseTable';
import { parseCsvText } from '../../src/data/readCsv';
import type { ProductRow } from '../../src/data/rows';
import { scopeMatch, scopeText } from '../../src/rules/scopeMatch';
import { getRule, loadRulebook, type Rule } from '../../src/rules/rulebook';

const BOOK = loadRulebook();
const [longSingle, longNoMode, shortNoMode, groupNoMode] = parseTable<ProductRow>(
  'products',
  parseCsvText('products.csv', 'product_code,line,internet,business,term_months,premium_mode\nA,accident,false,individual,60,single\nB,accident,false,individual,60,\nC,accident,false,individual,12,\nD,accident,false,,60,\n'),
).rows;

describe('scopeMatch()', () => {
  it('matches every scope key: line, business, premium mode and term', () => {
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-LONG-SINGLE'), longSingle).kind).toBe('in');
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-LONG-REG'), longSingle).kind).toBe('out');
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-SHORT'), longSingle).kind).toBe('out');
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-GROUP-LONG-SINGLE'), longSingle).kind).toBe('out');
  });

  it('is unknown when a tested field is empty, and out when another key already rules the product out', () => {
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-LONG-SINGLE'), longNoMode)).toEqual({ kind: 'unknown', fields: ['premium_mode'] });
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-LONG-SINGLE'), shortNoMode).kind).toBe('out');
    expect(scopeMatch(getRule(BOOK, 'ACC-EXP-SHORT'), shortNoMode).kind).toBe('in');
  });

  it('lists every empty field that leaves the rule undecided', () => {
    const rule: Rule = { ...getRule(BOOK, 'ACC-EXP-GROUP-LONG-SINGLE') };
    expect(scopeMatch(rule, { ...groupNoMode, premium_mode: null })).toEqual({ kind: 'unknown', fields: ['business', 'premium_mode'] });
  });

  it('rejects a scope key or value it does not know, so a typo never changes a rule', () => {
    const typoKey: Rule = { ...getRule(BOOK, 'ILI-EXP-SHORT'), scope: { internet: true, max_term_month: 12 } };
    expect(() => scopeMatch(typoKey, longSingle, BOOK)).toThrow(/ILI-EXP-SHORT\.scope\.max_term_month/);
    const typoValue: Rule = { ...getRule(BOOK, 'ACC-EXP-SHORT'), scope: { lines: ['acident'] } };
    expect(() => scopeMatch(typoValue, longSingle, BOOK)).toThrow(InputError);
    const typoMode: Rule = { ...getRule(BOOK, 'ACC-EXP-LONG-SINGLE'), scope: { premium_mode: 'singel' } };
    expect(() => scopeMatch(typoMode, longSingle, BOOK)).toThrow(/expected single or regular/);
    // Even after a key the product already misses (it is not an internet product).
    const lateTypo: Rule = { ...getRule(BOOK, 'ACC-EXP-LONG-SINGLE'), scope: { internet: true, premium_mode: 'singel' } };
    expect(() => scopeMatch(lateTypo, longSingle, BOOK)).toThrow(/scope\.premium_mode/);
  });

  it('describes a scope in words', () => {
    expect(scopeText(getRule(BOOK, 'ACC-EXP-LONG-SINGLE'))).toBe('line accident; business individual; premium single; term > 12 months');
  });
});

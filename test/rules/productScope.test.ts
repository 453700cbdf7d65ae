import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { scopeMiss } from '../../src/rules/productScope';
import { getRule, loadRulebook, type Rule } from '../../src/rules/rulebook';
import { productRows } from '../lossratio/tables';

const [shortAccident, longAccident, internetMedical] = productRows(`product_code,line,term_months,internet,business,premium_mode
A,accident,12,true,individual,single
L,accident,13,false,individual,regular
M,medical,12,true,group,
`);

describe('scopeMiss()', () => {
  const rulebook = loadRulebook();
  const reprice = getRule(rulebook, 'ACC-LR-REPRICE');

  it('accepts a 12-month accident product (term ≤ 12 months is short-term)', () => {
    expect(scopeMiss(reprice, shortAccident)).toBeNull();
  });

  it('names the condition a product misses', () => {
    expect(scopeMiss(reprice, longAccident)).toEqual({ key: 'max_term_months', expected: 'term ≤ 12 months', found: '13 months' });
    expect(scopeMiss(reprice, internetMedical)).toEqual({ key: 'lines', expected: 'line in accident', found: 'medical' });
  });

  it('treats an unknown field as not meeting a condition on it', () => {
    const rule: Rule = { ...reprice, scope: { premium_mode: 'single' } };
    expect(scopeMiss(rule, internetMedical)).toEqual({ key: 'premium_mode', expected: 'premium_mode single', found: 'unknown' });
  });

  it('rejects a scope key it does not know, so a typo cannot widen a rule', () => {
    const rule: Rule = { ...reprice, scope: { line: ['accident'] } };
    expect(() => scopeMiss(rule, shortAccident, rulebook)).toThrow(InputError);
    expect(() => scopeMiss(rule, shortAccident, rulebook)).toThrow(/column ACC-LR-REPRICE\.scope\.line: expected a scope key among lines, internet/);
  });
});

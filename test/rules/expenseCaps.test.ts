import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/data/parseTable';
import { parseCsvText } from '../../src/data/readCsv';
import type { LoadingRow, ProductRow } from '../../src/data/rows';
import { productLoadings } from '../../src/expense/productLoadings';
import { checkExpenseCaps, expenseCapRules, smallestHeadroom } from '../../src/rules/expenseCaps';
import { sortFindings } from '../../src/rules/finding';
import { loadRulebook } from '../../src/rules/rulebook';

const BOOK = loadRulebook();
const HEADER = 'product_code,line,internet,business,term_months,premium_mode,loading_first_year,loading_average,intermediary_fee_cap,pricing_interest_rate';

function review(rows: string[], loadingsCsv?: string) {
  const products = parseTable<ProductRow>('products', parseCsvText('products.csv', [HEADER, ...rows].join('\n') + '\n'));
  const loadings = loadingsCsv ? parseTable<LoadingRow>('loadings', parseCsvText('loadings.csv', loadingsCsv)) : undefined;
  return checkExpenseCaps(productLoadings(products, loadings), BOOK);
}

/**
 * Each cap at its exact boundary and just over it. The caps are the seeds' figures:
 * S1 §9.2 "保险期间一年及以下的…预定附加费用率不得高于35%；保险期间一年以上的…首年预定附加费用率不得高于60%，
 * 平均附加费用率不得高于25%"; S2 "短期意外险平均附加费用率上限不得超过35%，长期意外险中，期交产品不得超过35%，
 * 趸交产品不得超过18%"; the group figures of the published draft (25%, 15%, 8%). 不得高于/不得超过 is ≤.
 */
const CAPS: { rule: string; product: (rate: string) => string; cap: string }[] = [
  { rule: 'ILI-EXP-SHORT', cap: '0.35', product: (r) => `X,medical,true,individual,12,regular,${r},${r},,` },
  { rule: 'ILI-EXP-FIRST', cap: '0.60', product: (r) => `X,term_life,true,individual,240,regular,${r},0.20,,` },
  { rule: 'ILI-EXP-AVG', cap: '0.25', product: (r) => `X,term_life,true,individual,240,regular,0.50,${r},,` },
  { rule: 'ACC-EXP-SHORT', cap: '0.35', product: (r) => `X,accident,false,individual,12,single,${r},${r},,` },
  { rule: 'ACC-EXP-LONG-REG', cap: '0.35', product: (r) => `X,accident,false,individual,60,regular,0.50,${r},,` },
  { rule: 'ACC-EXP-LONG-SINGLE', cap: '0.18', product: (r) => `X,accident,false,individual,60,single,${r},${r},,` },
  { rule: 'ACC-EXP-GROUP-SHORT', cap: '0.25', product: (r) => `X,accident,false,group,12,single,${r},${r},,` },
  { rule: 'ACC-EXP-GROUP-LONG-REG', cap: '0.15', product: (r) => `X,accident,false,group,60,regular,0.40,${r},,` },
  { rule: 'ACC-EXP-GROUP-LONG-SINGLE', cap: '0.08', product: (r) => `X,accident,false,group,60,single,${r},${r},,` },
];

describe('expense caps at their exact boundaries', () => {
  for (const { rule, cap, product } of CAPS) {
    it(`${rule}: a rate of exactly ${Number(cap) * 100}% is within the cap, with zero headroom`, () => {
      const r = review([product(cap)]);
      const check = r.checks.find((c) => c.rule_id === rule)!;
      expect(check.within).toBe(true);
      expect(check.headroom_pp!.isZero()).toBe(true);
      expect(r.findings.filter((f) => f.rule_id === rule)).toEqual([]);
    });

    it(`${rule}: a rate 0.0001 percentage points over ${Number(cap) * 100}% breaks the cap`, () => {
      const over = (Number(cap) + 0.000001).toFixed(6);
      const r = review([product(over)]);
      const check = r.checks.find((c) => c.rule_id === rule)!;
      expect(check.within).toBe(false);
      expect(check.headroom_pp!.toString()).toBe('-0.0001');
      const finding = r.findings.find((f) => f.rule_id === rule)!;
      expect(finding.severity).toBe('critical');
      expect(finding.values).toMatchObject({ cap: Number(cap), excess_pp: 0.0001 });
      expect(finding.citation).toContain(rule.startsWith('ILI') ? 'S1' : 'S2');
    });
  }

  it('marks the group caps as draft rules in the finding', () => {
    const finding = review([CAPS[6].product('0.26')]).findings.find((f) => f.rule_id === 'ACC-EXP-GROUP-SHORT')!;
    expect(finding.message).toContain('(draft rule)');
    expect(finding.values.rule_status).toBe('draft');
  });

  it('treats 12 months as "one year or less" and 13 months as "over one year"', () => {
    const at12 = review(['X,term_life,true,individual,12,regular,0.40,0.30,,']).checks.map((c) => c.rule_id);
    const at13 = review(['X,term_life,true,individual,13,regular,0.40,0.30,,']).checks.map((c) => c.rule_id);
    expect(at12.filter((id) => id.startsWith('ILI-EXP'))).toEqual(['ILI-EXP-SHORT']);
    expect(at13.filter((id) => id.startsWith('ILI-EXP'))).toEqual(['ILI-EXP-FIRST', 'ILI-EXP-AVG']);
  });

  it('applies both the internet cap and the accident cap to an internet short-term accident product', () => {
    const ids = review(['X,accident,true,individual,12,single,0.30,0.30,0.20,']).checks.map((c) => c.rule_id);
    expect(ids).toEqual(['ILI-EXP-SHORT', 'ACC-EXP-SHORT', 'ILI-FEE-CAP']);
  });

  it('gives the headroom exactly in percentage points: 35% − 34.99% = 0.01 pp', () => {
    const check = review(['X,medical,true,individual,12,regular,0.3499,0.3499,,']).checks[0];
    expect(check.headroom_pp!.toString()).toBe('0.01');
  });

  it('checks the average of the pricing basis, not the figure products gives, and says where it came from', () => {
    // Basis: one year with a 40% loading, so the average is 40%; products claims 20%.
    const r = review(['X,term_life,true,individual,240,regular,0.40,0.20,,0.03'], 'product_code,policy_year,gross_premium,loading_rate,inforce_probability\nX,1,100,0.40,1\n');
    const avg = r.checks.find((c) => c.rule_id === 'ILI-EXP-AVG')!;
    expect(avg.rate!.toString()).toBe('0.4');
    expect(avg.source).toBe('loadings');
    expect(r.findings.find((f) => f.rule_id === 'ILI-EXP-AVG')!.message).toContain('from the pricing basis in loadings');
  });
});

describe('ILI-FEE-CAP (S1 §10)', () => {
  it('accepts a fee cap equal to the loading and rejects one 0.01 pp above it', () => {
    expect(review(['X,medical,true,individual,12,regular,0.30,0.30,0.30,']).findings).toEqual([]);
    const f = review(['X,medical,true,individual,12,regular,0.30,0.30,0.3001,']).findings;
    expect(f.map((x) => x.rule_id)).toEqual(['ILI-FEE-CAP']);
    expect(f[0].values).toMatchObject({ intermediary_fee_cap: 0.3001, loading: 0.3, excess_pp: 0.01 });
  });

  it('compares a long-term product\'s fee cap with its first-year loading', () => {
    const check = review(['X,term_life,true,individual,240,regular,0.55,0.20,0.50,']).checks.find((c) => c.rule_id === 'ILI-FEE-CAP')!;
    expect(check.limit_source).toBe('loading_first_year');
    expect(check.headroom_pp!.toString()).toBe('5');
  });

  it('requires an internet product to state a fee cap (a major finding when it is missing)', () => {
    const f = review(['X,medical,true,individual,12,regular,0.30,0.30,,']).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule_id: 'ILI-FEE-CAP', severity: 'major', product_code: 'X' });
  });

  it('does not apply to products sold offline', () => {
    expect(review(['X,accident,false,individual,12,single,0.30,0.30,,']).checks.map((c) => c.rule_id)).toEqual(['ACC-EXP-SHORT']);
  });
});

describe('data checks on the loadings', () => {
  const basis = 'product_code,policy_year,gross_premium,loading_rate,inforce_probability\nX,1,100,0.25,1\n';
  it('accepts a products figure within half a unit of the fourth decimal of the basis (0.25004 vs 0.25)', () => {
    expect(review(['X,term_life,true,individual,240,regular,0.25,0.25004,0.25,0.03'], basis).findings).toEqual([]);
  });

  it('reports a products figure that disagrees with the basis beyond rounding (0.25006 vs 0.25)', () => {
    const f = review(['X,term_life,true,individual,240,regular,0.25,0.25006,0.25,0.03'], basis).findings;
    expect(f.map((x) => [x.rule_id, x.values.measure])).toEqual([['DATA-LOADING-MISMATCH', 'loading_average']]);
    expect(f[0].values.difference_pp).toBeCloseTo(0.006, 12);
  });

  it('says a cap cannot be checked when the premium mode that decides it is missing', () => {
    const f = review(['X,accident,false,individual,60,,0.40,0.20,,']).findings;
    expect(f.map((x) => [x.rule_id, x.values.rule])).toEqual([
      ['DATA-EXP-UNCHECKED', 'ACC-EXP-LONG-REG'],
      ['DATA-EXP-UNCHECKED', 'ACC-EXP-LONG-SINGLE'],
    ]);
  });

  it('says a cap cannot be checked when no rate is given, and reports the check with an unknown headroom', () => {
    const r = review(['X,annuity,true,individual,240,single,,,0.10,0.03']);
    expect(r.checks.filter((c) => c.rule_id.startsWith('ILI-EXP')).map((c) => [c.rule_id, c.within, c.headroom_pp])).toEqual([
      ['ILI-EXP-FIRST', null, null],
      ['ILI-EXP-AVG', null, null],
    ]);
    expect(r.findings.filter((f) => f.rule_id === 'DATA-EXP-UNCHECKED')).toHaveLength(2);
  });
});

describe('invariants', () => {
  it('gives the same findings and checks whatever the order of the products', () => {
    const rows = CAPS.map((c, i) => c.product('0.40').replace(/^X/, `P${i}`));
    const forward = review(rows);
    const backward = review([...rows].reverse());
    expect(JSON.stringify(sortFindings(backward.findings))).toBe(JSON.stringify(sortFindings(forward.findings)));
    const key = (c: { product_code: string; rule_id: string }) => `${c.product_code}|${c.rule_id}`;
    expect(backward.checks.map(key).sort()).toEqual(forward.checks.map(key).sort());
  });
});

describe('expenseCapRules() and smallestHeadroom()', () => {
  it('finds every cap of the default rulebook by its parameters', () => {
    expect(expenseCapRules(BOOK).map((r) => r.id)).toEqual([
      'ILI-EXP-SHORT', 'ILI-EXP-FIRST', 'ILI-EXP-AVG', 'ACC-EXP-SHORT', 'ACC-EXP-LONG-REG', 'ACC-EXP-LONG-SINGLE',
      'ACC-EXP-GROUP-SHORT', 'ACC-EXP-GROUP-LONG-REG', 'ACC-EXP-GROUP-LONG-SINGLE',
    ]);
  });

  it('names the binding limit: a first-year rate of exactly 60% binds before an average 0.5 pp under 25%', () => {
    const checks = review(['X,whole_life,true,individual,1200,regular,0.60,0.245,0.20,']).checks;
    expect(smallestHeadroom(checks)!.rule_id).toBe('ILI-EXP-FIRST');
    expect(smallestHeadroom([])).toBeNull();
  });
});

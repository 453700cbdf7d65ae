import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { earnedLossRatio } from '../../src/lossratio/earnedLossRatio';
import { financePeriods } from '../../src/lossratio/financePeriods';
import { evaluateAccidentLossRatio } from '../../src/rules/accidentLossRatio';
import { DEFAULT_RULEBOOK_PATH, loadRulebook, type Rulebook } from '../../src/rules/rulebook';
import { FINANCE_HEADER, financeRows, plainYear, productRows } from '../lossratio/tables';

// Hand-worked products for every boundary of S2's rules. Reserves are zero, so earned premium is
// the premium income and incurred claims are the claims paid: each ratio is claims ÷ premium.
const PRODUCTS = `product_code,line,term_months,internet
R50,accident,12,true
R4999,accident,12,true
STOP,accident,12,true
STOP30,accident,12,true
STOP2M,accident,12,true
STOP2M01,accident,12,true
SMALL,accident,12,true
EXACT1M,accident,12,true
FEW,accident,12,true
EXACT5000,accident,12,true
NOSOLD,accident,12,true
LONG,accident,24,false
MED,medical,12,true
ONEYEAR,accident,6,true
GAP,accident,12,true
ZERO,accident,12,true
`;

const FINANCE = [
  FINANCE_HEADER,
  // R50: 1.4M + 1.5M + 1.6M = 4.5M on 9M = exactly 50.00%: not below 50%.
  plainYear('R50', 2023, '3000000.00', '1400000.00'),
  plainYear('R50', 2024, '3000000.00', '1500000.00'),
  plainYear('R50', 2025, '3000000.00', '1600000.00'),
  // R4999: 4,499,100 on 9,000,000 = 49.99%: below; factor 0.4999 ÷ 0.50 = 0.9998.
  plainYear('R4999', 2023, '3000000.00', '1500000.00'),
  plainYear('R4999', 2024, '3000000.00', '1500000.00'),
  plainYear('R4999', 2025, '3000000.00', '1499100.00'),
  // STOP: 2024 700,000/2.5M = 28%, 2025 725,000/2.5M = 29%, premium > 2M both years: stop.
  // Three-year: (600,000 + 700,000 + 725,000)/7.5M = 27%: reprice too, factor 0.54.
  plainYear('STOP', 2023, '2500000.00', '600000.00'),
  plainYear('STOP', 2024, '2500000.00', '700000.00'),
  plainYear('STOP', 2025, '2500000.00', '725000.00'),
  // STOP30: 2025 ratio 750,000/2.5M = exactly 30%: not below 30%, no stop.
  plainYear('STOP30', 2023, '2500000.00', '1000000.00'),
  plainYear('STOP30', 2024, '2500000.00', '700000.00'),
  plainYear('STOP30', 2025, '2500000.00', '750000.00'),
  // STOP2M: 2024 premium exactly 2,000,000.00 is not over 2,000,000: no stop (ratios 25%).
  plainYear('STOP2M', 2023, '2000000.00', '500000.00'),
  plainYear('STOP2M', 2024, '2000000.00', '500000.00'),
  plainYear('STOP2M', 2025, '2500000.00', '625000.00'),
  // STOP2M01: one fen more in 2024 is over 2,000,000: stop.
  plainYear('STOP2M01', 2023, '2000000.00', '500000.00'),
  plainYear('STOP2M01', 2024, '2000000.01', '500000.00'),
  plainYear('STOP2M01', 2025, '2500000.00', '625000.00'),
  // SMALL: latest premium 999,999.99 < 1,000,000: exempt, though its ratio is 10%.
  plainYear('SMALL', 2023, '999999.99', '100000.00'),
  plainYear('SMALL', 2024, '999999.99', '100000.00'),
  plainYear('SMALL', 2025, '999999.99', '100000.00'),
  // EXACT1M: latest premium exactly 1,000,000.00 is not below 1,000,000: assessed, 40% fires.
  plainYear('EXACT1M', 2023, '1000000.00', '400000.00'),
  plainYear('EXACT1M', 2024, '1000000.00', '400000.00'),
  plainYear('EXACT1M', 2025, '1000000.00', '400000.00'),
  // FEW: 4,999 policies sold in 2025 < 5,000: exempt.
  plainYear('FEW', 2023, '3000000.00', '300000.00', 9000),
  plainYear('FEW', 2024, '3000000.00', '300000.00', 9000),
  plainYear('FEW', 2025, '3000000.00', '300000.00', 4999),
  // EXACT5000: exactly 5,000 policies is not fewer than 5,000: assessed; 10% fires both rules.
  plainYear('EXACT5000', 2023, '3000000.00', '300000.00', 9000),
  plainYear('EXACT5000', 2024, '3000000.00', '300000.00', 9000),
  plainYear('EXACT5000', 2025, '3000000.00', '300000.00', 5000),
  // NOSOLD: policies sold unknown: the count exemption cannot apply; 40% fires.
  plainYear('NOSOLD', 2023, '3000000.00', '1200000.00', ''),
  plainYear('NOSOLD', 2024, '3000000.00', '1200000.00', ''),
  plainYear('NOSOLD', 2025, '3000000.00', '1200000.00', ''),
  // LONG: term 24 months: exempt as long-term (10% would otherwise fire).
  plainYear('LONG', 2023, '3000000.00', '300000.00'),
  plainYear('LONG', 2024, '3000000.00', '300000.00'),
  plainYear('LONG', 2025, '3000000.00', '300000.00'),
  // MED: medical line: out of scope.
  plainYear('MED', 2023, '3000000.00', '300000.00'),
  plainYear('MED', 2024, '3000000.00', '300000.00'),
  plainYear('MED', 2025, '3000000.00', '300000.00'),
  // ONEYEAR: launched in 2025: one year only.
  plainYear('ONEYEAR', 2025, '3000000.00', '300000.00'),
  // GAP: 2024 missing.
  plainYear('GAP', 2023, '3000000.00', '300000.00'),
  plainYear('GAP', 2025, '3000000.00', '300000.00'),
  // ZERO: no premium in 2024 (ratio not computable); pooled 2023–2025 = 600,000/6M = 10%.
  plainYear('ZERO', 2023, '3000000.00', '300000.00'),
  plainYear('ZERO', 2024, '0', '0'),
  plainYear('ZERO', 2025, '3000000.00', '300000.00'),
].join('\n');

function evaluate(rulebook: Rulebook = loadRulebook(), finance = FINANCE, year?: number) {
  const years = financePeriods(financeRows(finance)).years.map(earnedLossRatio);
  return evaluateAccidentLossRatio(productRows(PRODUCTS), years, rulebook, year);
}

function outcome(result: ReturnType<typeof evaluate>, product: string, rule: string) {
  const a = result.assessments.find((x) => x.product_code === product && x.rule_id === rule);
  if (!a) throw new Error(`no assessment of ${rule} for ${product}`);
  return a;
}

/** A copy of the default rulebook with one text replaced, as a user would edit it. */
function editedRulebook(from: string, to: string): Rulebook {
  const text = readFileSync(DEFAULT_RULEBOOK_PATH, 'utf8');
  if (!text.includes(from)) throw new Error(`the default rulebook has no "${from}"`);
  const path = join(mkdtempSync(join(tmpdir(), 'awb-rules-')), 'rules.yaml');
  writeFileSync(path, text.replace(from, to));
  return loadRulebook(path);
}

describe('ACC-LR-REPRICE (S2: 过去三年平均赔付率低于50%)', () => {
  const result = evaluate();

  it('takes the latest complete year as the end of the three-year window', () => {
    expect(result.evaluation_year).toBe(2025);
  });

  it('does not fire at a three-year ratio of exactly 50.00%', () => {
    const a = outcome(result, 'R50', 'ACC-LR-REPRICE');
    expect(a.outcome).toBe('passes');
    expect(a.values.three_year_loss_ratio).toBe(0.5);
    expect(a.reason).toContain('50.00% is not < 50%');
  });

  it('fires at 49.99% with the indicated premium factor ratio ÷ 0.50', () => {
    const a = outcome(result, 'R4999', 'ACC-LR-REPRICE');
    expect(a.outcome).toBe('fires');
    expect(a.values.three_year_loss_ratio).toBe(0.4999);
    expect(a.values.indicated_premium_factor).toBe(0.9998);
    const rate = result.indicated_rate_changes.find((r) => r.product_code === 'R4999')!;
    expect(rate.premium_factor.toString()).toBe('0.9998');
    expect(rate.rate_change.toString()).toBe('-0.0002');
  });

  it('records the sums and yearly ratios that made it fire in the finding', () => {
    const f = result.findings.find((x) => x.rule_id === 'ACC-LR-REPRICE' && x.product_code === 'STOP')!;
    expect(f.severity).toBe('major');
    expect(f.period).toBe('2025');
    expect(f.citation).toContain('过去三年平均赔付率低于50%');
    expect(f.values).toMatchObject({
      years: '2023–2025',
      averaging: 'pooled',
      basis: 'gross',
      earned_premium: 7500000,
      incurred_claims: 2025000,
      loss_ratio_2023: 0.24,
      loss_ratio_2024: 0.28,
      loss_ratio_2025: 0.29,
      three_year_loss_ratio: 0.27,
      indicated_premium_factor: 0.54,
    });
    expect(f.message).toContain('27.00%');
    expect(f.message).toContain('indicated premium factor 0.5400, a 46.00% premium decrease');
  });

  it('exempts a latest-year premium of 999,999.99 but not one of exactly 1,000,000.00', () => {
    expect(outcome(result, 'SMALL', 'ACC-LR-REPRICE')).toMatchObject({ outcome: 'exempt', values: { exemption: 'small_premium' } });
    expect(outcome(result, 'EXACT1M', 'ACC-LR-REPRICE').outcome).toBe('fires');
  });

  it('exempts 4,999 policies sold but not exactly 5,000', () => {
    expect(outcome(result, 'FEW', 'ACC-LR-REPRICE')).toMatchObject({ outcome: 'exempt', values: { exemption: 'few_policies' } });
    expect(outcome(result, 'EXACT5000', 'ACC-LR-REPRICE').outcome).toBe('fires');
  });

  it('does not exempt by policy count when the count is unknown', () => {
    expect(outcome(result, 'NOSOLD', 'ACC-LR-REPRICE').outcome).toBe('fires');
  });

  it('exempts long-term products and leaves other lines out of scope', () => {
    expect(outcome(result, 'LONG', 'ACC-LR-REPRICE')).toMatchObject({ outcome: 'exempt', values: { exemption: 'long_term', term_months: 24 } });
    expect(outcome(result, 'MED', 'ACC-LR-REPRICE').outcome).toBe('out_of_scope');
  });

  it('cannot assess a product with one year only or a missing year, and says so in a finding', () => {
    expect(outcome(result, 'ONEYEAR', 'ACC-LR-REPRICE')).toMatchObject({ outcome: 'not_assessable', values: { missing_years: '2023,2024' } });
    expect(outcome(result, 'GAP', 'ACC-LR-REPRICE')).toMatchObject({ outcome: 'not_assessable', values: { missing_years: '2024' } });
    const missing = result.findings.filter((f) => f.rule_id === 'DATA-LR-YEARS-MISSING').map((f) => [f.product_code, f.values.missing_years]);
    expect(missing).toEqual([
      ['GAP', '2024'],
      ['ONEYEAR', '2023,2024'],
    ]);
  });

  it('pools a year with no earned premium into the three-year ratio', () => {
    // (300,000 + 0 + 300,000) / (3M + 0 + 3M) = 10%
    expect(outcome(result, 'ZERO', 'ACC-LR-REPRICE')).toMatchObject({ outcome: 'fires', values: { three_year_loss_ratio: 0.1 } });
  });

  it('fires exactly for the expected products', () => {
    const fired = result.findings.filter((f) => f.rule_id === 'ACC-LR-REPRICE').map((f) => f.product_code).sort();
    expect(fired).toEqual(['EXACT1M', 'EXACT5000', 'NOSOLD', 'R4999', 'STOP', 'STOP2M', 'STOP2M01', 'STOP30', 'ZERO']);
  });
});

describe('ACC-LR-STOP (S2: 连续两年保费收入超过200万元且赔付率低于30%)', () => {
  const result = evaluate();

  it('fires when premium is over 2,000,000 and the ratio below 30% in both latest years', () => {
    const a = outcome(result, 'STOP', 'ACC-LR-STOP');
    expect(a.outcome).toBe('fires');
    expect(a.values).toMatchObject({ premium_income_2024: 2500000, loss_ratio_2024: 0.28, premium_income_2025: 2500000, loss_ratio_2025: 0.29 });
    const f = result.findings.find((x) => x.rule_id === 'ACC-LR-STOP' && x.product_code === 'STOP')!;
    expect(f.severity).toBe('critical');
    expect(f.message_zh).toContain('应停售该产品');
  });

  it('does not fire at a loss ratio of exactly 30.00%', () => {
    const a = outcome(result, 'STOP30', 'ACC-LR-STOP');
    expect(a.outcome).toBe('passes');
    expect(a.reason).toContain('the 2025 loss ratio 30.00% is not < 30%');
  });

  it('does not fire at a premium of exactly 2,000,000.00, and fires one fen above it', () => {
    expect(outcome(result, 'STOP2M', 'ACC-LR-STOP')).toMatchObject({ outcome: 'passes', reason: 'premium income 2,000,000.00 in 2024 is not > 2,000,000.00' });
    expect(outcome(result, 'STOP2M01', 'ACC-LR-STOP').outcome).toBe('fires');
  });

  it('shares the exemptions of the repricing rule', () => {
    expect(outcome(result, 'FEW', 'ACC-LR-STOP').outcome).toBe('exempt');
    expect(outcome(result, 'LONG', 'ACC-LR-STOP').outcome).toBe('exempt');
    expect(outcome(result, 'EXACT5000', 'ACC-LR-STOP').outcome).toBe('fires');
  });

  it('passes when a year has no earned premium, since its premium is not over 2,000,000', () => {
    expect(outcome(result, 'ZERO', 'ACC-LR-STOP').outcome).toBe('passes');
  });

  it('fires exactly for the expected products', () => {
    expect(result.findings.filter((f) => f.rule_id === 'ACC-LR-STOP').map((f) => f.product_code).sort()).toEqual(['EXACT5000', 'STOP', 'STOP2M01']);
  });
});

describe('threshold margins', () => {
  const result = evaluate();

  it('gives the distance to each threshold exactly, in percentage points or yuan', () => {
    const m = result.margins.filter((x) => x.product_code === 'R4999');
    const three = m.find((x) => x.measure === 'three_year_loss_ratio')!;
    expect(three.margin.toString()).toBe('-0.01'); // 49.99% − 50% = −0.01 pp
    expect(three.condition_met).toBe(true);
    const premium = result.margins.find((x) => x.product_code === 'STOP2M' && x.measure === 'premium_income' && x.period === '2024')!;
    expect(premium.margin.toString()).toBe('0');
    expect(premium.condition_met).toBe(false);
    const thirty = result.margins.find((x) => x.product_code === 'STOP30' && x.measure === 'loss_ratio' && x.period === '2025')!;
    expect(thirty.margin.toString()).toBe('0');
    expect(thirty.condition_met).toBe(false);
  });

  it('shows the margins of an exempt product with its outcome', () => {
    const small = result.margins.filter((x) => x.product_code === 'SMALL');
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((x) => x.outcome === 'exempt')).toBe(true);
  });
});

describe('rulebook edits change the evaluation', () => {
  it('averages the yearly ratios with averaging: mean, exactly (1/3, 1/3 and 5/6 average to exactly 50%)', () => {
    // Each of 1/3 and 5/6 rounds down at any fixed precision, so a decimal mean would land just below 50%.
    const finance = [FINANCE_HEADER, plainYear('R50', 2023, '3000000.00', '1000000.00'), plainYear('R50', 2024, '3000000.00', '1000000.00'), plainYear('R50', 2025, '3000000.00', '2500000.00')].join('\n');
    const mean = evaluate(editedRulebook('averaging: pooled', 'averaging: mean'), finance);
    expect(outcome(mean, 'R50', 'ACC-LR-REPRICE')).toMatchObject({ outcome: 'passes', values: { averaging: 'mean', three_year_loss_ratio: 0.5 } });
  });

  it('weighs each year the same with mean but by premium with pooled', () => {
    // 2023: 299,999.99/1M ≈ 30%; 2024, 2025: 2.4M/4M = 60%. Pooled 5,099,999.99/9M ≈ 56.7%;
    // mean = (0.29999999 + 0.6 + 0.6)/3 = 0.4999999966…, shown with enough decimals not to read as 50%.
    const finance = [FINANCE_HEADER, plainYear('R50', 2023, '1000000.00', '299999.99'), plainYear('R50', 2024, '4000000.00', '2400000.00'), plainYear('R50', 2025, '4000000.00', '2400000.00')].join('\n');
    expect(outcome(evaluate(loadRulebook(), finance), 'R50', 'ACC-LR-REPRICE').outcome).toBe('passes');
    const mean = outcome(evaluate(editedRulebook('averaging: pooled', 'averaging: mean'), finance), 'R50', 'ACC-LR-REPRICE');
    expect(mean.outcome).toBe('fires');
    expect(mean.reason).toContain('49.9999997% is < 50%');
  });

  it('uses an edited threshold', () => {
    const r = evaluate(editedRulebook('      threshold: 0.50', '      threshold: 0.45'));
    expect(outcome(r, 'R4999', 'ACC-LR-REPRICE').outcome).toBe('passes');
  });

  it('follows an edited comparison: with le (不得高于) exactly 50% fires', () => {
    const r = evaluate(editedRulebook('      threshold: 0.50\n      comparison: lt', '      threshold: 0.50\n      comparison: le'));
    const a = outcome(r, 'R50', 'ACC-LR-REPRICE');
    expect(a.outcome).toBe('fires');
    expect(a.reason).toContain('50.00% is ≤ 50%');
  });

  it('rejects a target loss ratio that is not above 0, naming the parameter', () => {
    expect(() => evaluate(editedRulebook('target_loss_ratio: 0.50', 'target_loss_ratio: 0'))).toThrow(InputError);
    expect(() => evaluate(editedRulebook('target_loss_ratio: 0.50', 'target_loss_ratio: 0'))).toThrow(/column ACC-LR-REPRICE\.parameters\.target_loss_ratio: expected a number above 0/);
  });

  it('evaluates an earlier year when asked', () => {
    const r = evaluate(loadRulebook(), FINANCE, 2024);
    expect(r.evaluation_year).toBe(2024);
    expect(outcome(r, 'R50', 'ACC-LR-REPRICE').values.years).toBe('2022–2024');
    expect(outcome(r, 'R50', 'ACC-LR-REPRICE').outcome).toBe('not_assessable');
  });
});

describe('invariants', () => {
  it('gives the same findings whatever the order of the finance rows', () => {
    const lines = FINANCE.split('\n');
    const shuffled = [lines[0], ...lines.slice(1).reverse()].join('\n');
    const strip = (r: ReturnType<typeof evaluate>) => JSON.stringify(r.findings);
    expect(strip(evaluate(loadRulebook(), shuffled))).toBe(strip(evaluate()));
  });
});

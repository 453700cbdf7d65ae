import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { parseTable } from '../../src/data/parseTable';
import type { Quarter } from '../../src/data/period';
import { parseCsvText } from '../../src/data/readCsv';
import type { ProductRow, SolvencyRow } from '../../src/data/rows';
import { reviewEligibility } from '../../src/rules/internetEligibility';
import { loadRulebook, type Rulebook } from '../../src/rules/rulebook';

const BOOK = loadRulebook();

/** A quarter that meets every condition of ILI-ELIG and ILI-ELIG-LONG; reserve coverage 480,000,000 / 400,000,000 = 120%. */
const GOOD = {
  comprehensive_solvency_ratio: '2.00',
  core_solvency_ratio: '1.30',
  risk_rating: 'AA',
  solvency_surplus: '3500000000.00',
  governance_grade: 'B',
  major_penalty_last_year: 'false',
  assets: '500000000.00',
  other_liabilities: '100000000.00',
  reserves: '400000000.00',
  expenses_y1: '50000000.00',
  expenses_y2: '40000000.00',
  expenses_y3: '30000000.00',
  expenses_y4: '20000000.00',
};
type Cells = Partial<Record<keyof typeof GOOD, string>>;
const COLUMNS = ['quarter', ...Object.keys(GOOD)];

const QUARTERS = ['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4'];

/** A solvency table of good quarters, with some cells changed and some quarters left out. */
function solvency(changes: Record<string, Cells> = {}, quarters: readonly string[] = QUARTERS) {
  const rows = quarters.map((q) => COLUMNS.map((c) => (c === 'quarter' ? q : ({ ...GOOD, ...changes[q] } as Record<string, string>)[c])).join(','));
  return parseTable<SolvencyRow>('solvency', parseCsvText('solvency.csv', [COLUMNS.join(','), ...rows].join('\n') + '\n'));
}

const verdict = (review: ReturnType<typeof reviewEligibility>, rule: string, quarter: string) => review.verdicts.find((v) => v.rule_id === rule && v.quarter === quarter)!;
const eligibleWindows = (review: ReturnType<typeof reviewEligibility>, rule: string) => review.verdicts.filter((v) => v.rule_id === rule && v.eligible).map((v) => v.quarter);

describe('ILI-ELIG over four consecutive quarters (S1 §3)', () => {
  it('passes every window with four good quarters, and cannot judge the first three for lack of history', () => {
    const r = reviewEligibility(solvency(), BOOK);
    expect(eligibleWindows(r, 'ILI-ELIG')).toEqual(['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    const first = verdict(r, 'ILI-ELIG', '2024Q3');
    expect(first.before_history).toBe(true);
    expect(first.failures.map((f) => [f.quarter, f.kind])).toEqual([['2023Q4', 'quarter_missing']]);
    expect(r.findings).toEqual([]);
    expect(r.assessed).toBe('2025Q4');
  });

  it('a single failing quarter inside the window fails the four windows that contain it, and only those', () => {
    const quarters = [...QUARTERS, '2026Q1', '2026Q2'];
    const r = reviewEligibility(solvency({ '2025Q2': { comprehensive_solvency_ratio: '1.18' } }, quarters), BOOK);
    expect(eligibleWindows(r, 'ILI-ELIG')).toEqual(['2024Q4', '2025Q1', '2026Q2']);
    for (const end of ['2025Q2', '2025Q3', '2025Q4', '2026Q1']) {
      expect(verdict(r, 'ILI-ELIG', end).failures.map((f) => [f.quarter, f.kind])).toEqual([['2025Q2', 'comprehensive_solvency']]);
    }
    expect(verdict(r, 'ILI-ELIG', '2025Q4').failures[0].detail).toBe('2025Q2: comprehensive solvency ratio 118.00% does not meet ≥ 120.00%');
  });

  it('reserve coverage of exactly 100% is not "高于100%" and fails the quarter', () => {
    // Reserves of 480,000,000 equal the covering amount 500,000,000 − 100,000,000 + 80,000,000: ratio 1 exactly.
    const r = reviewEligibility(solvency({ '2025Q2': { reserves: '480000000.00' } }), BOOK);
    expect(r.quarters.find((q) => q.quarter === '2025Q2')!.coverage!.ratio!.toString()).toBe('1');
    expect(verdict(r, 'ILI-ELIG', '2025Q4').failures.map((f) => [f.quarter, f.kind, f.detail])).toEqual([
      ['2025Q2', 'reserve_coverage', '2025Q2: reserve coverage ratio 100.00% does not meet > 100.00%'],
    ]);
    const finding = r.findings.find((f) => f.rule_id === 'ILI-ELIG')!;
    expect(finding).toMatchObject({ severity: 'critical', period: '2025Q4', values: { window_start: '2025Q1', window_end: '2025Q4', failed_quarters: '2025Q2', failed_conditions: 'reserve_coverage' } });
  });

  it('reserve coverage one fen of reserves below 100% coverage passes', () => {
    // Reserves 479,999,999.99: 480,000,000 / 479,999,999.99 = 1.0000000000208… > 1.
    const r = reviewEligibility(solvency({ '2025Q2': { reserves: '479999999.99' } }), BOOK);
    expect(verdict(r, 'ILI-ELIG', '2025Q4').eligible).toBe(true);
  });

  it('a coverage a hair below 100% fails and is never printed as 100.00%', () => {
    // Reserves 480,000,000.01: 480,000,000 / 480,000,000.01 = 0.999999999979166…
    const v = verdict(reviewEligibility(solvency({ '2025Q2': { reserves: '480000000.01' } }), BOOK), 'ILI-ELIG', '2025Q4');
    expect(v.failures[0].detail).toMatch(/^2025Q2: reserve coverage ratio 99\.99999999791666\d+% does not meet > 100\.00%$/);
  });

  it('comprehensive solvency of exactly 120% meets "达到120%"; 119.99% does not', () => {
    expect(verdict(reviewEligibility(solvency({ '2025Q2': { comprehensive_solvency_ratio: '120%' } }), BOOK), 'ILI-ELIG', '2025Q4').eligible).toBe(true);
    expect(verdict(reviewEligibility(solvency({ '2025Q2': { comprehensive_solvency_ratio: '119.99%' } }), BOOK), 'ILI-ELIG', '2025Q4').eligible).toBe(false);
  });

  it('core solvency of exactly 75% meets "不低于75%"; 74.99% does not', () => {
    expect(verdict(reviewEligibility(solvency({ '2025Q3': { core_solvency_ratio: '0.75' } }), BOOK), 'ILI-ELIG', '2025Q4').eligible).toBe(true);
    const r = reviewEligibility(solvency({ '2025Q3': { core_solvency_ratio: '0.7499' } }), BOOK);
    expect(verdict(r, 'ILI-ELIG', '2025Q4').failures.map((f) => f.kind)).toEqual(['core_solvency']);
  });

  it('a rating of B is "B类及以上"; CCC (class C) is not', () => {
    expect(verdict(reviewEligibility(solvency({ '2025Q1': { risk_rating: 'B' } }), BOOK), 'ILI-ELIG', '2025Q4').eligible).toBe(true);
    const r = reviewEligibility(solvency({ '2025Q1': { risk_rating: 'CCC' } }), BOOK);
    expect(verdict(r, 'ILI-ELIG', '2025Q4').failures.map((f) => f.detail)).toEqual(['2025Q1: integrated risk rating CCC (class C) does not meet class B or better']);
  });

  it('reads the governance grade at the end of the window: C passes, D fails, and an earlier D does not matter', () => {
    expect(verdict(reviewEligibility(solvency({ '2025Q4': { governance_grade: 'C' } }), BOOK), 'ILI-ELIG', '2025Q4').eligible).toBe(true);
    expect(verdict(reviewEligibility(solvency({ '2025Q4': { governance_grade: 'D' } }), BOOK), 'ILI-ELIG', '2025Q4').failures.map((f) => f.kind)).toEqual(['governance']);
    expect(verdict(reviewEligibility(solvency({ '2025Q2': { governance_grade: 'D' } }), BOOK), 'ILI-ELIG', '2025Q4').eligible).toBe(true);
  });

  it('a missing governance grade does not demonstrate the condition', () => {
    const v = verdict(reviewEligibility(solvency({ '2025Q4': { governance_grade: '' } }), BOOK), 'ILI-ELIG', '2025Q4');
    expect(v.eligible).toBe(false);
    expect(v.failures[0].detail).toContain('not given');
  });

  it('a missing quarter breaks "连续四个季度" and says so', () => {
    const r = reviewEligibility(solvency({}, QUARTERS.filter((q) => q !== '2025Q1')), BOOK);
    expect(eligibleWindows(r, 'ILI-ELIG')).toEqual(['2024Q4']);
    const v = verdict(r, 'ILI-ELIG', '2025Q4');
    expect(v.failures.map((f) => [f.quarter, f.kind])).toEqual([['2025Q1', 'quarter_missing']]);
    expect(v.failures[0].detail).toContain('not consecutive');
    expect(r.findings[0].message).toContain('2025Q1: no row in the solvency table');
  });

  it('reserve coverage is not demonstrated when a balance item is missing', () => {
    const v = verdict(reviewEligibility(solvency({ '2025Q3': { expenses_y4: '' } }), BOOK), 'ILI-ELIG', '2025Q4');
    expect(v.failures.map((f) => [f.quarter, f.kind])).toEqual([['2025Q3', 'reserve_coverage']]);
    expect(v.failures[0].detail).toContain('missing expenses_y4');
  });

  it('assesses an earlier quarter when asked, and rejects one the table does not have', () => {
    const r = reviewEligibility(solvency({ '2025Q2': { reserves: '480000000.00' } }), BOOK, { quarter: '2025Q1' as Quarter });
    expect(r.assessed).toBe('2025Q1');
    expect(r.findings).toEqual([]);
    expect(() => reviewEligibility(solvency(), BOOK, { quarter: '2026Q1' as Quarter })).toThrow(InputError);
  });

  it('gives the same verdicts whatever the order of the rows', () => {
    const changes = { '2025Q2': { reserves: '480000000.00' }, '2024Q3': { risk_rating: 'BBB' } };
    const forward = reviewEligibility(solvency(changes), BOOK);
    const backward = reviewEligibility(solvency(changes, [...QUARTERS].reverse()), BOOK);
    expect(JSON.stringify(backward.verdicts)).toBe(JSON.stringify(forward.verdicts));
    expect(JSON.stringify(backward.findings)).toBe(JSON.stringify(forward.findings));
  });

  it('names the products whose sale depends on the rule', () => {
    const products = parseTable<ProductRow>(
      'products',
      parseCsvText('products.csv', 'product_code,line,internet,term_months\nP1,accident,true,12\nP2,medical,true,12\nP3,annuity,false,240\nP4,annuity,true,240\n'),
    );
    const r = reviewEligibility(solvency({ '2025Q2': { reserves: '480000000.00' } }), BOOK, { products });
    expect(r.findings.map((f) => [f.rule_id, f.values.products])).toEqual([
      ['ILI-ELIG', 'P1,P2,P4'],
      ['ILI-ELIG-HEALTH', 'P2'],
      ['ILI-ELIG-LONG', 'P4'],
    ]);
  });

  it('takes its thresholds from the rulebook: an edited rulebook asking 195% fails the 190% quarter', () => {
    const edited: Rulebook = {
      ...BOOK,
      rules: BOOK.rules.map((r) => (r.id === 'ILI-ELIG' ? { ...r, parameters: { ...r.parameters, comprehensive_solvency_min: 1.95 } } : r)),
    };
    const changes = { '2025Q2': { comprehensive_solvency_ratio: '1.90' } };
    expect(verdict(reviewEligibility(solvency(changes), BOOK), 'ILI-ELIG', '2025Q4').eligible).toBe(true);
    expect(verdict(reviewEligibility(solvency(changes), edited), 'ILI-ELIG', '2025Q4').failures.map((f) => f.quarter)).toEqual(['2025Q2']);
  });
});

describe('ILI-ELIG-HEALTH (S1 §11 ¶2)', () => {
  it('also needs no major penalty last year, read at the end of the window', () => {
    const r = reviewEligibility(solvency({ '2025Q4': { major_penalty_last_year: 'true' } }), BOOK);
    expect(verdict(r, 'ILI-ELIG', '2025Q4').eligible).toBe(true);
    expect(verdict(r, 'ILI-ELIG-HEALTH', '2025Q4').failures.map((f) => [f.quarter, f.kind])).toEqual([['2025Q4', 'major_penalty']]);
  });

  it('fails with ILI-ELIG, over the same window', () => {
    const v = verdict(reviewEligibility(solvency({ '2025Q2': { reserves: '480000000.00' } }), BOOK), 'ILI-ELIG-HEALTH', '2025Q4');
    expect(v.window).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(v.failures.map((f) => [f.quarter, f.kind])).toEqual([['2025Q2', 'required_rule']]);
  });
});

describe('ILI-ELIG-LONG (S1 §11 ¶3)', () => {
  it('comprehensive solvency of exactly 150% is not "超过150%"; 150.01% is', () => {
    expect(verdict(reviewEligibility(solvency({ '2025Q1': { comprehensive_solvency_ratio: '1.5' } }), BOOK), 'ILI-ELIG-LONG', '2025Q4').failures.map((f) => f.kind)).toEqual(['comprehensive_solvency']);
    expect(verdict(reviewEligibility(solvency({ '2025Q1': { comprehensive_solvency_ratio: '1.5001' } }), BOOK), 'ILI-ELIG-LONG', '2025Q4').eligible).toBe(true);
  });

  it('core solvency of exactly 100% meets "不低于100%"', () => {
    expect(verdict(reviewEligibility(solvency({ '2025Q1': { core_solvency_ratio: '1' } }), BOOK), 'ILI-ELIG-LONG', '2025Q4').eligible).toBe(true);
  });

  it('a surplus of exactly 3,000,000,000 yuan is not "超过30亿元"; one fen more is', () => {
    expect(verdict(reviewEligibility(solvency({ '2025Q3': { solvency_surplus: '3000000000.00' } }), BOOK), 'ILI-ELIG-LONG', '2025Q4').failures.map((f) => f.kind)).toEqual(['solvency_surplus']);
    expect(verdict(reviewEligibility(solvency({ '2025Q3': { solvency_surplus: '3000000000.01' } }), BOOK), 'ILI-ELIG-LONG', '2025Q4').eligible).toBe(true);
  });

  it('needs class A: a BBB quarter breaks the four, but six A quarters of the last eight still pass', () => {
    const r = reviewEligibility(solvency({ '2025Q3': { risk_rating: 'BBB' }, '2024Q2': { risk_rating: 'BB' } }), BOOK);
    const v = verdict(r, 'ILI-ELIG-LONG', '2025Q4');
    expect(v.eligible).toBe(true);
    expect(v.notes).toEqual(['risk rating met through the alternative: 6 of the 8 quarters 2024Q1–2025Q4 in class A']);
    expect(verdict(r, 'ILI-ELIG', '2025Q4').eligible).toBe(true);
  });

  it('fails with only five A quarters in the last eight', () => {
    const r = reviewEligibility(solvency({ '2025Q3': { risk_rating: 'BBB' }, '2024Q2': { risk_rating: 'BB' }, '2024Q1': { risk_rating: 'B' } }), BOOK);
    const v = verdict(r, 'ILI-ELIG-LONG', '2025Q4');
    expect(v.failures.map((f) => [f.quarter, f.kind])).toEqual([['2025Q3', 'risk_rating']]);
    expect(v.failures[0].detail).toContain('only 5 of the 8 quarters');
  });

  it('needs governance B or better: C fails it while ILI-ELIG passes', () => {
    const r = reviewEligibility(solvency({ '2025Q4': { governance_grade: 'C' } }), BOOK);
    expect(verdict(r, 'ILI-ELIG', '2025Q4').eligible).toBe(true);
    expect(verdict(r, 'ILI-ELIG-LONG', '2025Q4').failures.map((f) => f.kind)).toEqual(['governance']);
  });
});

describe('bad solvency input', () => {
  const header = 'quarter,comprehensive_solvency_ratio,core_solvency_ratio,risk_rating';
  const parse = (row: string) => parseTable<SolvencyRow>('solvency', parseCsvText('solvency.csv', `${header}\n2025Q1,1.5,1.2,AA\n${row}\n`));

  it('rejects an unknown risk rating, naming file, row and column', () => {
    try {
      parse('2025Q2,1.5,1.2,BBB+');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).location).toMatchObject({ file: 'solvency.csv', row: 3, column: 'risk_rating' });
      expect((error as InputError).found).toBe('BBB+');
    }
  });

  it('rejects a non-numeric solvency ratio, naming file, row and column', () => {
    try {
      parse('2025Q2,abc,1.2,AA');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).location).toMatchObject({ file: 'solvency.csv', row: 3, column: 'comprehensive_solvency_ratio' });
    }
  });
});

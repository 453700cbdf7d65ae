/**
 * Each planted finding of the sample company, checked by a small computation written out here
 * from DOMAIN.md's definitions on the committed tables (not by the workbench's own engines). The
 * pinned figures are the ones data/README.md documents; the threshold checks are what makes each
 * finding real.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addYears, dayOf, daysInYear, parseDayText, yearOf } from '../../src/data/dates';
import { Dec } from '../../src/money/decimal';
import { loadSample, type SampleTables } from './sampleData';

let data: SampleTables;

beforeAll(async () => {
  data = await loadSample();
});

/** A product's year from its four quarters (DOMAIN.md, S2): earned = premium + UPR opening − UPR closing, incurred = paid + OCR closing − OCR opening. */
function year(product: string, y: number) {
  const quarters = data.finance.rows.filter((r) => r.product_code === product && r.period.startsWith(`${y}Q`));
  expect(quarters.map((q) => q.period)).toEqual([`${y}Q1`, `${y}Q2`, `${y}Q3`, `${y}Q4`]);
  const sum = (pick: (r: (typeof quarters)[number]) => number) => quarters.reduce((s, r) => s.plus(new Dec(pick(r)).div(100)), new Dec(0));
  const premium = sum((r) => r.premium_income);
  const earned = premium.plus(new Dec(quarters[0].upr_opening).div(100)).minus(new Dec(quarters[3].upr_closing).div(100));
  const incurred = sum((r) => r.claims_paid).plus(new Dec(quarters[3].ocr_closing).div(100)).minus(new Dec(quarters[0].ocr_opening).div(100));
  const sold = quarters.reduce((s, r) => s + r.policies_sold!, 0);
  return { premium, earned, incurred, sold, ratio: incurred.div(earned) };
}

/** Pooled three-year ratio 2023–2025: Σ incurred ÷ Σ earned. */
function pooled(product: string) {
  const years = [2023, 2024, 2025].map((y) => year(product, y));
  return years.reduce((s, y) => s.plus(y.incurred), new Dec(0)).div(years.reduce((s, y) => s.plus(y.earned), new Dec(0)));
}

/** Exempt from S2's loss-ratio rules: latest-year premium below 1,000,000 yuan or fewer than 5,000 policies sold. */
const exempt = (product: string) => {
  const latest = year(product, 2025);
  return latest.premium.lt(1_000_000) || latest.sold < 5000;
};

describe('ACC-LR-STOP: ACC01 must stop selling', () => {
  it('has premium over 2,000,000 and a loss ratio below 30% in each of 2024 and 2025, and is not exempt', () => {
    const y2024 = year('ACC01', 2024);
    const y2025 = year('ACC01', 2025);
    for (const y of [y2024, y2025]) {
      expect(y.premium.gt(2_000_000)).toBe(true);
      expect(y.ratio.lt('0.30')).toBe(true);
    }
    expect(exempt('ACC01')).toBe(false);
    // Figures documented in data/README.md (computed from finance.csv as above).
    expect(y2024.premium.toFixed(2)).toBe('2549520.00');
    expect(y2024.ratio.toFixed(4)).toBe('0.2007');
    expect(y2025.premium.toFixed(2)).toBe('2801580.00');
    expect(y2025.ratio.toFixed(4)).toBe('0.2165');
    expect(y2025.sold).toBe(10350);
  });
});

describe('ACC-LR-REPRICE: ACC02 must be repriced', () => {
  it('has a pooled 2023–2025 loss ratio below 50%, is not exempt and does not meet the stop rule', () => {
    const ratio = pooled('ACC02');
    expect(ratio.lt('0.50')).toBe(true);
    expect(exempt('ACC02')).toBe(false);
    const stops = [2024, 2025].every((y) => year('ACC02', y).premium.gt(2_000_000) && year('ACC02', y).ratio.lt('0.30'));
    expect(stops).toBe(false);
    expect(ratio.toFixed(4)).toBe('0.4318');
    // Indicated premium factor = three-year ratio ÷ 0.50 (DOMAIN.md).
    expect(ratio.div('0.50').toFixed(4)).toBe('0.8635');
  });
});

describe('loss-ratio rules have negatives', () => {
  it('leaves ACC03 alone: in scope and clearly above 50%', () => {
    expect(exempt('ACC03')).toBe(false);
    expect(pooled('ACC03').gte('0.55')).toBe(true);
  });

  it('exempts ACC04 by size although its ratio is below 50%: 2025 premium under 1,000,000 yuan', () => {
    expect(pooled('ACC04').lt('0.50')).toBe(true);
    expect(year('ACC04', 2025).premium.lt(1_000_000)).toBe(true);
    expect(year('ACC04', 2025).sold).toBeGreaterThanOrEqual(5000);
    expect(exempt('ACC04')).toBe(true);
  });

  it('leaves the group accident product ACC05 above 50%', () => {
    expect(pooled('ACC05').gte('0.50')).toBe(true);
  });
});

describe('expense caps (S1 §9.2, S2)', () => {
  /** Σ vᵗ⁻¹·pₜ·Gₜ·lₜ ÷ Σ vᵗ⁻¹·pₜ·Gₜ from the loadings table at the pricing interest rate. */
  function average(product: string): Dec {
    const p = data.products.rows.find((r) => r.product_code === product)!;
    const v = new Dec(1).div(new Dec(1).plus(p.pricing_interest_rate!));
    let loadings = new Dec(0);
    let premiums = new Dec(0);
    for (const r of data.loadings.rows.filter((l) => l.product_code === product)) {
      const pv = v.pow(r.policy_year - 1).times(r.inforce_probability).times(new Dec(r.gross_premium).div(100));
      premiums = premiums.plus(pv);
      loadings = loadings.plus(pv.times(r.loading_rate));
    }
    return loadings.div(premiums);
  }

  it('plants CI01 above the 25% average cap for internet products over one year (ILI-EXP-AVG)', () => {
    const ci = average('CI01');
    expect(ci.gt('0.25')).toBe(true);
    expect(ci.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(4)).toBe('0.2700');
  });

  it('keeps every other internet long-term product within 25% average and 60% first year, WL02 exactly at 60%', () => {
    const internetLong = data.products.rows.filter((p) => p.internet && p.term_months > 12 && p.product_code !== 'CI01');
    expect(internetLong.map((p) => p.product_code)).toEqual(['TRM01', 'WL02']);
    for (const p of internetLong) {
      expect(average(p.product_code).lte('0.25'), p.product_code).toBe(true);
      expect(p.loading_first_year!.lte('0.60'), p.product_code).toBe(true);
    }
    expect(data.products.rows.find((p) => p.product_code === 'WL02')!.loading_first_year!.eq('0.60')).toBe(true);
    // WL02's headroom under the 25% average cap: about half a percentage point.
    expect(new Dec('0.25').minus(average('WL02')).times(100).toFixed(2)).toBe('0.50');
  });

  it('keeps internet short-term products within 35% (ACC03 exactly at it) and accident products within their caps', () => {
    for (const p of data.products.rows.filter((r) => r.internet && r.term_months <= 12)) expect(p.loading_average!.lte('0.35'), p.product_code).toBe(true);
    expect(data.products.rows.find((p) => p.product_code === 'ACC03')!.loading_average!.eq('0.35')).toBe(true);
    expect(average('LAC01').lte('0.35')).toBe(true); // individual long-term accident, regular premium
    expect(average('LAC02').lte('0.18')).toBe(true); // individual long-term accident, single premium
    expect(data.products.rows.find((p) => p.product_code === 'ACC05')!.loading_average!.lte('0.25')).toBe(true); // group draft cap
  });

  it('keeps every intermediary fee cap at or below the product loading (ILI-FEE-CAP)', () => {
    for (const p of data.products.rows) expect(p.intermediary_fee_cap!.lte(p.loading_average!), p.product_code).toBe(true);
  });
});

describe('ILI-ELIG: 2025Q2 breaks the four-quarter window', () => {
  /** S1 annex 1: (assets − other liabilities + 0.8E₁ + 0.6E₂ + 0.4E₃ + 0.2E₄) ÷ reserves. */
  const coverage = (r: SampleTables['solvency']['rows'][number]) => {
    const yuan = (c: number | null) => new Dec(c!).div(100);
    const adjustment = yuan(r.expenses_y1).times('0.8').plus(yuan(r.expenses_y2).times('0.6')).plus(yuan(r.expenses_y3).times('0.4')).plus(yuan(r.expenses_y4).times('0.2'));
    return yuan(r.assets).minus(yuan(r.other_liabilities)).plus(adjustment).div(yuan(r.reserves));
  };
  const passes = (r: SampleTables['solvency']['rows'][number]) =>
    r.comprehensive_solvency_ratio.gte('1.20') && r.core_solvency_ratio.gte('0.75') && ['AAA', 'AA', 'A', 'BBB', 'BB', 'B'].includes(r.risk_rating) && coverage(r).gt(1) && 'ABC'.includes(r.governance_grade!);

  it('has reserve coverage of exactly 100.00% in 2025Q2 — not above 100% — and above it in every other quarter', () => {
    for (const r of data.solvency.rows) {
      if (r.quarter === '2025Q2') expect(coverage(r).eq(1)).toBe(true);
      else expect(coverage(r).gt(1), r.quarter).toBe(true);
    }
  });

  it('fails only in 2025Q2, so the window ending 2025Q4 fails and the one ending 2024Q4 passes', () => {
    expect(data.solvency.rows.filter((r) => !passes(r)).map((r) => r.quarter)).toEqual(['2025Q2']);
    const windowPasses = (last: number) => data.solvency.rows.slice(last - 3, last + 1).every(passes);
    expect(windowPasses(3)).toBe(true); // 2024Q1–2024Q4
    expect(windowPasses(4)).toBe(true); // 2024Q2–2025Q1
    expect(windowPasses(7)).toBe(false); // 2025Q1–2025Q4
  });
});

describe('lapse drift of TRM01', () => {
  /**
   * Actual and expected lapses by calendar year on DOMAIN.md's central-exposure basis: exposure =
   * days in force in the year (issue and exit days inclusive) ÷ days in that year, split at each
   * policy anniversary; expected = exposure × −ln(1 − q), q the most specific assumption row
   * (product and policy year, else product).
   */
  function lapses(product: string, group: (channel: string, policyYear: number) => string | null) {
    const rates = data.assumptions.rows.filter((a) => a.product_code === product && (a.indicator === 'lapse' || a.indicator === 'surrender'));
    const rate = (py: number) => Number((rates.find((a) => a.policy_year === py) ?? rates.find((a) => a.policy_year === null))!.rate);
    const end = parseDayText('2025-12-31')!;
    const cells = new Map<string, { actual: number; expected: number }>();
    for (const p of data.policies.rows) {
      if (p.product_code !== product || p.exit_reason === 'cancel') continue;
      const last = p.exit_date ?? end;
      const left = p.exit_reason === 'lapse' || p.exit_reason === 'surrender';
      for (let py = 1, from = p.issue_date as number; from <= last; from = addYears(p.issue_date, py), py++) {
        const to = Math.min(addYears(p.issue_date, py) - 1, last);
        for (let d = from; d <= to; ) {
          const y = yearOf(d);
          const yearEnd = Math.min(to, dayOf(y, 12, 31));
          const g = group(p.channel!, py);
          if (g !== null) {
            const cell = cells.get(`${y} ${g}`) ?? { actual: 0, expected: 0 };
            cell.expected += ((yearEnd - d + 1) / daysInYear(y)) * -Math.log(1 - rate(py));
            if (left && p.exit_date! >= d && p.exit_date! <= yearEnd) cell.actual++;
            cells.set(`${y} ${g}`, cell);
          }
          d = yearEnd + 1;
        }
      }
    }
    const ae = (key: string) => cells.get(key)!.actual / cells.get(key)!.expected;
    return { cells, ae };
  }

  it('runs near its assumption through 2023 and about 1.5 times it in 2025', () => {
    const { ae, cells } = lapses('TRM01', () => 'all');
    const early = ['2021 all', '2022 all', '2023 all'].map((k) => cells.get(k)!);
    const earlyAe = early.reduce((s, c) => s + c.actual, 0) / early.reduce((s, c) => s + c.expected, 0);
    expect(earlyAe).toBeGreaterThan(0.9);
    expect(earlyAe).toBeLessThan(1.1);
    expect(ae('2025 all')).toBeGreaterThan(1.4);
    expect(ae('2025 all')).toBeLessThan(1.6);
    expect([earlyAe, ae('2024 all'), ae('2025 all')].map((x) => x.toFixed(2))).toEqual(['0.99', '1.19', '1.48']);
  });

  it('concentrates the drift in the online_partner channel and its first two policy years', () => {
    const { ae } = lapses('TRM01', (channel, py) => `${channel} ${py <= 2 ? 'early' : 'later'}`);
    expect(ae('2025 online_partner early')).toBeGreaterThan(2);
    expect(ae('2025 online_partner later')).toBeLessThan(ae('2025 online_partner early'));
    expect(ae('2025 app early')).toBeLessThan(1.2);
    expect(['2025 online_partner early', '2025 online_partner later', '2025 app early', '2025 app later'].map((k) => ae(k).toFixed(2))).toEqual(['2.34', '1.38', '1.04', '1.11']);
  });

  it('leaves every other long-term product near its lapse or surrender assumption over 2021–2025', () => {
    for (const product of ['CI01', 'WL02', 'LAC01', 'LAC02', 'ANN01', 'WL01', 'END01']) {
      const { cells } = lapses(product, () => 'all');
      const all = [...cells.values()];
      const ae = all.reduce((s, c) => s + c.actual, 0) / all.reduce((s, c) => s + c.expected, 0);
      expect(ae, product).toBeGreaterThan(0.85);
      expect(ae, product).toBeLessThan(1.15);
    }
  });
});

describe('the lagging region 西北 in the satisfaction survey', () => {
  /** Construct index 0–100 with equal item weights: (mean answer − 1) ÷ 9 × 100 over non-blank answers. */
  function index(items: readonly string[], inRegion: (region: string) => boolean): number {
    let sum = 0;
    let n = 0;
    for (const r of data.survey.rows) {
      if (!inRegion(r.region!)) continue;
      for (const item of items) {
        const text = r.attributes[item];
        if (text !== '') {
          sum += Number(text);
          n++;
        }
      }
    }
    return ((sum / n - 1) / 9) * 100;
  }
  const gap = (items: readonly string[]) => index(items, (r) => r !== '西北') - index(items, (r) => r === '西北');

  it('scores 6–10 points lower on satisfaction, driven by lower quality and complaint handling', () => {
    const satisfaction = gap(['SATI1', 'SATI2', 'SATI3']);
    const quality = gap(['QUAL1', 'QUAL2', 'QUAL3', 'QUAL4', 'QUAL5', 'QUAL6']);
    const complaints = gap(['CRM1', 'CRM2', 'CRM3']);
    const image = gap(['IMAG1', 'IMAG2', 'IMAG3', 'IMAG4']);
    expect(satisfaction).toBeGreaterThan(6);
    expect(satisfaction).toBeLessThan(10);
    expect(quality).toBeGreaterThan(satisfaction);
    expect(complaints).toBeGreaterThan(quality);
    expect(Math.abs(image)).toBeLessThan(2);
    expect([satisfaction, quality, complaints].map((x) => x.toFixed(1))).toEqual(['7.0', '10.8', '15.0']);
  });
});

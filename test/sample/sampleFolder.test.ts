import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths, parseDayText, yearOf } from '../../src/data/dates';
import { periodEnd, periodStart, type Quarter, quarterOfDay } from '../../src/data/period';
import { Dec } from '../../src/money/decimal';
import { loadSample, SAMPLE_DIR, type SampleTables } from './sampleData';

const STUDY_END = parseDayText('2025-12-31')!;
let data: SampleTables;

beforeAll(async () => {
  data = await loadSample();
});

const key = (...parts: (string | number)[]) => parts.join('|');
const shortTerm = () => new Set(data.products.rows.filter((p) => p.term_months <= 12).map((p) => p.product_code));

describe('the committed sample folder', () => {
  it('loads every table through loadDataFolder with the sizes the brief asks for', () => {
    expect(data.products.rows).toHaveLength(15);
    expect(data.policies.rows).toHaveLength(200_000);
    expect(data.survey.rows).toHaveLength(3000);
    expect(data.solvency.rows.map((r) => r.quarter)).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(data.claims.rows.length).toBeGreaterThan(5000);
    const lines = new Set(data.products.rows.map((p) => p.line));
    for (const line of ['accident', 'medical', 'term_life', 'critical_illness', 'whole_life', 'endowment', 'annuity']) expect(lines.has(line as never), line).toBe(true);
  });

  it('fills every column of products', () => {
    for (const p of data.products.rows) {
      for (const column of ['product_name', 'internet', 'business', 'premium_mode', 'launch_date', 'loading_first_year', 'loading_average', 'intermediary_fee_cap'] as const) {
        expect(p[column], `${p.product_code}.${column}`).not.toBeNull();
      }
      if (p.term_months <= 12) expect(p.expected_loss_ratio, p.product_code).not.toBeNull();
      else expect(p.pricing_interest_rate, p.product_code).not.toBeNull();
    }
  });
});

describe('finance.csv agrees with the policies and claims', () => {
  it('opens each quarter with the previous closing, from zero at launch, through 2025Q4', () => {
    const byProduct = new Map<string, typeof data.finance.rows[number][]>();
    for (const r of data.finance.rows) byProduct.set(r.product_code, [...(byProduct.get(r.product_code) ?? []), r]);
    expect(byProduct.size).toBe(15);
    for (const [code, rows] of byProduct) {
      expect(rows[0].upr_opening, code).toBe(0);
      expect(rows[0].ocr_opening, code).toBe(0);
      expect(rows[rows.length - 1].period).toBe('2025Q4');
      for (let i = 1; i < rows.length; i++) {
        expect(periodStart(rows[i].period), `${code} ${rows[i].period} follows ${rows[i - 1].period}`).toBe(periodEnd(rows[i - 1].period) + 1);
        expect(rows[i].upr_opening, `${code} ${rows[i].period}`).toBe(rows[i - 1].upr_closing);
        expect(rows[i].ocr_opening, `${code} ${rows[i].period}`).toBe(rows[i - 1].ocr_closing);
      }
    }
  });

  it('counts as sold exactly the policies issued in each quarter, adding up to the whole book', () => {
    const issued = new Map<string, number>();
    for (const p of data.policies.rows) issued.set(key(p.product_code, quarterOfDay(p.issue_date)), (issued.get(key(p.product_code, quarterOfDay(p.issue_date))) ?? 0) + 1);
    let total = 0;
    for (const r of data.finance.rows) {
      expect(r.policies_sold, `${r.product_code} ${r.period}`).toBe(issued.get(key(r.product_code, r.period)) ?? 0);
      total += r.policies_sold!;
    }
    expect(total).toBe(data.policies.rows.length);
  });

  it('pays in each quarter exactly the claims settled in it, and reserves at least the open case reserves at the end', () => {
    const paid = new Map<string, number>();
    const open = new Map<string, number>();
    for (const c of data.claims.rows) {
      if (c.paid_date !== null) paid.set(key(c.product_code!, quarterOfDay(c.paid_date)), (paid.get(key(c.product_code!, quarterOfDay(c.paid_date))) ?? 0) + c.paid_amount);
      else open.set(c.product_code!, (open.get(c.product_code!) ?? 0) + c.case_reserve!);
    }
    for (const r of data.finance.rows) {
      expect(r.claims_paid, `${r.product_code} ${r.period}`).toBe(paid.get(key(r.product_code, r.period)) ?? 0);
      // The 2025Q4 reserve holds the open case reserves plus IBNR (claims reported after the study end).
      if (r.period === '2025Q4') expect(r.ocr_closing, r.product_code).toBeGreaterThanOrEqual(open.get(r.product_code) ?? 0);
    }
  });

  // The UPR is recomputed in Dec for the two products whose planted loss-ratio findings rest on it (all would take long).
  const UPR_CHECKED = new Set(['ACC01', 'ACC02']);

  it('books short-term premiums when issued, less refunds of cancellations, with the unexpired share as UPR', () => {
    const short = shortTerm();
    const premium = new Map<string, number>();
    const upr = new Map<string, number>();
    const ends = [...new Set(data.finance.rows.map((r) => r.period as Quarter))];
    for (const p of data.policies.rows) {
      if (!short.has(p.product_code)) continue;
      const k = key(p.product_code, quarterOfDay(p.issue_date));
      premium.set(k, (premium.get(k) ?? 0) + p.premium!);
      if (p.exit_reason === 'cancel') premium.set(key(p.product_code, quarterOfDay(p.exit_date!)), (premium.get(key(p.product_code, quarterOfDay(p.exit_date!))) ?? 0) - p.premium!);
      if (!UPR_CHECKED.has(p.product_code)) continue;
      const last = addMonths(p.issue_date, 12) - 1;
      for (const q of ends) {
        const end = periodEnd(q);
        if (end < p.issue_date || end >= last || (p.exit_date !== null && p.exit_date <= end)) continue;
        // premium × days left ÷ days covered, half-up to the fen
        const share = new Dec(p.premium!).times(last - end).div(last - p.issue_date + 1).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
        upr.set(key(p.product_code, q), (upr.get(key(p.product_code, q)) ?? 0) + share);
      }
    }
    for (const r of data.finance.rows) {
      if (!short.has(r.product_code)) continue;
      expect(r.premium_income, `${r.product_code} ${r.period}`).toBe(premium.get(key(r.product_code, r.period)) ?? 0);
      if (UPR_CHECKED.has(r.product_code)) expect(r.upr_closing, `${r.product_code} ${r.period}`).toBe(upr.get(key(r.product_code, r.period)) ?? 0);
    }
  });

  it('cedes a quota share of earned premium and incurred claims, so net earned is never negative and the net loss ratio is the gross one', () => {
    const quota: Record<string, string> = { MED01: '0.2', TRM01: '0.5', CI01: '0.3' };
    for (const r of data.finance.rows) {
      const earned = r.premium_income + r.upr_opening - r.upr_closing;
      const incurred = r.claims_paid + r.ocr_closing - r.ocr_opening;
      const share = quota[r.product_code] ?? '0';
      // Quota share of each, rounded half-up to the fen.
      expect(r.ceded_premium, `${r.product_code} ${r.period}`).toBe(new Dec(earned).times(share).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber());
      expect(r.ceded_claims, `${r.product_code} ${r.period}`).toBe(new Dec(incurred).times(share).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber());
      expect(earned - r.ceded_premium!, `${r.product_code} ${r.period}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('fills investment figures for long-term products only', () => {
    const short = shortTerm();
    for (const r of data.finance.rows) {
      if (short.has(r.product_code)) expect(r.invested_assets, r.product_code).toBeNull();
      else expect(r.invested_assets, r.product_code).not.toBeNull();
    }
  });
});

describe('policies and claims', () => {
  it('ends short-term policies at the end of their term, or by cancellation within the 15-day cooling-off period', () => {
    const short = shortTerm();
    const wrong: string[] = [];
    for (const p of data.policies.rows) {
      if (!short.has(p.product_code)) continue;
      const termEnd = addMonths(p.issue_date, 12) - 1;
      const ok =
        p.exit_reason === 'maturity' ? p.exit_date === termEnd : p.exit_reason === 'cancel' ? p.exit_date! - p.issue_date < 15 : p.exit_reason === null && termEnd > STUDY_END;
      if (!ok) wrong.push(p.policy_id);
    }
    expect(wrong).toEqual([]);
  });

  it('dates every policy within 2021–2025 and every exit on or after issue', () => {
    const first = parseDayText('2021-01-01')!;
    const wrong = data.policies.rows.filter(
      (p) =>
        p.issue_date < first ||
        p.issue_date > STUDY_END ||
        (p.exit_date !== null && (p.exit_date < p.issue_date || p.exit_date > STUDY_END)) ||
        (p.exit_date === null) !== (p.exit_reason === null),
    );
    expect(wrong.map((p) => p.policy_id)).toEqual([]);
  });

  it('joins every claim to a policy of the same product, incurred while it was in force', () => {
    const policies = new Map(data.policies.rows.map((p) => [p.policy_id, p]));
    const wrong = data.claims.rows.filter((c) => {
      const p = policies.get(c.policy_id);
      if (!p || c.product_code !== p.product_code) return true;
      if (c.incident_date < p.issue_date || c.incident_date > (p.exit_date ?? STUDY_END)) return true;
      if (c.report_date === null || c.report_date < c.incident_date || c.report_date > STUDY_END) return true;
      return c.paid_date === null ? !(c.paid_amount === 0 && c.case_reserve! > 0) : !(c.paid_date >= c.report_date && c.case_reserve === 0 && c.paid_amount > 0);
    });
    expect(wrong.map((c) => c.claim_id)).toEqual([]);
  });

  it('builds the triangle from the short-term claims paid by the study end, cumulative by accident year and development age', () => {
    const short = shortTerm();
    const paid = new Map<string, number>();
    for (const c of data.claims.rows) {
      if (!short.has(c.product_code!) || c.paid_date === null) continue;
      const k = key(yearOf(c.incident_date), yearOf(c.paid_date) - yearOf(c.incident_date) + 1);
      paid.set(k, (paid.get(k) ?? 0) + c.paid_amount);
    }
    expect(data.triangle.rows).toHaveLength(15);
    for (const r of data.triangle.rows) {
      let cumulative = 0;
      for (let d = 1; d <= r.development; d++) cumulative += paid.get(key(r.origin, d)) ?? 0;
      expect(Math.round(r.value * 100), `${r.origin}/${r.development}`).toBe(cumulative);
      expect(r.origin + r.development - 1).toBeLessThanOrEqual(2025);
    }
  });
});

describe('pricing tables', () => {
  it("gives each long-term product's average loading as Σ vᵗ⁻¹pₜGₜlₜ ÷ Σ vᵗ⁻¹pₜGₜ of its loadings rows, to four decimals", () => {
    for (const p of data.products.rows.filter((r) => r.term_months > 12)) {
      const rows = data.loadings.rows.filter((r) => r.product_code === p.product_code).sort((a, b) => a.policy_year - b.policy_year);
      expect(rows.length, p.product_code).toBeGreaterThan(0);
      const v = new Dec(1).div(new Dec(1).plus(p.pricing_interest_rate!));
      let loadings = new Dec(0);
      let premiums = new Dec(0);
      for (const r of rows) {
        const pv = v.pow(r.policy_year - 1).times(r.inforce_probability).times(new Dec(r.gross_premium).div(100));
        premiums = premiums.plus(pv);
        loadings = loadings.plus(pv.times(r.loading_rate));
      }
      expect(loadings.div(premiums).toDecimalPlaces(4, Dec.ROUND_HALF_UP).eq(p.loading_average!), p.product_code).toBe(true);
      expect(rows[0].loading_rate.eq(p.loading_first_year!), p.product_code).toBe(true);
      expect(rows[0].inforce_probability.eq(1), p.product_code).toBe(true);
      for (let i = 1; i < rows.length; i++) expect(rows[i].inforce_probability.lte(rows[i - 1].inforce_probability)).toBe(true);
    }
  });

  it('has a death rate for every gender and age a policy reaches, and product rates that the policy-year rows override', () => {
    const death = new Set(data.assumptions.rows.filter((a) => a.indicator === 'death').map((a) => key(a.gender!, a.attained_age!)));
    const uncovered = data.policies.rows.filter((p) => {
      const years = Math.ceil(((p.exit_date ?? STUDY_END) - p.issue_date + 1) / 365.25);
      return !death.has(key(p.gender!, p.age_at_issue! + years - 1));
    });
    expect(uncovered.map((p) => p.policy_id)).toEqual([]);
    const trm = data.assumptions.rows.filter((a) => a.indicator === 'lapse' && a.product_code === 'TRM01');
    const wide = trm.find((a) => a.policy_year === null)!;
    const first = trm.find((a) => a.policy_year === 1)!;
    expect(wide.rate.toString()).toBe('0.05');
    expect(first.rate.toString()).toBe('0.12');
  });

  it('writes the survey model of the brief: 7 constructs, 24 items, 12 ECSI paths', () => {
    const model = JSON.parse(readFileSync(join(SAMPLE_DIR, 'survey_model.json'), 'utf8'));
    expect(model.name).toBe('ICSI');
    expect(model.scale).toEqual({ min: 1, max: 10 });
    const items = Object.values(model.constructs as Record<string, { items: string[] }>).flatMap((c) => c.items);
    expect(items).toHaveLength(24);
    expect(model.constructs.Complaints).toEqual({ items: ['CRM1', 'CRM2', 'CRM3'], mode: 'A', name_zh: '客户关系管理' });
    expect(model.paths).toHaveLength(12);
    expect(data.survey.attributeColumns).toEqual(['phone', ...items]);
  });
});

describe('the survey', () => {
  it('answers on the 1–10 scale with about 2% left blank and positive weights', () => {
    const items = data.survey.attributeColumns.filter((c) => c !== 'phone');
    let blank = 0;
    const wrong: string[] = [];
    for (const r of data.survey.rows) {
      if (!(r.weight! > 0)) wrong.push(`${r.respondent_id} weight`);
      for (const item of items) {
        const text = r.attributes[item];
        if (text === '') blank++;
        else if (!/^([1-9]|10)$/.test(text)) wrong.push(`${r.respondent_id} ${item}`);
      }
    }
    expect(wrong).toEqual([]);
    const share = blank / (items.length * data.survey.rows.length);
    expect(share).toBeGreaterThan(0.015);
    expect(share).toBeLessThan(0.025);
  });

  /**
   * Ordinary least squares on standardised equal-weight construct scores (the mean of a
   * respondent's non-blank answers): a rough stand-in for PLS mode A that needs no PLS engine.
   * Normal equations solved by Gaussian elimination; the systems are at most 4 × 4.
   */
  function paths(target: string, predictors: readonly string[], score: Record<string, number[]>): number[] {
    const k = predictors.length;
    const a = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
    score[target].forEach((y, i) => {
      for (let r = 0; r < k; r++) {
        for (let c = 0; c < k; c++) a[r][c] += score[predictors[r]][i] * score[predictors[c]][i];
        a[r][k] += score[predictors[r]][i] * y;
      }
    });
    for (let c = 0; c < k; c++) for (let r = c + 1; r < k; r++) for (let j = k, f = a[r][c] / a[c][c]; j >= c; j--) a[r][j] -= f * a[c][j];
    const b = new Array<number>(k).fill(0);
    for (let r = k - 1; r >= 0; r--) b[r] = (a[r][k] - b.reduce((s, x, j) => (j > r ? s + a[r][j] * x : s), 0)) / a[r][r];
    return b;
  }

  it('follows the ECSI structure: every path of the model is positive and quality drives satisfaction most', () => {
    const model = JSON.parse(readFileSync(join(SAMPLE_DIR, 'survey_model.json'), 'utf8')) as { constructs: Record<string, { items: string[] }>; paths: [string, string][] };
    const names = Object.keys(model.constructs);
    const mean = (r: (typeof data.survey.rows)[number], items: string[]) => {
      const answers = items.map((i) => r.attributes[i]).filter((t) => t !== '');
      return answers.length === 0 ? NaN : answers.reduce((s, t) => s + Number(t), 0) / answers.length;
    };
    const complete = data.survey.rows.filter((r) => names.every((c) => !Number.isNaN(mean(r, model.constructs[c].items))));
    expect(complete.length).toBeGreaterThan(2950);
    const score: Record<string, number[]> = {};
    for (const c of names) {
      const raw = complete.map((r) => mean(r, model.constructs[c].items));
      const m = raw.reduce((s, x) => s + x, 0) / raw.length;
      const sd = Math.sqrt(raw.reduce((s, x) => s + (x - m) ** 2, 0) / (raw.length - 1));
      score[c] = raw.map((x) => (x - m) / sd);
    }
    const estimates = new Map<string, number>();
    for (const target of names) {
      const predictors = model.paths.filter(([, to]) => to === target).map(([from]) => from);
      if (predictors.length > 0) paths(target, predictors, score).forEach((b, i) => estimates.set(`${predictors[i]}→${target}`, b));
    }
    expect(estimates.size).toBe(12);
    for (const [path, b] of estimates) expect(b, path).toBeGreaterThan(0.05);
    const toSatisfaction = ['Image', 'Expectation', 'Quality', 'Value'].map((c) => estimates.get(`${c}→Satisfaction`)!);
    expect(Math.max(...toSatisfaction)).toBe(estimates.get('Quality→Satisfaction'));
  });

  it('holds no personal-looking data beyond its fake format: ids RSP-nnnnnn, phones 000-nnnn-nnnn', () => {
    const text = readFileSync(join(SAMPLE_DIR, 'survey.csv'), 'utf8');
    const wrong = data.survey.rows.filter((r) => !/^RSP-\d{6}$/.test(r.respondent_id!) || !/^000-\d{4}-\d{4}$/.test(r.attributes.phone));
    expect(wrong.map((r) => r.source_row)).toEqual([]);
    // No mainland mobile number (1[3-9] and nine digits) and no 18-character resident ID number anywhere.
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(text).not.toMatch(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/);
  });
});

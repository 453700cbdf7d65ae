import { yearOf } from '../data/dates';
import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import type { ChannelRow, FinanceRow, InsuredPersonsRow, OutletRow, PolicyRow, ProductRow } from '../data/rows';
import type { Line, Platform } from '../data/schema';
import { earnedPremium, incurredClaims } from '../lossratio/earnedLossRatio';
import { financePeriods, type PeriodLedger } from '../lossratio/financePeriods';
import { type Cents, sumCents } from '../money/cents';
import type { Dec } from '../money/decimal';
import { ratio } from '../money/ratio';

/** The four lines of S1 annex 2 part 一, in its order: 意外险, 人寿保险, 健康保险, 年金保险. */
export const ANNUAL_LINES = ['accident', 'life', 'health', 'annuity'] as const;
export type AnnualLine = (typeof ANNUAL_LINES)[number];

/** The annex line of each product line; `other` belongs to none of the four. */
export const ANNUAL_LINE_OF: Readonly<Record<Line, AnnualLine | null>> = {
  accident: 'accident',
  term_life: 'life',
  whole_life: 'life',
  endowment: 'life',
  health: 'health',
  medical: 'health',
  critical_illness: 'health',
  annuity: 'annuity',
  other: null,
};

/** Bands of the term (保险期间): one year or less, over one to ten years, over ten years (S1 §8, §11). */
export const TERM_BANDS = ['up_to_1y', 'over_1y_to_10y', 'over_10y'] as const;
export type TermBand = (typeof TERM_BANDS)[number];

/**
 * The term band of a product.
 * @example termBand(12) // 'up_to_1y'; termBand(120) // 'over_1y_to_10y'; termBand(1200) // 'over_10y'
 */
export function termBand(termMonths: number): TermBand {
  return termMonths <= 12 ? 'up_to_1y' : termMonths <= 120 ? 'over_1y_to_10y' : 'over_10y';
}

/** One internet product's business in the year. */
export interface ProductBusiness {
  readonly product_code: string;
  readonly product_name: string | null;
  /** The product line (its form: medical, critical illness, term life…). */
  readonly form: Line;
  readonly term_months: number;
  readonly premium_mode: 'single' | 'regular' | null;
  readonly premium_income: Cents;
  /** premium_income ÷ the line's premium income; null when the line has none. */
  readonly premium_share: Dec | null;
  readonly policies_sold: number | null;
  /** From the insured_persons table; null when the table is not provided or has no row for the product and year. */
  readonly insured_persons: number | null;
}

/** Premium income of the line by term band. */
export interface TermShare {
  readonly band: TermBand;
  readonly premium_income: Cents;
  readonly share: Dec | null;
}

/** New business of the year (policies issued in it) by where it was sold. */
export interface PlatformShare {
  readonly platform: Platform;
  readonly policies: number;
  /** Sum of the new policies' premium (annual or single), yuan in fen. */
  readonly premium: Cents;
  readonly premium_share: Dec | null;
}

/** One line's business in the year (S1 annex 2 一 (一)–(四)). */
export interface LineBusiness {
  readonly line: AnnualLine;
  readonly products: readonly ProductBusiness[];
  readonly premium_income: Cents;
  /** Null when a product's policies_sold is missing in the ledger. */
  readonly policies_sold: number | null;
  /** Null when the insured_persons table is not provided or lacks a product of the line. */
  readonly insured_persons: number | null;
  readonly terms: readonly TermShare[];
  /** Null when the channels table is not provided. */
  readonly platforms: readonly PlatformShare[] | null;
  readonly earned_premium: Cents;
  readonly incurred_claims: Cents;
  /** incurred ÷ earned, exact; null when earned ≤ 0 (not computable). */
  readonly loss_ratio: Dec | null;
  /** Null when the finance table lacks an expense figure of the line's products in the year. */
  readonly expenses: Cents | null;
  /** expenses ÷ premium income. */
  readonly expense_rate: Dec | null;
  readonly ceded_premium: Cents;
  readonly ceded_claims: Cents;
  /** earned − incurred − expenses − ceded premium + ceded claims; null when expenses are unknown. */
  readonly underwriting_result: Cents | null;
  /** Investment income of the line's products, null when any is missing (short-term products have none: 0). */
  readonly investment_income: Cents | null;
}

/** Internet health business by region: new business of the year and the offline service presence (S1 §13). */
export interface HealthRegion {
  readonly region: string;
  readonly policies: number;
  readonly premium: Cents;
  /** From the outlets table; null when it is not provided or has no row for the region. */
  readonly provincial_branch: boolean | null;
  readonly outlets: number | null;
  readonly partner: string | null;
}

/** Part 一 of the annual report: internet life business by line. */
export interface AnnualBusiness {
  readonly year: number;
  readonly lines: readonly LineBusiness[];
  readonly health_regions: readonly HealthRegion[];
}

/** The tables part 一 reads; the optional ones are undefined when the data folder lacks them. */
export interface BusinessTables {
  readonly products: Table<ProductRow>;
  readonly finance: Table<FinanceRow>;
  readonly policies: Table<PolicyRow>;
  readonly insured_persons?: Table<InsuredPersonsRow>;
  readonly channels?: Table<ChannelRow>;
  readonly outlets?: Table<OutletRow>;
}

const share = (part: number, whole: number): Dec | null => (whole === 0 ? null : ratio(part, whole));

/** The year's ledger of a product (four quarters summed, or the year row), with the expense and investment columns summed from the same rows. */
function yearLedgers(finance: Table<FinanceRow>, year: number): Map<string, { ledger: PeriodLedger; expenses: Cents | null; investment: Cents | null }> {
  const bySourceRow = new Map(finance.rows.map((r) => [r.source_row, r]));
  const out = new Map<string, { ledger: PeriodLedger; expenses: Cents | null; investment: Cents | null }>();
  for (const ledger of financePeriods(finance.rows, finance.file).years) {
    if (ledger.period !== String(year)) continue;
    const rows = ledger.source_rows.map((n) => bySourceRow.get(n)!);
    const expenses = rows.every((r) => r.expenses !== null) ? sumCents(rows.map((r) => r.expenses!)) : null;
    const investment = rows.every((r) => r.investment_income !== null) ? sumCents(rows.map((r) => r.investment_income!)) : null;
    out.set(ledger.product_code, { ledger, expenses, investment });
  }
  return out;
}

/**
 * Internet life business of one year by line, as S1 annex 2 part 一 asks: premium income, policies
 * sold and insured persons (业务发展); the products (主流产品形态), term bands (保险期间) and new
 * business by own platform, intermediary and offline (自营和中介业务占比) (业务结构); loss ratio,
 * expenses, reinsurance and the simplified underwriting result (业务持续性); for health, the
 * regions sold in and their outlets. Only products marked `internet` count. Money is summed in
 * integer fen and every ratio is exact (decimal).
 *
 * Premium, claims, reserves, expenses and reinsurance come from the finance ledger (the year row or
 * its four quarters); platforms and regions from the policies issued in the year; insured persons,
 * platforms of channels and outlets from the optional tables, left null (never 0) when absent.
 *
 * @throws InputError when a channel of the year's internet policies has no row in the channels
 * table (naming the policies file, the row and the channel).
 * @example annualBusiness(tables, 2025).lines.find((l) => l.line === 'health')?.loss_ratio
 */
export function annualBusiness(tables: BusinessTables, year: number): AnnualBusiness {
  const internet = tables.products.rows.filter((p) => p.internet === true && ANNUAL_LINE_OF[p.line] !== null);
  const ledgers = yearLedgers(tables.finance, year);
  const insured = tables.insured_persons ? new Map(tables.insured_persons.rows.filter((r) => r.year === year).map((r) => [r.product_code, r.insured_persons])) : null;
  const platformOf = tables.channels ? new Map(tables.channels.rows.map((r) => [r.channel, r.platform])) : null;
  const internetCodes = new Set(internet.map((p) => p.product_code));
  const newBusiness = tables.policies.rows.filter((r) => internetCodes.has(r.product_code) && yearOf(r.issue_date) === year);
  if (platformOf && tables.channels) {
    for (const r of newBusiness) {
      if (r.channel === null || !platformOf.has(r.channel)) {
        throw new InputError({ file: tables.policies.file, row: r.source_row, column: 'channel' }, `a channel listed in ${tables.channels.file} (every channel of the year's internet policies needs its platform)`, r.channel ?? '');
      }
    }
  }
  const lines = ANNUAL_LINES.map((line): LineBusiness => {
    const products = internet.filter((p) => ANNUAL_LINE_OF[p.line] === line && ledgers.has(p.product_code));
    const years = products.map((p) => ledgers.get(p.product_code)!);
    const premium = sumCents(years.map((y) => y.ledger.premium_income));
    const earned = sumCents(years.map((y) => earnedPremium(y.ledger)));
    const incurred = sumCents(years.map((y) => incurredClaims(y.ledger)));
    const expenses = years.every((y) => y.expenses !== null) ? sumCents(years.map((y) => y.expenses!)) : null;
    const cededPremium = sumCents(years.map((y) => y.ledger.ceded_premium));
    const cededClaims = sumCents(years.map((y) => y.ledger.ceded_claims));
    const sold = years.map((y) => y.ledger.policies_sold);
    const persons = products.map((p) => insured?.get(p.product_code) ?? null);
    const codes = new Set(products.map((p) => p.product_code));
    const lineNew = newBusiness.filter((r) => codes.has(r.product_code));
    const platforms = platformOf
      ? (['own', 'intermediary', 'offline'] as const).map((platform): PlatformShare => {
          const rows = lineNew.filter((r) => platformOf.get(r.channel!) === platform);
          const amount = sumCents(rows.map((r) => r.premium ?? 0));
          return { platform, policies: rows.length, premium: amount, premium_share: share(amount, sumCents(lineNew.map((r) => r.premium ?? 0))) };
        })
      : null;
    return {
      line,
      products: products.map((p, i): ProductBusiness => ({
        product_code: p.product_code,
        product_name: p.product_name,
        form: p.line,
        term_months: p.term_months,
        premium_mode: p.premium_mode,
        premium_income: years[i].ledger.premium_income,
        premium_share: share(years[i].ledger.premium_income, premium),
        policies_sold: years[i].ledger.policies_sold,
        insured_persons: persons[i],
      })),
      premium_income: premium,
      policies_sold: sold.every((n) => n !== null) ? sold.reduce<number>((a, n) => a + n!, 0) : null,
      insured_persons: insured !== null && persons.every((n) => n !== null) ? persons.reduce<number>((a, n) => a + n!, 0) : null,
      terms: TERM_BANDS.map((band) => {
        const amount = sumCents(products.filter((p) => termBand(p.term_months) === band).map((p) => ledgers.get(p.product_code)!.ledger.premium_income));
        return { band, premium_income: amount, share: share(amount, premium) };
      }),
      platforms,
      earned_premium: earned,
      incurred_claims: incurred,
      loss_ratio: earned > 0 ? ratio(incurred, earned) : null,
      expenses,
      expense_rate: expenses === null ? null : share(expenses, premium),
      ceded_premium: cededPremium,
      ceded_claims: cededClaims,
      underwriting_result: expenses === null ? null : sumCents([earned, -incurred, -expenses, -cededPremium, cededClaims]),
      investment_income: years.every((y) => y.investment !== null || products.find((p) => p.product_code === y.ledger.product_code)!.term_months <= 12)
        ? sumCents(years.map((y) => y.investment ?? 0))
        : null,
    };
  });
  const healthCodes = new Set(internet.filter((p) => ANNUAL_LINE_OF[p.line] === 'health').map((p) => p.product_code));
  const outlets = tables.outlets ? new Map(tables.outlets.rows.map((r) => [r.region, r])) : null;
  const regions = new Map<string, { policies: number; premium: number[] }>();
  for (const r of newBusiness) {
    if (!healthCodes.has(r.product_code)) continue;
    const region = r.region ?? '';
    const entry = regions.get(region) ?? { policies: 0, premium: [] };
    entry.policies++;
    entry.premium.push(r.premium ?? 0);
    regions.set(region, entry);
  }
  for (const region of outlets?.keys() ?? []) if (!regions.has(region)) regions.set(region, { policies: 0, premium: [] });
  const health_regions = [...regions.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([region, e]): HealthRegion => {
      const o = outlets?.get(region);
      return { region, policies: e.policies, premium: sumCents(e.premium), provincial_branch: o?.provincial_branch ?? null, outlets: o?.outlets ?? null, partner: o?.partner ?? null };
    });
  return { year, lines, health_regions };
}

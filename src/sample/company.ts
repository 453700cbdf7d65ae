import type { Line } from '../data/schema';
import { EXEMPT_BY_SIZE, EXPENSE_CAP_BREACH, REPRICE, STOP_SALE } from './plantedFindings';

/**
 * 恒泰人寿 Hengtai Life, the fictional mid-size life insurer of the sample data: its products,
 * their pricing bases, how much of each it sells and how the business really turns out.
 * Every number the generators use that is not drawn at random is declared here or in
 * plantedFindings.ts.
 */
export const COMPANY = { name: '恒泰人寿', nameEn: 'Hengtai Life' } as const;

/** The study end (inclusive): the history runs from 2021-01-01 to this day. */
export const STUDY_END = '2025-12-31';
export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** Policies in the default sample; `--policies N` scales every product's volume to N. */
export const DEFAULT_POLICIES = 200_000;
/** The default seed: `awb sample` without `--seed` always writes the same folder. */
export const DEFAULT_SEED = 20251231;

/** Regions (the same names in policies and the survey) and their shares of the business. */
export const REGIONS: readonly (readonly [string, number])[] = [
  ['华东', 0.3],
  ['华北', 0.18],
  ['华南', 0.17],
  ['华中', 0.13],
  ['西南', 0.11],
  ['西北', 0.06],
  ['东北', 0.05],
];

/** Fields every product has. Rates are decimal text (exact, as written to the tables). */
interface ProductBase {
  readonly code: string;
  readonly name: string;
  readonly line: Line;
  readonly internet: boolean;
  readonly business: 'individual' | 'group';
  readonly term_months: number;
  readonly premium_mode: 'single' | 'regular';
  readonly launch_date: string;
  /** Policies issued in 2021…2025 at the default size (0 before launch). */
  readonly volumes: readonly [number, number, number, number, number];
  /** Issue ages: youngest, most common, oldest (a triangular distribution). */
  readonly ages: readonly [number, number, number];
  readonly female_share: number;
  readonly channels: readonly (readonly [string, number])[];
  readonly intermediary_fee_cap: string;
  /** Share of premium and claims ceded to a quota-share reinsurer (0: none). */
  readonly quota_share: number;
  /** Probability that a new policy is cancelled within the cooling-off period (犹豫期撤单). */
  readonly cancel_rate: number;
}

/** A plan of a short-term product: sum assured and premium in yuan, and its share of sales. */
export interface Plan {
  readonly sum_assured: number;
  readonly premium: number;
  readonly weight: number;
}

/** A product with a term of twelve months or less. */
export interface ShortTermProduct extends ProductBase {
  readonly kind: 'short';
  readonly plans: readonly Plan[];
  /** Premium × exp(slope × (age − 40)): 0 for flat-rated accident cover, positive for medical. */
  readonly age_slope: number;
  /** The predetermined additional expense rate (first-year and average are the same). */
  readonly loading: string;
  /** The pricing loss ratio (预期赔付率). */
  readonly expected_loss_ratio: string;
  /** What claims really cost as a share of premium: the simulated claim frequency is set from it. */
  readonly experience_loss_ratio: number;
  /** Claim size: lognormal with this mean (yuan) and log-scale deviation, capped at the sum assured. */
  readonly severity: { readonly mean: number; readonly sigma: number };
}

/** A product with a term over twelve months. */
export interface LongTermProduct extends ProductBase {
  readonly kind: 'long';
  /** Sums assured in yuan with their shares of sales. */
  readonly sums_assured: readonly (readonly [number, number])[];
  /** Premium per 1,000 yuan of sum assured at age 40 (annual, or the single premium). */
  readonly rate_per_thousand: number;
  /** Premium × exp(slope × (age − 40)). */
  readonly age_slope: number;
  /** Premium × this factor for women. */
  readonly female_factor: number;
  /** Years of premium payment (1 for single premium). */
  readonly premium_years: number;
  readonly pricing_interest_rate: string;
  /** Loading rates of policy years 1–3; later years carry one level rate solved so the average is `target_average`. */
  readonly loadings: { readonly first: string; readonly second: string; readonly third: string; readonly target_average: string };
  /** The voluntary exit studied for this product and its pricing rates: a product-wide rate and overrides for years 1, 2, … */
  readonly exit: { readonly indicator: 'lapse' | 'surrender'; readonly rate: string; readonly by_year: readonly string[] };
  /** Insured events other than death: none, a flat annual rate, or a rate growing with attained age (rate at 30 × e^{growth (x − 30)}). */
  readonly incidence:
    | { readonly kind: 'none' }
    | { readonly kind: 'flat'; readonly rate: string; readonly claim_share: number; readonly sigma: number }
    | { readonly kind: 'age'; readonly at30: number; readonly growth: number };
  /** What a death pays: the sum assured, the premiums paid so far, or nothing. */
  readonly death_benefit: 'sum_assured' | 'premiums_paid' | 'none';
  /** Actual yield on the product's fund minus the pricing interest rate (annual). */
  readonly yield_margin: number;
}

export type SampleProduct = ShortTermProduct | LongTermProduct;

const INTERNET = [['app', 0.55], ['online_partner', 0.45]] as const;
const AGENCY = [['agency', 0.8], ['bancassurance', 0.2]] as const;

/** The product catalogue, in the order of the products table. */
export const PRODUCTS: readonly SampleProduct[] = [
  {
    kind: 'short', code: STOP_SALE.product, name: '恒泰e路无忧综合意外险', line: 'accident', internet: true, business: 'individual',
    term_months: 12, premium_mode: 'single', launch_date: '2021-01-01', volumes: [5000, 6500, 8000, 9500, 10500],
    ages: [18, 32, 60], female_share: 0.45, channels: INTERNET, intermediary_fee_cap: '0.25', quota_share: 0, cancel_rate: 0.015,
    plans: [{ sum_assured: 100_000, premium: 180, weight: 0.4 }, { sum_assured: 200_000, premium: 300, weight: 0.4 }, { sum_assured: 300_000, premium: 420, weight: 0.2 }],
    age_slope: 0, loading: '0.30', expected_loss_ratio: '0.45', experience_loss_ratio: STOP_SALE.experienceLossRatio, severity: { mean: 1200, sigma: 0.9 },
  },
  {
    kind: 'short', code: REPRICE.product, name: '恒泰出行保交通意外险', line: 'accident', internet: true, business: 'individual',
    term_months: 12, premium_mode: 'single', launch_date: '2022-01-01', volumes: [0, 5000, 6500, 8000, 9000],
    ages: [18, 35, 65], female_share: 0.5, channels: INTERNET, intermediary_fee_cap: '0.28', quota_share: 0, cancel_rate: 0.015,
    plans: [{ sum_assured: 500_000, premium: 150, weight: 0.6 }, { sum_assured: 1_000_000, premium: 260, weight: 0.4 }],
    age_slope: 0, loading: '0.32', expected_loss_ratio: '0.45', experience_loss_ratio: REPRICE.experienceLossRatio, severity: { mean: 1000, sigma: 0.9 },
  },
  {
    kind: 'short', code: 'ACC03', name: '恒泰安心意外险', line: 'accident', internet: true, business: 'individual',
    term_months: 12, premium_mode: 'single', launch_date: '2021-01-01', volumes: [4000, 4800, 5600, 6400, 7200],
    ages: [18, 38, 65], female_share: 0.48, channels: INTERNET, intermediary_fee_cap: '0.30', quota_share: 0, cancel_rate: 0.015,
    plans: [{ sum_assured: 50_000, premium: 120, weight: 0.3 }, { sum_assured: 100_000, premium: 200, weight: 0.5 }, { sum_assured: 200_000, premium: 330, weight: 0.2 }],
    age_slope: 0, loading: '0.35', expected_loss_ratio: '0.55', experience_loss_ratio: 0.6, severity: { mean: 1000, sigma: 0.9 },
  },
  {
    kind: 'short', code: EXEMPT_BY_SIZE.product, name: '恒泰银龄老年意外险', line: 'accident', internet: true, business: 'individual',
    term_months: 12, premium_mode: 'single', launch_date: '2023-01-01', volumes: [0, 0, 5300, 5600, 5900],
    ages: [60, 66, 80], female_share: 0.55, channels: INTERNET, intermediary_fee_cap: '0.20', quota_share: 0, cancel_rate: 0.01,
    plans: [{ sum_assured: 20_000, premium: 78, weight: 0.7 }, { sum_assured: 50_000, premium: 128, weight: 0.3 }],
    age_slope: 0, loading: '0.28', expected_loss_ratio: '0.40', experience_loss_ratio: EXEMPT_BY_SIZE.experienceLossRatio, severity: { mean: 800, sigma: 0.8 },
  },
  {
    kind: 'short', code: 'ACC05', name: '恒泰团体意外伤害保险', line: 'accident', internet: false, business: 'group',
    term_months: 12, premium_mode: 'single', launch_date: '2021-01-01', volumes: [2000, 2200, 2400, 2600, 2800],
    ages: [20, 36, 60], female_share: 0.4, channels: [['broker', 0.6], ['agency', 0.4]], intermediary_fee_cap: '0.15', quota_share: 0, cancel_rate: 0.005,
    plans: [{ sum_assured: 100_000, premium: 120, weight: 0.6 }, { sum_assured: 300_000, premium: 260, weight: 0.4 }],
    age_slope: 0, loading: '0.22', expected_loss_ratio: '0.65', experience_loss_ratio: 0.64, severity: { mean: 1500, sigma: 0.9 },
  },
  {
    kind: 'short', code: 'MED01', name: '恒泰e保百万医疗险', line: 'medical', internet: true, business: 'individual',
    term_months: 12, premium_mode: 'single', launch_date: '2021-01-01', volumes: [3000, 3800, 4600, 5400, 6200],
    ages: [0, 35, 65], female_share: 0.52, channels: INTERNET, intermediary_fee_cap: '0.20', quota_share: 0.2, cancel_rate: 0.02,
    plans: [{ sum_assured: 3_000_000, premium: 260, weight: 1 }],
    age_slope: 0.035, loading: '0.25', expected_loss_ratio: '0.65', experience_loss_ratio: 0.66, severity: { mean: 3000, sigma: 1 },
  },
  {
    kind: 'short', code: 'MED02', name: '恒泰安康住院医疗保险', line: 'medical', internet: false, business: 'individual',
    term_months: 12, premium_mode: 'single', launch_date: '2021-01-01', volumes: [1200, 1400, 1600, 1800, 2000],
    ages: [18, 42, 65], female_share: 0.55, channels: AGENCY, intermediary_fee_cap: '0.20', quota_share: 0, cancel_rate: 0.01,
    plans: [{ sum_assured: 50_000, premium: 420, weight: 1 }],
    age_slope: 0.03, loading: '0.30', expected_loss_ratio: '0.70', experience_loss_ratio: 0.72, severity: { mean: 2000, sigma: 0.9 },
  },
  {
    kind: 'long', code: 'TRM01', name: '恒泰e定寿定期寿险', line: 'term_life', internet: true, business: 'individual',
    term_months: 240, premium_mode: 'regular', launch_date: '2021-01-01', volumes: [2000, 2400, 2800, 3200, 3600],
    ages: [20, 33, 50], female_share: 0.4, channels: INTERNET, intermediary_fee_cap: '0.20', quota_share: 0.5, cancel_rate: 0.02,
    sums_assured: [[500_000, 0.4], [1_000_000, 0.45], [2_000_000, 0.15]], rate_per_thousand: 1.6, age_slope: 0.085, female_factor: 0.6,
    premium_years: 20, pricing_interest_rate: '0.030',
    loadings: { first: '0.55', second: '0.25', third: '0.15', target_average: '0.22' },
    exit: { indicator: 'lapse', rate: '0.05', by_year: ['0.12', '0.09', '0.07'] },
    incidence: { kind: 'none' }, death_benefit: 'sum_assured', yield_margin: 0.001,
  },
  {
    kind: 'long', code: EXPENSE_CAP_BREACH.product, name: '恒泰e康重大疾病保险', line: 'critical_illness', internet: true, business: 'individual',
    term_months: 1200, premium_mode: 'regular', launch_date: '2021-07-01', volumes: [800, 1800, 2000, 2200, 2400],
    ages: [18, 32, 50], female_share: 0.5, channels: INTERNET, intermediary_fee_cap: '0.24', quota_share: 0.3, cancel_rate: 0.02,
    sums_assured: [[100_000, 0.35], [300_000, 0.45], [500_000, 0.2]], rate_per_thousand: 32, age_slope: 0.04, female_factor: 0.95,
    premium_years: 20, pricing_interest_rate: '0.030',
    loadings: { first: '0.58', second: '0.30', third: '0.20', target_average: EXPENSE_CAP_BREACH.targetAverageLoading },
    exit: { indicator: 'lapse', rate: '0.04', by_year: ['0.10', '0.07'] },
    incidence: { kind: 'age', at30: 0.0009, growth: 0.085 }, death_benefit: 'none', yield_margin: -0.001,
  },
  {
    kind: 'long', code: 'WL02', name: '恒泰e生终身寿险', line: 'whole_life', internet: true, business: 'individual',
    term_months: 1200, premium_mode: 'regular', launch_date: '2022-07-01', volumes: [0, 400, 900, 1000, 1100],
    ages: [25, 38, 55], female_share: 0.5, channels: INTERNET, intermediary_fee_cap: '0.22', quota_share: 0, cancel_rate: 0.02,
    sums_assured: [[200_000, 0.5], [500_000, 0.5]], rate_per_thousand: 18, age_slope: 0.035, female_factor: 0.9,
    premium_years: 10, pricing_interest_rate: '0.030',
    loadings: { first: '0.60', second: '0.25', third: '0.15', target_average: '0.245' },
    exit: { indicator: 'surrender', rate: '0.03', by_year: ['0.06', '0.05', '0.04'] },
    incidence: { kind: 'none' }, death_benefit: 'sum_assured', yield_margin: 0,
  },
  {
    kind: 'long', code: 'LAC01', name: '恒泰长安意外伤害保险（期交）', line: 'accident', internet: false, business: 'individual',
    term_months: 240, premium_mode: 'regular', launch_date: '2021-01-01', volumes: [800, 900, 1000, 1100, 1200],
    ages: [18, 35, 55], female_share: 0.45, channels: AGENCY, intermediary_fee_cap: '0.30', quota_share: 0, cancel_rate: 0.02,
    sums_assured: [[100_000, 0.5], [300_000, 0.35], [500_000, 0.15]], rate_per_thousand: 2.2, age_slope: 0, female_factor: 1,
    premium_years: 20, pricing_interest_rate: '0.025',
    loadings: { first: '0.60', second: '0.35', third: '0.30', target_average: '0.32' },
    exit: { indicator: 'lapse', rate: '0.06', by_year: ['0.15', '0.10'] },
    incidence: { kind: 'flat', rate: '0.004', claim_share: 0.08, sigma: 1 }, death_benefit: 'none', yield_margin: 0.002,
  },
  {
    kind: 'long', code: 'LAC02', name: '恒泰长安意外伤害保险（趸交）', line: 'accident', internet: false, business: 'individual',
    term_months: 120, premium_mode: 'single', launch_date: '2021-01-01', volumes: [500, 550, 600, 650, 700],
    ages: [18, 40, 60], female_share: 0.45, channels: AGENCY, intermediary_fee_cap: '0.12', quota_share: 0, cancel_rate: 0.02,
    sums_assured: [[100_000, 0.6], [300_000, 0.4]], rate_per_thousand: 16, age_slope: 0, female_factor: 1,
    premium_years: 1, pricing_interest_rate: '0.025',
    loadings: { first: '0.15', second: '0', third: '0', target_average: '0.15' },
    exit: { indicator: 'surrender', rate: '0.03', by_year: ['0.05'] },
    incidence: { kind: 'flat', rate: '0.003', claim_share: 0.1, sigma: 1 }, death_benefit: 'none', yield_margin: 0.002,
  },
  {
    kind: 'long', code: 'ANN01', name: '恒泰金享年金保险', line: 'annuity', internet: false, business: 'individual',
    term_months: 240, premium_mode: 'regular', launch_date: '2021-01-01', volumes: [1000, 1100, 1200, 1300, 1400],
    ages: [28, 42, 60], female_share: 0.55, channels: [['bancassurance', 0.7], ['agency', 0.3]], intermediary_fee_cap: '0.08', quota_share: 0, cancel_rate: 0.03,
    sums_assured: [[100_000, 0.5], [200_000, 0.35], [500_000, 0.15]], rate_per_thousand: 95, age_slope: 0, female_factor: 1,
    premium_years: 10, pricing_interest_rate: '0.035',
    loadings: { first: '0.30', second: '0.12', third: '0.08', target_average: '0.10' },
    exit: { indicator: 'surrender', rate: '0.02', by_year: ['0.04', '0.035', '0.03'] },
    incidence: { kind: 'none' }, death_benefit: 'premiums_paid', yield_margin: -0.001,
  },
  {
    kind: 'long', code: 'WL01', name: '恒泰传家终身寿险', line: 'whole_life', internet: false, business: 'individual',
    term_months: 1200, premium_mode: 'regular', launch_date: '2021-01-01', volumes: [600, 650, 700, 750, 800],
    ages: [25, 40, 60], female_share: 0.5, channels: AGENCY, intermediary_fee_cap: '0.18', quota_share: 0, cancel_rate: 0.02,
    sums_assured: [[200_000, 0.5], [500_000, 0.4], [1_000_000, 0.1]], rate_per_thousand: 22, age_slope: 0.035, female_factor: 0.9,
    premium_years: 20, pricing_interest_rate: '0.035',
    loadings: { first: '0.65', second: '0.30', third: '0.20', target_average: '0.20' },
    exit: { indicator: 'surrender', rate: '0.025', by_year: ['0.05', '0.04', '0.035'] },
    incidence: { kind: 'none' }, death_benefit: 'sum_assured', yield_margin: 0,
  },
  {
    kind: 'long', code: 'END01', name: '恒泰稳盈两全保险', line: 'endowment', internet: false, business: 'individual',
    term_months: 120, premium_mode: 'regular', launch_date: '2021-01-01', volumes: [500, 550, 600, 650, 700],
    ages: [25, 40, 60], female_share: 0.55, channels: [['bancassurance', 0.6], ['agency', 0.4]], intermediary_fee_cap: '0.10', quota_share: 0, cancel_rate: 0.03,
    sums_assured: [[100_000, 0.6], [300_000, 0.4]], rate_per_thousand: 88, age_slope: 0.005, female_factor: 1,
    premium_years: 5, pricing_interest_rate: '0.030',
    loadings: { first: '0.30', second: '0.10', third: '0.08', target_average: '0.14' },
    exit: { indicator: 'surrender', rate: '0.03', by_year: ['0.05', '0.045', '0.04'] },
    incidence: { kind: 'none' }, death_benefit: 'sum_assured', yield_margin: 0.001,
  },
];

/**
 * The company's branches (分公司), the region each belongs to, and its share of the region's
 * individual long-term sales. The sales-staff tables and the applications name these branches.
 */
export const BRANCHES: readonly { readonly branch: string; readonly region: string; readonly share: number }[] = [
  { branch: '上海分公司', region: '华东', share: 0.4 },
  { branch: '江苏分公司', region: '华东', share: 0.35 },
  { branch: '浙江分公司', region: '华东', share: 0.25 },
  { branch: '北京分公司', region: '华北', share: 0.55 },
  { branch: '山东分公司', region: '华北', share: 0.45 },
  { branch: '广东分公司', region: '华南', share: 0.65 },
  { branch: '福建分公司', region: '华南', share: 0.35 },
  { branch: '湖北分公司', region: '华中', share: 0.5 },
  { branch: '河南分公司', region: '华中', share: 0.5 },
  { branch: '四川分公司', region: '西南', share: 1 },
  { branch: '陕西分公司', region: '西北', share: 1 },
  { branch: '辽宁分公司', region: '东北', share: 1 },
];

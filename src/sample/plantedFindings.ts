/**
 * The findings planted on purpose in the sample company, each a parameter that the generators
 * read. data/README.md documents the figures a user should see for each; test/sample checks them
 * with small independent computations.
 */

/** ACC-LR-STOP (S2): an internet short-term accident product whose experience runs far below 30%. */
export const STOP_SALE = { product: 'ACC01', experienceLossRatio: 0.22 } as const;

/** ACC-LR-REPRICE (S2): a short-term accident product whose pooled three-year ratio is about 42%. */
export const REPRICE = { product: 'ACC02', experienceLossRatio: 0.42 } as const;

/** A short-term accident product below 50% that the rules must leave alone: its premium is under 1,000,000 yuan. */
export const EXEMPT_BY_SIZE = { product: 'ACC04', experienceLossRatio: 0.3 } as const;

/** ILI-EXP-AVG (S1 §9.2): an internet long-term product whose average loading is about 27% (cap 25%). */
export const EXPENSE_CAP_BREACH = { product: 'CI01', targetAverageLoading: '0.27' } as const;

/**
 * ILI-ELIG (S1 §3, annex 1): the quarter whose reserve coverage is exactly 100.00% — not above
 * 100% — so the four-quarter window ending 2025Q4 fails while the one ending 2024Q4 passes.
 */
export const ELIGIBILITY_BREAK = { quarter: '2025Q2', reserveCoverage: '1' } as const;

/**
 * Lapse drift (S1 §16 backtesting): lapses of the internet term-life product by the online
 * partner channel in the first two policy years rise above the pricing assumption from 2024,
 * quarter by quarter; other cells drift only slightly.
 */
export const LAPSE_DRIFT = {
  product: 'TRM01',
  channel: 'online_partner',
  maxPolicyYear: 2,
  /** First quarter of the drift. */
  from: '2024Q1',
  /** Added to the multiplier each quarter from `from` on, in the drifting channel's early years. */
  stepPerQuarter: 0.2,
  /** The same for the drifting channel's later policy years. */
  laterYearsStepPerQuarter: 0.04,
  /** The same for every other channel. */
  otherChannelsStepPerQuarter: 0.01,
} as const;

/**
 * Lapse multiplier applied to the assumed rate (1 = the assumption holds) for one cell of the
 * drifting product; 1 for every other product.
 * @param quartersSinceDriftStart 0 for 2024Q1, negative before it
 * @example lapseDriftMultiplier('TRM01', 'online_partner', 1, 7) // 2.6 (2025Q4)
 */
export function lapseDriftMultiplier(product: string, channel: string, policyYear: number, quartersSinceDriftStart: number): number {
  if (product !== LAPSE_DRIFT.product || quartersSinceDriftStart < 0) return 1;
  const quarters = quartersSinceDriftStart + 1;
  if (channel !== LAPSE_DRIFT.channel) return 1 + LAPSE_DRIFT.otherChannelsStepPerQuarter * quarters;
  const step = policyYear <= LAPSE_DRIFT.maxPolicyYear ? LAPSE_DRIFT.stepPerQuarter : LAPSE_DRIFT.laterYearsStepPerQuarter;
  return 1 + step * quarters;
}

/**
 * The satisfaction survey's lagging region: its respondents perceive lower quality and lower
 * complaint handling (shifts of the latent variables in standard deviations).
 */
export const LAGGING_REGION = { region: '西北', qualityShift: -0.8, complaintsShift: -0.8 } as const;

/**
 * The previous wave (survey_2024.csv, 2024): the same industry survey a year earlier, drawn from
 * the same latent model except that 西北's quality and complaint handling were only slightly below
 * the other regions (−0.2 latent standard deviations each, against −0.8 in 2025): the gap opened
 * in 2025. No other region, stage or company changed between the waves.
 */
export const PREVIOUS_WAVE = { year: 2024, file: 'survey_2024.csv', qualityShift: -0.2, complaintsShift: -0.2 } as const;

/**
 * S1 §6 service time limits (service_events, 2025). The company's service roster skipped the
 * adjusted working weekends (调休) of the Spring Festival and National Day: its staff did not work
 * Sunday 26 January, Saturday 8 February, Sunday 28 September and Saturday 11 October, so requests
 * due on those days were done on the next day worked, late. Claim decisions received from the
 * last working days before either holiday through the holiday piled up: a share of them was
 * decided one to three working days late. Automated services (e-policy delivery, consultations)
 * are not affected.
 */
export const SERVICE_HOLIDAY_LAPSES = {
  skippedWorkedDays: ['2025-01-26', '2025-02-08', '2025-09-28', '2025-10-11'],
  backlogWindows: [
    ['2025-01-22', '2025-02-04'],
    ['2025-09-24', '2025-10-08'],
  ],
  backlogShare: 0.45,
} as const;

/** ILI-SVC-SURRENDER and ILI-SVC-BRANCH: a branch that decides a third of its online surrenders a day or two late, all year. */
export const SURRENDER_LAPSES = { branch: '陕西分公司', lateShare: 0.3 } as const;

/**
 * The sales staff of each branch as at {@link STAFF_AS_OF} (S5): staff in both the registration
 * system (中介系统执业登记) and the statistics system (统信系统), staff only in the registration
 * system, only in statistics, and registered staff missing a required registration element.
 * Planted: 陕西分公司's registration system holds 24 staff the statistics system does not —
 * |224 − 200| ÷ 200 = 12% (S5-REG-MISMATCH) — and no HR record (虚挂人员); 辽宁分公司 differs by
 * exactly 10% (|165 − 150| ÷ 150), which is not 高于10%; 四川分公司 misses elements for 21 of
 * 300 (7%, S5-REG-MISSING) and 湖北分公司 for exactly 10 of 200 (5%, within 不得超过5%).
 */
export const STAFF_PLAN: readonly { readonly branch: string; readonly matched: number; readonly registryOnly: number; readonly statisticsOnly: number; readonly withMissing: number }[] = [
  { branch: '上海分公司', matched: 258, registryOnly: 2, statisticsOnly: 1, withMissing: 4 },
  { branch: '江苏分公司', matched: 237, registryOnly: 3, statisticsOnly: 2, withMissing: 3 },
  { branch: '浙江分公司', matched: 219, registryOnly: 1, statisticsOnly: 2, withMissing: 4 },
  { branch: '北京分公司', matched: 198, registryOnly: 2, statisticsOnly: 0, withMissing: 3 },
  { branch: '山东分公司', matched: 208, registryOnly: 2, statisticsOnly: 3, withMissing: 2 },
  { branch: '广东分公司', matched: 277, registryOnly: 3, statisticsOnly: 1, withMissing: 5 },
  { branch: '福建分公司', matched: 149, registryOnly: 1, statisticsOnly: 1, withMissing: 2 },
  { branch: '湖北分公司', matched: 198, registryOnly: 2, statisticsOnly: 1, withMissing: 10 },
  { branch: '河南分公司', matched: 178, registryOnly: 2, statisticsOnly: 2, withMissing: 3 },
  { branch: '四川分公司', matched: 297, registryOnly: 3, statisticsOnly: 2, withMissing: 21 },
  { branch: '陕西分公司', matched: 200, registryOnly: 24, statisticsOnly: 0, withMissing: 3 },
  { branch: '辽宁分公司', matched: 150, registryOnly: 15, statisticsOnly: 0, withMissing: 2 },
];

/** The date the sales-staff tables describe (the study end). */
export const STAFF_AS_OF = '2025-12-31';

/** Branches whose registration-only staff are ghosts (虚挂): in no HR record. */
export const GHOST_BRANCHES: readonly string[] = ['陕西分公司', '辽宁分公司'];

/**
 * Missing recordings (S4-REC-SENIOR): in 2025, a quarter of the individual long-term policies the
 * agency channel sold to policyholders aged 60 or more on the application date have no
 * audio-video recording. Every other sale that needs one has it.
 */
export const SENIOR_RECORDINGS_MISSING = { channel: 'agency', from: '2025-01-01', share: 0.25 } as const;

/** One planted finding as `awb sample` lists it: the check that finds it, where, and what it shows. */
export interface PlantedFinding {
  /** The rulebook rule that fires, or the analysis that shows it. */
  readonly check: string;
  readonly product_code?: string;
  readonly period?: string;
  /** The drill-down that isolates it (channel, policy years, region). */
  readonly where?: Readonly<Record<string, string>>;
  readonly description: string;
}

/**
 * Every planted finding, for `awb sample --json`, notebooks and tests. The figures are those of
 * the default seed and size; data/README.md gives them in full.
 * @example PLANTED_FINDINGS[0] // { check: 'ACC-LR-STOP', product_code: 'ACC01', period: '2025', description: '…' }
 */
export const PLANTED_FINDINGS: readonly PlantedFinding[] = [
  {
    check: 'ACC-LR-STOP',
    product_code: STOP_SALE.product,
    period: '2025',
    description: 'premium income over 2,000,000 yuan and loss ratio below 30% in 2024 and 2025 (about 20% and 22%): must stop selling',
  },
  {
    check: 'ACC-LR-REPRICE',
    product_code: REPRICE.product,
    period: '2023-2025',
    description: 'pooled three-year loss ratio about 43%, below 50%, not exempt and not meeting the stop rule: must be repriced',
  },
  {
    check: 'ACC-LR-REPRICE (exempt)',
    product_code: EXEMPT_BY_SIZE.product,
    period: '2023-2025',
    description: 'loss ratio about 30%, but latest-year premium under 1,000,000 yuan: exempt, no finding',
  },
  {
    check: 'ILI-EXP-AVG',
    product_code: EXPENSE_CAP_BREACH.product,
    description: 'average additional expense rate 27.00% from the loadings table, over the 25% cap for internet products over one year',
  },
  {
    check: 'ILI-ELIG',
    period: ELIGIBILITY_BREAK.quarter,
    description: 'reserve coverage exactly 100.00%, not above 100%: the four-quarter windows ending 2025Q2–2025Q4 fail, the one ending 2024Q4 passes',
  },
  {
    check: 'BT-MEASURE (lapse)',
    product_code: LAPSE_DRIFT.product,
    period: '2024Q1-2025Q4',
    where: { channel: LAPSE_DRIFT.channel, policy_year: `1-${LAPSE_DRIFT.maxPolicyYear}` },
    description: 'lapse A/E near 1 through 2023, about 1.2 in 2024 and 1.5 in 2025, above 2 in the drifting channel’s first two policy years',
  },
  {
    check: 'ILI-SVC-* (service time limits)',
    period: '2025Q1, 2025Q3, 2025Q4',
    where: { worked_days_skipped: SERVICE_HOLIDAY_LAPSES.skippedWorkedDays.join(',') },
    description: 'requests due on the adjusted working weekends of the Spring Festival and National Day done on the next day worked, and claim decisions piled up over both holidays: late on the State Council calendar (weekday-only counting misses the first kind)',
  },
  {
    check: 'ILI-SVC-BRANCH (surrender decisions)',
    period: '2025Q1-2025Q4',
    where: { branch: SURRENDER_LAPSES.branch },
    description: 'about 30% of the branch’s online surrenders decided after the 1-working-day limit, every quarter: on-time rate about 70%',
  },
  {
    check: 'satisfaction index by region',
    where: { region: LAGGING_REGION.region },
    description: 'satisfaction about 7 index points below the other regions, driven by lower perceived quality and complaint handling',
  },
  {
    check: 'satisfaction index change 2024 → 2025 (survey_2024.csv)',
    where: { region: LAGGING_REGION.region },
    description: "the gap opened in 2025: in 2024 西北's quality and complaint handling were only 0.2 latent standard deviations below the other regions (0.8 in 2025); every other region, stage and company is unchanged",
  },
  {
    check: 'S5-REG-MISMATCH',
    period: STAFF_AS_OF,
    where: { branch: '陕西分公司' },
    description: '224 sales staff in the registration system against 200 in the statistics system: difference rate 12.00%, above 10%; 辽宁分公司 differs by exactly 10.00% (no finding)',
  },
  {
    check: 'S5-REG-MISSING',
    period: STAFF_AS_OF,
    where: { branch: '四川分公司' },
    description: '21 of 300 registered sales staff (7.00%) miss a required registration element, above 5%; 湖北分公司 exactly 5.00% (within 不得超过5%)',
  },
  {
    check: 'S4-REC-SENIOR',
    period: '2025',
    where: { channel: SENIOR_RECORDINGS_MISSING.channel },
    description: 'a quarter of the individual long-term policies sold by agents to policyholders aged 60 or more have no audio-video recording',
  },
];

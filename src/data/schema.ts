/**
 * The input tables of a data folder: canonical snake_case columns, their Chinese aliases
 * (at least the seeds' own words, see DOMAIN.md "Input tables"), value types and keys.
 * The README's data-folder section is generated from this file, so it is the one place
 * where a column or alias is declared.
 */

/** How a cell is parsed. */
export type ColumnType =
  | 'string'
  | 'date' // ISO YYYY-MM-DD → DayNumber
  | 'period' // YYYY or YYYYQn → Period
  | 'quarter' // YYYYQn only → Quarter
  | 'money' // yuan, at most two decimals → Cents
  | 'rate' // 0.35 or 35% → Dec (exact)
  | 'boolean' // true/false, yes/no, 1/0, 是/否 → boolean
  | 'integer' // whole number → number
  | 'number' // any finite number → number
  | 'enum'; // one of `values` (or an alias of one) → string

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  /** Header spellings accepted besides the canonical name (compared without case, spaces, underscores). */
  readonly aliases?: readonly string[];
  /** Allowed values for enum columns, with aliases that map to each. */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /** Smallest and largest allowed value for numeric columns (inclusive). */
  readonly min?: number;
  readonly max?: number;
  readonly description: string;
  readonly descriptionZh: string;
}

export interface TableSpec {
  readonly name: TableName;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns whose combination must be unique; a repeat is a duplicate-key error. */
  readonly key?: readonly string[];
  /** Whether columns not declared here are kept as attributes (always true for input tables). */
  readonly keepsAttributes: true;
}

export type TableName =
  | 'products'
  | 'loadings'
  | 'finance'
  | 'solvency'
  | 'policies'
  | 'claims'
  | 'assumptions'
  | 'triangle'
  | 'premiums'
  | 'survey';

const PRODUCT_CODE: ColumnSpec = {
  name: 'product_code',
  type: 'string',
  required: true,
  aliases: ['产品代码', '产品编码', '险种代码'],
  description: 'Product code',
  descriptionZh: '产品代码',
};

const OPTIONAL_PRODUCT_CODE: ColumnSpec = { ...PRODUCT_CODE, required: false };

export const LINES = {
  accident: ['意外险', '意外伤害保险', '意外'],
  health: ['健康险', '健康保险'],
  medical: ['医疗险', '医疗保险'],
  critical_illness: ['重疾险', '重大疾病保险', '疾病保险'],
  term_life: ['定期寿险'],
  whole_life: ['终身寿险'],
  endowment: ['两全保险', '两全险'],
  annuity: ['年金保险', '年金险', '年金'],
  other: ['其他'],
} as const;

export type Line = keyof typeof LINES;

export const EXIT_REASONS = {
  lapse: ['失效', '停效'],
  surrender: ['退保'],
  death: ['身故', '死亡'],
  claim: ['理赔', '出险'],
  maturity: ['满期', '期满'],
  cancel: ['撤单', '犹豫期退保', '取消'],
} as const;

export type ExitReason = keyof typeof EXIT_REASONS;

export const INDICATORS = {
  lapse: ['失效率'],
  surrender: ['退保率'],
  death: ['死亡率'],
  incidence: ['发生率', '出险率'],
  loss_ratio: ['赔付率'],
  expense_rate: ['费用率'],
  investment_return: ['投资收益率'],
} as const;

export type Indicator = keyof typeof INDICATORS;

export const RISK_RATINGS = {
  AAA: [],
  AA: [],
  A: [],
  BBB: [],
  BB: [],
  B: [],
  CCC: [],
  CC: [],
  C: [],
  D: [],
} as const;

export type RiskRating = keyof typeof RISK_RATINGS;

export const GOVERNANCE_GRADES = {
  A: ['A级', '优秀'],
  B: ['B级', '良好'],
  C: ['C级', '合格'],
  D: ['D级', '较差'],
  E: ['E级', '差'],
} as const;

export type GovernanceGrade = keyof typeof GOVERNANCE_GRADES;

export const TABLES: Readonly<Record<TableName, TableSpec>> = {
  products: {
    name: 'products',
    description: 'One row per product: line, term, channel and the pricing basis.',
    keepsAttributes: true,
    key: ['product_code'],
    columns: [
      PRODUCT_CODE,
      { name: 'product_name', type: 'string', aliases: ['产品名称'], description: 'Product name', descriptionZh: '产品名称' },
      { name: 'line', type: 'enum', required: true, values: LINES, aliases: ['险种', '险类', '产品类别', '险种类别'], description: 'Line of business', descriptionZh: '险种类别' },
      { name: 'internet', type: 'boolean', aliases: ['互联网', '是否互联网产品', '互联网产品'], description: 'Sold as an internet product (S1)', descriptionZh: '是否互联网人身保险产品' },
      { name: 'business', type: 'enum', values: { individual: ['个人', '个险', '个人业务'], group: ['团体', '团险', '团体业务'] }, aliases: ['业务类型', '个团属性'], description: 'Individual or group business', descriptionZh: '个人或团体业务' },
      { name: 'term_months', type: 'integer', required: true, min: 0, aliases: ['保险期间月数', '保险期间(月)', '保险期间（月）', '保障期限(月)'], description: 'Term in months (whole life: 1200)', descriptionZh: '保险期间（月），终身为1200' },
      { name: 'premium_mode', type: 'enum', values: { single: ['趸交', '趸缴'], regular: ['期交', '期缴', '年交', '年缴'] }, aliases: ['缴费方式', '交费方式'], description: 'Single or regular premium', descriptionZh: '缴费方式（趸交/期交）' },
      { name: 'launch_date', type: 'date', aliases: ['上市日期', '开办日期', '上线日期'], description: 'Launch date', descriptionZh: '上市日期' },
      { name: 'loading_first_year', type: 'rate', min: 0, max: 1, aliases: ['首年预定附加费用率', '首年附加费用率'], description: 'First-year predetermined additional expense rate', descriptionZh: '首年预定附加费用率' },
      { name: 'loading_average', type: 'rate', min: 0, max: 1, aliases: ['平均附加费用率', '平均预定附加费用率', '预定附加费用率'], description: 'Average predetermined additional expense rate', descriptionZh: '平均附加费用率' },
      { name: 'intermediary_fee_cap', type: 'rate', min: 0, max: 1, aliases: ['中介费用率上限'], description: 'Intermediary fee rate cap', descriptionZh: '中介费用率上限' },
      { name: 'expected_loss_ratio', type: 'rate', min: 0, aliases: ['预期赔付率'], description: 'Pricing (expected) loss ratio', descriptionZh: '预期赔付率' },
      { name: 'pricing_interest_rate', type: 'rate', min: -1, max: 1, aliases: ['预定利率', '定价利率'], description: 'Pricing interest rate', descriptionZh: '预定利率' },
    ],
  },
  loadings: {
    name: 'loadings',
    description: 'The pricing basis by policy year, for present values of loadings and premiums.',
    keepsAttributes: true,
    key: ['product_code', 'policy_year'],
    columns: [
      PRODUCT_CODE,
      { name: 'policy_year', type: 'integer', required: true, min: 1, aliases: ['保单年度'], description: 'Policy year (1 = first)', descriptionZh: '保单年度' },
      { name: 'gross_premium', type: 'money', required: true, min: 0, aliases: ['毛保费', '总保费', '期缴保费'], description: 'Gross premium due at the start of the policy year, yuan', descriptionZh: '毛保费（元）' },
      { name: 'loading_rate', type: 'rate', required: true, min: 0, max: 1, aliases: ['附加费用率', '预定附加费用率'], description: 'Loading as a share of the gross premium', descriptionZh: '附加费用率' },
      { name: 'inforce_probability', type: 'rate', required: true, min: 0, max: 1, aliases: ['有效概率', '在险概率', '继续有效概率'], description: 'Probability the policy is in force at the start of the year', descriptionZh: '年初有效概率' },
    ],
  },
  finance: {
    name: 'finance',
    description: 'The finance ledger per product and period (year or quarter).',
    keepsAttributes: true,
    key: ['product_code', 'period'],
    columns: [
      PRODUCT_CODE,
      { name: 'period', type: 'period', required: true, aliases: ['年度', '期间', '会计期间', '统计期间'], description: 'Year (2024) or quarter (2024Q3)', descriptionZh: '年度/期间' },
      { name: 'premium_income', type: 'money', required: true, aliases: ['年度保费收入', '保费收入', '年度累计规模保费收入', '规模保费'], description: 'Premium income, yuan', descriptionZh: '保费收入（元）' },
      { name: 'upr_opening', type: 'money', required: true, aliases: ['年初未到期责任准备金', '期初未到期责任准备金'], description: 'Unearned premium reserve at the start of the period, yuan', descriptionZh: '年初未到期责任准备金（元）' },
      { name: 'upr_closing', type: 'money', required: true, aliases: ['年末未到期责任准备金', '期末未到期责任准备金'], description: 'Unearned premium reserve at the end of the period, yuan', descriptionZh: '年末未到期责任准备金（元）' },
      { name: 'claims_paid', type: 'money', required: true, aliases: ['年度赔款金额', '赔款支出', '赔付支出'], description: 'Claims paid in the period, yuan', descriptionZh: '年度赔款金额（元）' },
      { name: 'ocr_opening', type: 'money', required: true, aliases: ['年初未决赔款准备金', '期初未决赔款准备金'], description: 'Outstanding claims reserve at the start of the period, yuan', descriptionZh: '年初未决赔款准备金（元）' },
      { name: 'ocr_closing', type: 'money', required: true, aliases: ['年末未决赔款准备金', '期末未决赔款准备金'], description: 'Outstanding claims reserve at the end of the period, yuan', descriptionZh: '年末未决赔款准备金（元）' },
      { name: 'policies_sold', type: 'integer', min: 0, aliases: ['销售件数', '年度累计销售件数', '保单件数'], description: 'Policies sold in the period', descriptionZh: '销售件数' },
      { name: 'ceded_premium', type: 'money', aliases: ['分出保费'], description: 'Premium ceded to reinsurers, yuan', descriptionZh: '分出保费（元）' },
      { name: 'ceded_claims', type: 'money', aliases: ['摊回赔付支出', '摊回赔款', '分保摊回赔款'], description: 'Claims recovered from reinsurers, yuan', descriptionZh: '摊回赔付支出（元）' },
      { name: 'expenses', type: 'money', aliases: ['费用', '费用支出', '业务及管理费'], description: 'Expenses incl. commissions and fees, yuan', descriptionZh: '费用（元）' },
      { name: 'investment_income', type: 'money', aliases: ['投资收益'], description: 'Investment income, yuan', descriptionZh: '投资收益（元）' },
      { name: 'invested_assets', type: 'money', aliases: ['投资资产', '平均投资资产'], description: 'Average invested assets, yuan', descriptionZh: '投资资产（元）' },
    ],
  },
  solvency: {
    name: 'solvency',
    description: 'One row per quarter: solvency, risk rating, governance and the balance items for reserve coverage.',
    keepsAttributes: true,
    key: ['quarter'],
    columns: [
      { name: 'quarter', type: 'quarter', required: true, aliases: ['季度', '评估季度'], description: 'Quarter (2025Q4)', descriptionZh: '季度' },
      { name: 'comprehensive_solvency_ratio', type: 'rate', required: true, min: -100, aliases: ['综合偿付能力充足率'], description: 'Comprehensive solvency ratio', descriptionZh: '综合偿付能力充足率' },
      { name: 'core_solvency_ratio', type: 'rate', required: true, min: -100, aliases: ['核心偿付能力充足率'], description: 'Core solvency ratio', descriptionZh: '核心偿付能力充足率' },
      { name: 'risk_rating', type: 'enum', required: true, values: RISK_RATINGS, aliases: ['风险综合评级', '风险评级'], description: 'Integrated risk rating (C-ROSS: AAA…D)', descriptionZh: '风险综合评级' },
      { name: 'solvency_surplus', type: 'money', aliases: ['综合偿付能力溢额', '偿付能力溢额'], description: 'Comprehensive solvency surplus, yuan', descriptionZh: '综合偿付能力溢额（元）' },
      { name: 'governance_grade', type: 'enum', values: GOVERNANCE_GRADES, aliases: ['公司治理评估', '公司治理评级', '公司治理评估等级'], description: 'Corporate governance grade (A…E)', descriptionZh: '公司治理评估等级' },
      { name: 'major_penalty_last_year', type: 'boolean', aliases: ['上年度重大行政处罚', '重大行政处罚'], description: 'A major administrative penalty for internet business last year', descriptionZh: '上年度是否受到重大行政处罚' },
      { name: 'assets', type: 'money', aliases: ['资产'], description: 'Assets for reserve coverage (annex 1), yuan', descriptionZh: '资产（元）' },
      { name: 'other_liabilities', type: 'money', aliases: ['其他负债'], description: 'Other liabilities (annex 1), yuan', descriptionZh: '其他负债（元）' },
      { name: 'reserves', type: 'money', aliases: ['责任准备金'], description: 'Net reserves (annex 1), yuan', descriptionZh: '责任准备金（元）' },
      { name: 'expenses_y1', type: 'money', aliases: ['评估日前第一年总费用', '第一年总费用'], description: 'Total expenses in the year before the valuation date, yuan', descriptionZh: '评估日前第1年总费用（元）' },
      { name: 'expenses_y2', type: 'money', aliases: ['评估日前第二年总费用', '第二年总费用'], description: 'Total expenses 1–2 years before, yuan', descriptionZh: '评估日前第2年总费用（元）' },
      { name: 'expenses_y3', type: 'money', aliases: ['评估日前第三年总费用', '第三年总费用'], description: 'Total expenses 2–3 years before, yuan', descriptionZh: '评估日前第3年总费用（元）' },
      { name: 'expenses_y4', type: 'money', aliases: ['评估日前第四年总费用', '第四年总费用'], description: 'Total expenses 3–4 years before, yuan', descriptionZh: '评估日前第4年总费用（元）' },
    ],
  },
  policies: {
    name: 'policies',
    description: 'One row per policy; any further column is an attribute usable for grouping and assumption keys.',
    keepsAttributes: true,
    key: ['policy_id'],
    columns: [
      { name: 'policy_id', type: 'string', required: true, aliases: ['保单号', '保单号码'], description: 'Policy number', descriptionZh: '保单号' },
      PRODUCT_CODE,
      { name: 'issue_date', type: 'date', required: true, aliases: ['生效日期', '承保日期', '签单日期', '保单生效日'], description: 'Issue (effective) date', descriptionZh: '生效日期' },
      { name: 'exit_date', type: 'date', aliases: ['终止日期', '退出日期', '失效日期'], description: 'Exit date; empty while in force', descriptionZh: '终止日期（有效保单为空）' },
      { name: 'exit_reason', type: 'enum', values: EXIT_REASONS, aliases: ['终止原因', '退出原因'], description: 'Exit reason; empty while in force', descriptionZh: '终止原因' },
      { name: 'premium', type: 'money', aliases: ['保费', '年交保费', '期缴保费'], description: 'Annual (or single) premium, yuan', descriptionZh: '保费（元）' },
      { name: 'sum_assured', type: 'money', aliases: ['保额', '基本保额'], description: 'Sum assured, yuan', descriptionZh: '保额（元）' },
      { name: 'age_at_issue', type: 'integer', min: 0, max: 120, aliases: ['投保年龄', '承保年龄'], description: 'Age at issue', descriptionZh: '投保年龄' },
      { name: 'gender', type: 'enum', values: { M: ['男', 'male', 'm'], F: ['女', 'female', 'f'] }, aliases: ['性别'], description: 'Gender (M/F)', descriptionZh: '性别' },
      { name: 'channel', type: 'string', aliases: ['渠道', '销售渠道'], description: 'Sales channel', descriptionZh: '销售渠道' },
      { name: 'region', type: 'string', aliases: ['地区', '区域', '省份'], description: 'Region', descriptionZh: '地区' },
    ],
  },
  claims: {
    name: 'claims',
    description: 'One row per claim, joined to policies for incidence and claim amounts.',
    keepsAttributes: true,
    key: ['claim_id'],
    columns: [
      { name: 'claim_id', type: 'string', required: true, aliases: ['赔案号', '理赔案件号'], description: 'Claim number', descriptionZh: '赔案号' },
      { name: 'policy_id', type: 'string', required: true, aliases: ['保单号', '保单号码'], description: 'Policy number', descriptionZh: '保单号' },
      OPTIONAL_PRODUCT_CODE,
      { name: 'incident_date', type: 'date', required: true, aliases: ['出险日期', '事故日期'], description: 'Date of the insured event', descriptionZh: '出险日期' },
      { name: 'report_date', type: 'date', aliases: ['报案日期'], description: 'Date reported', descriptionZh: '报案日期' },
      { name: 'paid_date', type: 'date', aliases: ['支付日期', '结案日期', '赔付日期'], description: 'Date paid', descriptionZh: '支付日期' },
      { name: 'paid_amount', type: 'money', required: true, aliases: ['赔付金额', '赔款金额', '已决赔款'], description: 'Amount paid, yuan', descriptionZh: '赔付金额（元）' },
      { name: 'case_reserve', type: 'money', aliases: ['未决赔款', '案件准备金', '未决赔款准备金'], description: 'Case reserve still open, yuan', descriptionZh: '未决赔款（元）' },
    ],
  },
  assumptions: {
    name: 'assumptions',
    description: 'Pricing assumptions: an annual rate per indicator, keyed by any policy columns; the most specific matching row wins.',
    keepsAttributes: true,
    columns: [
      { name: 'indicator', type: 'enum', required: true, values: INDICATORS, aliases: ['指标', '假设类型'], description: 'lapse, surrender, death, incidence, loss_ratio, expense_rate, investment_return', descriptionZh: '指标' },
      { name: 'rate', type: 'rate', required: true, min: -1, aliases: ['假设值', '预定值', '假设发生率', '费率'], description: 'Annual rate', descriptionZh: '年度假设值' },
      OPTIONAL_PRODUCT_CODE,
      { name: 'policy_year', type: 'integer', min: 1, aliases: ['保单年度'], description: 'Policy year key', descriptionZh: '保单年度' },
      { name: 'attained_age', type: 'integer', min: 0, max: 130, aliases: ['到达年龄'], description: 'Attained age key', descriptionZh: '到达年龄' },
      { name: 'age_at_issue', type: 'integer', min: 0, max: 120, aliases: ['投保年龄'], description: 'Issue age key', descriptionZh: '投保年龄' },
      { name: 'gender', type: 'enum', values: { M: ['男', 'male', 'm'], F: ['女', 'female', 'f'] }, aliases: ['性别'], description: 'Gender key', descriptionZh: '性别' },
    ],
  },
  triangle: {
    name: 'triangle',
    description: 'A cumulative claims triangle in long form.',
    keepsAttributes: true,
    key: ['origin', 'development'],
    columns: [
      { name: 'origin', type: 'integer', required: true, aliases: ['事故年度', '起始年度', '承保年度'], description: 'Origin (accident) year', descriptionZh: '事故年度' },
      { name: 'development', type: 'integer', required: true, aliases: ['进展年度', '发展年度', '评估年度', 'dev'], description: 'Valuation year or development age', descriptionZh: '进展年度' },
      { name: 'value', type: 'number', required: true, aliases: ['values', '累计赔款', '累计值'], description: 'Cumulative paid or incurred amount', descriptionZh: '累计赔款' },
    ],
  },
  premiums: {
    name: 'premiums',
    description: 'Earned premium per origin year, for ultimate loss ratios of a claims triangle.',
    keepsAttributes: true,
    key: ['origin'],
    columns: [
      { name: 'origin', type: 'integer', required: true, aliases: ['事故年度', '起始年度', '承保年度'], description: 'Origin (accident) year', descriptionZh: '事故年度' },
      { name: 'premium', type: 'money', required: true, aliases: ['earned_premium', '已赚保费', '保费'], description: 'Earned premium of the origin year, yuan', descriptionZh: '已赚保费（元）' },
      { name: 'expected_loss_ratio', type: 'rate', min: 0, aliases: ['预期赔付率', 'apriori_loss_ratio', '先验赔付率'], description: 'A priori loss ratio of the origin year (Bornhuetter–Ferguson, Benktander)', descriptionZh: '预期赔付率（BF法先验）' },
    ],
  },
  survey: {
    name: 'survey',
    description: 'One row per respondent: grouping columns, an optional survey weight, then one column per item.',
    keepsAttributes: true,
    key: ['respondent_id'],
    columns: [
      { name: 'respondent_id', type: 'string', aliases: ['受访者编号', '问卷编号', '样本编号'], description: 'Respondent identifier (never reported)', descriptionZh: '受访者编号（不进入报告）' },
      { name: 'company', type: 'string', aliases: ['公司', '保险公司'], description: 'Company', descriptionZh: '公司' },
      { name: 'region', type: 'string', aliases: ['地区', '区域', '省份'], description: 'Region', descriptionZh: '地区' },
      { name: 'stage', type: 'string', aliases: ['业务环节', '服务环节'], description: 'Business stage', descriptionZh: '业务环节' },
      { name: 'weight', type: 'number', min: 0, aliases: ['权重', '样本权重'], description: 'Survey weight', descriptionZh: '样本权重' },
    ],
  },
};

/** Normalises a header or value for alias lookup: lower case, no spaces, underscores, hyphens or full-width brackets. */
export function normaliseKey(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-]+/g, '');
}

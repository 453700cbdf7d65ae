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
  | 'datetime' // YYYY-MM-DD HH:MM[:SS] (or a bare date; China time, or with an offset) → DateTime, seconds of China's wall clock
  | 'datetime_date' // a date or a date-time as above → DayNumber of its date in China
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
  /**
   * Personal data (a name, an ID or certificate number, a staff identifier): read to match or
   * count records, never reported. The confidentiality guard treats the column's headers as personal.
   */
  readonly personal?: boolean;
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
  | 'survey'
  | 'service_events'
  | 'service_innovations'
  | 'sales_staff_registry'
  | 'sales_staff_statistics'
  | 'sales_staff_hr'
  | 'sales_staff_disclosure'
  | 'applications'
  | 'recordings'
  | 'insured_persons'
  | 'channels'
  | 'outlets'
  | 'product_events'
  | 'reinsurance';

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

/** The service events whose time limits S1 §6 sets (and consultations, for the connection rate). */
export const SERVICE_EVENT_TYPES = {
  consultation: ['咨询', '咨询服务', '服务请求', '咨询或服务请求'],
  underwriting_notice: ['体检生调通知', '体检通知', '生调通知', '核保通知'],
  e_policy_delivery: ['电子保单送达', '电子保单'],
  policy_service: ['保全', '在线保全', '保全服务'],
  claim_guidance: ['理赔指导'],
  claim_papers_notice: ['补充材料通知', '理赔材料补充通知', '补材通知'],
  claim_decision: ['理赔核定', '核定'],
  claim_decision_notice: ['核定结果通知', '核定通知'],
  surrender_decision: ['退保', '退保核定', '在线退保'],
  complaint_contact: ['投诉', '投诉联系'],
} as const;

export type ServiceEventType = keyof typeof SERVICE_EVENT_TYPES;
/**
 * How a policy was sold, as the sales-recording rules (S4) distinguish channels: bancassurance and
 * other concurrent agencies (兼业代理), individual and professional agency, brokers, the company's own
 * staff, telephone and internet sales.
 */
export const CHANNEL_TYPES = {
  bancassurance: ['银保', '银行保险', '银邮代理', '银行代理', '银邮', '银保渠道'],
  concurrent_agency: ['兼业代理', '其他兼业代理', '兼代', '兼业代理机构'],
  agency: ['个险', '个人代理', '代理人', '个人营销', '专业代理', '专业代理机构', '个险渠道'],
  broker: ['经纪', '保险经纪', '经纪渠道'],
  direct: ['直销', '公司直销', '直销渠道'],
  telephone: ['电销', '电话销售', '电销渠道'],
  internet: ['互联网', '网销', '网络销售', '互联网渠道'],
} as const;

export type ChannelType = keyof typeof CHANNEL_TYPES;

/** Whether a member of the sales staff is active or has left (a cancelled registration counts as left). */
export const STAFF_STATUSES = {
  active: ['在职', '有效', '正常', '在册', '执业中'],
  left: ['离职', '注销', '失效', '离司', '已注销', '解约'],
} as const;

export type StaffStatus = keyof typeof STAFF_STATUSES;

/** The outcome of a quality review of a sales recording. */
export const REVIEW_RESULTS = {
  pass: ['通过', '合格', '是', 'passed', 'y'],
  fail: ['不通过', '不合格', '否', '退回', 'failed', 'n'],
} as const;

export type ReviewResult = keyof typeof REVIEW_RESULTS;

/** Where a sales channel sells (S1 annex 2 一: 自营和中介业务占比). */
export const PLATFORMS = {
  own: ['自营', '自营平台', '自营网络平台'],
  intermediary: ['中介', '中介机构', '代销', '中介平台'],
  offline: ['线下', '非互联网'],
} as const;

export type Platform = keyof typeof PLATFORMS;

/** What happened to a product in the year (S1 annex 2 二(三)). */
export const PRODUCT_EVENTS = {
  approved: ['审批', '新审批', '批准'],
  filed: ['备案', '新备案'],
  withdrawn: ['停售', '停止销售'],
} as const;

export type ProductEvent = keyof typeof PRODUCT_EVENTS;

const BRANCH: ColumnSpec = {
  name: 'branch',
  type: 'string',
  aliases: ['机构', '所属机构', '分支机构', '分公司', '机构名称', '出单机构'],
  description: 'Branch (institution)',
  descriptionZh: '所属机构',
};

/** The sales columns of a policy (S4): in policies, or in an applications table beside it. */
const APPLICATION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'application_date', type: 'date', aliases: ['投保日期', '投保申请日期', '投保单填写日期'], description: 'Date the application was filled in', descriptionZh: '投保日期' },
  { name: 'policyholder_age', type: 'integer', min: 0, max: 130, aliases: ['投保人年龄', '投保人投保年龄'], description: "The policyholder's age on the application date", descriptionZh: '投保人年龄（投保日）' },
  { name: 'channel_type', type: 'enum', values: CHANNEL_TYPES, aliases: ['渠道类型', '渠道类别', '销售渠道类型'], description: 'Channel type (S4): bancassurance, concurrent_agency, agency, broker, direct, telephone, internet', descriptionZh: '渠道类型' },
  BRANCH,
];

/**
 * The columns of every sales-staff table (S5): one table per source — the intermediary registration
 * system (registry, 中介系统执业登记), the statistics system (statistics, 统信系统), the company's HR
 * system (hr) and its public disclosure (disclosure). Staff are matched across sources by staff_id
 * (or by id_number when a table has no staff_id) after normalisation.
 */
const SALES_STAFF_COLUMNS: readonly ColumnSpec[] = [
  { name: 'staff_id', type: 'string', personal: true, aliases: ['人员编号', '销售人员编号', '人员代码', '工号', '执业人员编号'], description: 'Staff identifier matched across the sources: certificate or ID number (never reported)', descriptionZh: '人员编号（执业证号或身份证号，不进入报告）' },
  { name: 'name', type: 'string', personal: true, aliases: ['姓名', '人员姓名', '销售人员姓名'], description: 'Name (never reported)', descriptionZh: '姓名（不进入报告）' },
  { name: 'id_number', type: 'string', personal: true, aliases: ['身份证号码', '身份证号', '证件号码', '证件号', '身份证件号码'], description: 'ID card number (never reported)', descriptionZh: '身份证件号码（不进入报告）' },
  { name: 'certificate_no', type: 'string', personal: true, aliases: ['执业证编号', '执业证号', '执业证书编号', '资格证书号码', '资格证号'], description: 'Practising certificate number (never reported)', descriptionZh: '执业证编号（不进入报告）' },
  BRANCH,
  { name: 'channel', type: 'string', aliases: ['渠道', '销售渠道', '业务渠道'], description: 'Sales channel', descriptionZh: '销售渠道' },
  { name: 'status', type: 'enum', values: STAFF_STATUSES, aliases: ['状态', '人员状态', '执业状态', '在职状态', '登记状态'], description: 'active or left', descriptionZh: '人员状态（在职/离职）' },
  { name: 'hire_date', type: 'date', aliases: ['入职日期', '入司日期', '签约日期', '执业登记日期'], description: 'Hire (registration) date', descriptionZh: '入职日期' },
  { name: 'leave_date', type: 'date', aliases: ['离职日期', '离司日期', '解约日期', '注销日期'], description: 'Leave date; empty while active', descriptionZh: '离职日期' },
  { name: 'education', type: 'string', aliases: ['学历', '最高学历'], description: 'Education', descriptionZh: '学历' },
  { name: 'contract_type', type: 'string', aliases: ['合同类型', '用工性质', '用工形式', '人员类别'], description: 'Contract type (agency, employment…)', descriptionZh: '合同类型（代理制/合同制）' },
];

function salesStaffTable(name: TableName, source: string): TableSpec {
  return { name, description: `Sales staff as recorded by ${source} (S5); one row per person.`, keepsAttributes: true, columns: SALES_STAFF_COLUMNS };
}

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
      ...APPLICATION_COLUMNS,
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
      { name: 'value', type: 'number', required: true, max: 1e15, aliases: ['values', '累计赔款', '累计值'], description: 'Cumulative paid or incurred amount (at most 10¹⁵)', descriptionZh: '累计赔款' },
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
  service_events: {
    name: 'service_events',
    description: 'One row per service event (request, notice, decision, complaint) for the S1 §6 time limits; times in China time.',
    keepsAttributes: true,
    key: ['event_id'],
    columns: [
      { name: 'event_id', type: 'string', required: true, aliases: ['事件编号', '服务编号', '工单号', '受理编号'], description: 'Event identifier', descriptionZh: '事件编号' },
      { name: 'type', type: 'enum', required: true, values: SERVICE_EVENT_TYPES, aliases: ['服务类型', '事件类型', '服务事项'], description: 'What was asked or due (S1 §6)', descriptionZh: '服务类型' },
      { name: 'received_at', type: 'datetime_date', required: true, aliases: ['接收时间', '申请时间', '受理时间', '提交时间', '收到时间', '承保时间'], description: 'When the request, complete papers or notice was received (for e-policies: the issue)', descriptionZh: '接收时间（电子保单为承保时间）' },
      { name: 'completed_at', type: 'datetime_date', aliases: ['完成时间', '办结时间', '处理完成时间', '送达时间', '通知时间'], description: 'When it was done; empty while open', descriptionZh: '完成时间（未完成为空）' },
      { name: 'channel', type: 'enum', values: { online: ['线上', '在线', '互联网'], offline: ['线下'] }, aliases: ['渠道', '服务渠道'], description: 'Online or offline service', descriptionZh: '服务渠道（线上/线下）' },
      { name: 'complex', type: 'boolean', aliases: ['复杂情形', '是否复杂案件', '复杂案件'], description: 'A complex case (longer limits for claim and surrender decisions)', descriptionZh: '是否复杂情形' },
      { name: 'connected', type: 'boolean', aliases: ['是否接通', '接通'], description: 'Consultation: whether the request was answered', descriptionZh: '是否接通' },
      OPTIONAL_PRODUCT_CODE,
      { name: 'region', type: 'string', aliases: ['地区', '区域', '省份'], description: 'Region', descriptionZh: '地区' },
      { name: 'branch', type: 'string', aliases: ['分支机构', '分公司', '机构', '省级分公司'], description: 'Provincial branch (S3 art. 9)', descriptionZh: '分支机构' },
    ],
  },
  service_innovations: {
    name: 'service_innovations',
    description: 'Service innovation points awarded by the evaluation committee (S3 art. 11(1), 16), per unit and year.',
    keepsAttributes: true,
    key: ['unit', 'year', 'project'],
    columns: [
      { name: 'unit', type: 'string', required: true, aliases: ['机构', '评价机构', '分支机构'], description: 'head_office (总公司) or the branch', descriptionZh: '评价机构（总公司或分支机构）' },
      { name: 'year', type: 'integer', required: true, min: 2013, max: 2100, aliases: ['年度', '评价年度'], description: 'Evaluation year', descriptionZh: '评价年度' },
      { name: 'project', type: 'string', required: true, aliases: ['项目', '创新项目', '服务创新项目'], description: 'The innovation project declared', descriptionZh: '服务创新项目' },
      { name: 'points', type: 'integer', required: true, min: 1, max: 10, aliases: ['加分', '得分', '创新加分'], description: 'Points awarded (1–10)', descriptionZh: '加分（1至10分）' },
    ],
  },
  sales_staff_registry: salesStaffTable('sales_staff_registry', 'the intermediary registration system (中介系统执业登记)'),
  sales_staff_statistics: salesStaffTable('sales_staff_statistics', 'the report to the statistics system (统信系统)'),
  sales_staff_hr: salesStaffTable('sales_staff_hr', "the company's HR system (人员管理系统)"),
  sales_staff_disclosure: salesStaffTable('sales_staff_disclosure', "the company's public disclosure (对外公开披露)"),
  applications: {
    name: 'applications',
    description: "The sales columns of policies whose policies table lacks them (S4): application date, policyholder's age, channel type, branch.",
    keepsAttributes: true,
    key: ['policy_id'],
    columns: [{ name: 'policy_id', type: 'string', required: true, aliases: ['保单号', '保单号码'], description: 'Policy number', descriptionZh: '保单号' }, ...APPLICATION_COLUMNS],
  },
  recordings: {
    name: 'recordings',
    description: 'One row per audio-video recording of a sale (双录, S4), with its quality reviews.',
    keepsAttributes: true,
    key: ['recording_id'],
    columns: [
      { name: 'recording_id', type: 'string', required: true, aliases: ['录像编号', '双录编号', '录音录像编号', '影像编号'], description: 'Recording identifier', descriptionZh: '双录编号' },
      { name: 'policy_id', type: 'string', required: true, aliases: ['保单号', '保单号码'], description: 'Policy number', descriptionZh: '保单号' },
      { name: 'started_at', type: 'datetime', required: true, aliases: ['录制时间', '双录时间', '录制开始时间', '开始时间'], description: 'When the recording started, as the recording system logged it', descriptionZh: '录制开始时间' },
      { name: 'duration_seconds', type: 'integer', min: 0, aliases: ['时长（秒）', '时长(秒)', '录制时长（秒）', '录制时长(秒)', '双录时长（秒）', '双录时长(秒)'], description: 'Duration in seconds', descriptionZh: '时长（秒）' },
      { name: 'first_review', type: 'enum', values: REVIEW_RESULTS, aliases: ['初审结果', '一审结果', '首次质检结果', '初审'], description: 'First quality review: pass or fail', descriptionZh: '初审结果' },
      { name: 'final_review', type: 'enum', values: REVIEW_RESULTS, aliases: ['终审结果', '复审结果', '最终质检结果', '终审'], description: 'Final quality review: pass or fail; empty while pending', descriptionZh: '终审结果' },
      { name: 'reasons', type: 'string', aliases: ['不通过原因', '质检意见', '退回原因'], description: 'Reasons given by the reviewers (free text, not reported)', descriptionZh: '不通过原因（不进入报告）' },
    ],
  },
  insured_persons: {
    name: 'insured_persons',
    description: 'Insured persons per product and year (S1 annex 2 一: 承保人数), which policies alone do not give (a policy may insure several persons). Optional: the annual report names it when absent.',
    keepsAttributes: true,
    key: ['product_code', 'year'],
    columns: [
      PRODUCT_CODE,
      { name: 'year', type: 'integer', required: true, min: 1900, max: 2200, aliases: ['年度', '统计年度'], description: 'Calendar year', descriptionZh: '年度' },
      { name: 'insured_persons', type: 'integer', required: true, min: 0, aliases: ['承保人数', '被保险人数', '承保人次'], description: 'Persons insured by the policies written in the year', descriptionZh: '承保人数' },
    ],
  },
  channels: {
    name: 'channels',
    description: "Each sales channel of the policies table and where it sells: the company's own platform, an intermediary's, or offline (S1 annex 2 一: own and intermediary shares). Optional.",
    keepsAttributes: true,
    key: ['channel'],
    columns: [
      { name: 'channel', type: 'string', required: true, aliases: ['渠道', '销售渠道', '渠道代码'], description: 'The channel as written in policies.channel', descriptionZh: '销售渠道（与保单表一致）' },
      { name: 'platform', type: 'enum', required: true, values: PLATFORMS, aliases: ['平台', '平台类型', '业务来源'], description: 'own (自营), intermediary (中介) or offline', descriptionZh: '自营、中介或线下' },
    ],
  },
  outlets: {
    name: 'outlets',
    description: 'Operating regions and outlets of internet health business (S1 §13, annex 2 一(三)): one row per region. Optional.',
    keepsAttributes: true,
    key: ['region'],
    columns: [
      { name: 'region', type: 'string', required: true, aliases: ['经营区域', '地区', '省份', '区域'], description: 'Region (province) where health business is sold', descriptionZh: '经营区域' },
      { name: 'provincial_branch', type: 'boolean', aliases: ['省级分公司', '是否设立省级分公司'], description: 'Whether the company has a provincial branch there (S1 §13)', descriptionZh: '是否设立省级分公司' },
      { name: 'outlets', type: 'integer', required: true, min: 0, aliases: ['网点数', '服务网点数', '网点数量'], description: 'Offline service outlets in the region', descriptionZh: '线下服务网点数' },
      { name: 'partner', type: 'string', aliases: ['合作机构', '合作方'], description: 'Partner providing offline service where there is no branch', descriptionZh: '合作机构' },
    ],
  },
  product_events: {
    name: 'product_events',
    description: 'Products approved, filed or withdrawn (S1 annex 2 二(三)), with the date, the reason of a withdrawal and the reference. Optional.',
    keepsAttributes: true,
    key: ['product_code', 'event', 'date'],
    columns: [
      PRODUCT_CODE,
      { name: 'event', type: 'enum', required: true, values: PRODUCT_EVENTS, aliases: ['事项', '事件', '类型'], description: 'approved (审批), filed (备案) or withdrawn (停售)', descriptionZh: '审批、备案或停售' },
      { name: 'date', type: 'date', required: true, aliases: ['日期', '批复日期', '备案日期', '停售日期'], description: 'Date of the approval, filing or withdrawal', descriptionZh: '日期' },
      { name: 'reason', type: 'string', aliases: ['原因', '停售原因'], description: 'Why a product was withdrawn', descriptionZh: '停售原因' },
      { name: 'reference', type: 'string', aliases: ['文号', '批复文号', '备案编号', '备案号'], description: 'Approval or filing reference', descriptionZh: '批复文号或备案编号' },
    ],
  },
  reinsurance: {
    name: 'reinsurance',
    description: 'Reinsurance arrangements per product (S1 annex 2 三(二): 再保险安排): reinsurer, form and share ceded. Optional.',
    keepsAttributes: true,
    key: ['product_code', 'reinsurer', 'start_date'],
    columns: [
      PRODUCT_CODE,
      { name: 'reinsurer', type: 'string', required: true, aliases: ['再保险人', '再保险公司', '分入公司'], description: 'Reinsurer', descriptionZh: '再保险人' },
      { name: 'arrangement', type: 'string', required: true, aliases: ['分保方式', '再保险安排', '合同类型'], description: 'Form of the treaty (quota share, surplus, excess of loss…)', descriptionZh: '分保方式' },
      { name: 'ceded_share', type: 'rate', min: 0, max: 1, aliases: ['分出比例', '分保比例'], description: 'Share ceded (quota share)', descriptionZh: '分出比例' },
      { name: 'start_date', type: 'date', required: true, aliases: ['起期', '生效日期', '开始日期'], description: 'Start of the treaty', descriptionZh: '合同起期' },
      { name: 'end_date', type: 'date', aliases: ['止期', '终止日期', '结束日期'], description: 'End of the treaty; empty while in force', descriptionZh: '合同止期（有效为空）' },
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

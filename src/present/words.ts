import type { Lang } from './column';

/**
 * The workbench's words in English and Chinese, in one place: indicators, lines of business,
 * ICSI constructs, coded values and output column headers no declaration gives in Chinese. The
 * review (`report/labels`), the charts (`charts/figureLanguage`), rule messages and every
 * command's terminal text take their words from here. Chinese terms are those of the
 * regulations' own texts (S1 annex 2 for indicators, S3 art. 22 for the constructs). A leaf
 * module: it imports nothing that computes.
 */

/** The text in the language: `say('zh', 'Findings', '发现')` → '发现'. */
export function say(lang: Lang, en: string, zh: string): string {
  return lang === 'zh' ? zh : en;
}

/** Backtest indicators (S1 §16, annex 2), short names as in charts and terminal tables. */
export const INDICATOR: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  loss_ratio: { en: 'Loss ratio', zh: '赔付率' },
  expense_rate: { en: 'Expense rate', zh: '费用率' },
  incidence: { en: 'Incidence rate', zh: '发生率' },
  surrender: { en: 'Surrender rate', zh: '退保率' },
  lapse: { en: 'Lapse rate', zh: '失效率' },
  death: { en: 'Mortality rate', zh: '死亡率' },
  investment_return: { en: 'Investment return', zh: '投资收益率' },
};

/** Lines of business (the products table's `line`). */
export const LINE: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  accident: { en: 'Accident', zh: '意外险' },
  health: { en: 'Health', zh: '健康险' },
  medical: { en: 'Medical', zh: '医疗险' },
  critical_illness: { en: 'Critical illness', zh: '重疾险' },
  term_life: { en: 'Term life', zh: '定期寿险' },
  whole_life: { en: 'Whole life', zh: '终身寿险' },
  endowment: { en: 'Endowment', zh: '两全保险' },
  annuity: { en: 'Annuity', zh: '年金保险' },
  other: { en: 'Other', zh: '其他' },
};

/** The seven latent variables of the ICSI model (S3 art. 22), by the model's construct names. */
export const CONSTRUCT: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  Image: { en: 'Image', zh: '企业形象' },
  Expectation: { en: 'Expectation', zh: '客户期望' },
  Quality: { en: 'Quality', zh: '感知质量' },
  Value: { en: 'Value', zh: '感知价值' },
  Satisfaction: { en: 'Satisfaction', zh: '客户满意度' },
  Complaints: { en: 'Complaints', zh: '客户抱怨' },
  Loyalty: { en: 'Loyalty', zh: '客户忠诚度' },
};

/** One language's words of a word table: `inLanguage(INDICATOR, 'zh').lapse` → '失效率'. */
export function inLanguage(table: Readonly<Record<string, { readonly en: string; readonly zh: string }>>, lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v[lang]]));
}

/**
 * Chinese headers of the output columns that no command declares in Chinese, by column key: the
 * review prints these so that a Chinese report carries no English header.
 */
export const COLUMN_ZH_EXTRA: Readonly<Record<string, string>> = {
  reported_loss_ratio: '已报告赔付率',
  paid_to_date: '累计已付赔款',
  expected_developed: '预期已发展比例',
  immature: '未成熟',
  method: '方法',
  apriori_loss_ratio: '先验赔付率',
  ultimate: '最终赔款',
  ultimate_loss_ratio: '最终赔付率',
  ultimate_loss_ratio_se: '最终赔付率标准误',
  how: '测算说明',
  f_squared_reestimated: 'f²（重新估计）',
  f_squared: '效应量f²',
  r_squared: '决定系数R²',
  alpha: '克隆巴赫α',
  rho_a: '信度ρA',
  measurement: '测量方式',
  htmt: 'HTMT',
  htmt2: 'HTMT2',
  single_item: '单题项',
  formative: '形成性',
  vif: '方差膨胀因子',
  construct: '潜变量',
  ...inLanguage(CONSTRUCT, 'zh'),
  importance: '重要性',
  performance: '绩效',
  open_within_limit: '时限内未办结',
  complex_time_limit: '复杂案件时限',
  deadline: '截止时间',
  working_days: '工作日',
  source: '来源',
  table: '数据表',
  key_column: '关键列',
  rows: '行数',
  active: '在职',
  inactive: '离职',
  duplicates: '重复',
  without_key: '缺少关键字段',
  invalid_id_numbers: '证件号码无效',
  converted_15_digit: '15位证件号已转换',
  as_of: '截至日期',
  level: '层级',
  missing_source: '缺失来源',
  staff_with_missing_elements: '要素缺失人员',
  element: '登记要素',
  column_present: '列存在',
  staff: '人员',
  share: '占比',
  compared_with: '比对对象',
  row: '行号',
  ref: '引用',
  not_required: '无需双录',
  recorded_not_required: '非必需已双录',
  after_issue: '承保后双录',
  before_application: '投保前双录',
  recordings: '双录件数',
  first_review_reviewed: '初审已审',
  first_review_passed: '初审通过',
  final_review_reviewed: '终审已审',
  final_review_passed: '终审通过',
  duration_median_seconds: '时长中位数（秒）',
  duration_p90_seconds: '时长90分位（秒）',
  required_by: '双录依据',
  first_recording_at: '首次双录时间',
  timing: '时点',
  from_minutes: '起（分钟）',
  to_minutes: '止（分钟）',
  field: '字段',
  fornell_larcker_passes: '通过Fornell–Larcker检验',
  averaging: '平均方式',
  band: '所在区间',
  basis: '口径',
  cap: '上限',
  comparison: '比较',
  event_type: '服务类型',
  excess_pp: '超出（百分点）',
  failed_conditions: '未达标条件',
  failed_quarters: '未达标季度',
  floor: '下限',
  indicated_premium_factor: '指示保费系数',
  indicated_rate_change: '指示费率调整',
  latest_policies_sold: '最近年度销售件数',
  latest_premium_income: '最近年度保费收入',
  latest_year: '最近年度',
  limit: '限值',
  min_persistent_quarters: '最少持续季度数',
  min_relative_deviation: '最小相对偏差',
  pass_rate: '通过率',
  passed: '通过件数',
  premium_threshold: '保费收入门槛',
  registry_only: '仅在执业登记系统',
  statistics_only: '仅在统计系统',
  relative_deviation: '相对偏差',
  require_significant: '要求统计显著',
  reviewed: '已审核件数',
  rule_status: '规则状态',
  target_loss_ratio: '目标赔付率',
  three_year_loss_ratio: '三年赔付率',
  threshold: '阈值',
  time_limit_rule: '时限规则',
  window_start: '期间起',
  window_end: '期间止',
  with_missing: '要素缺失人数',
  exemption: '豁免类型',
  scope_key: '范围条件',
  missing_years: '缺失年度',
};

/** Words of source names in composed headers (`matched_statistics` → 与统计系统一致). */
const SOURCE_ZH: Readonly<Record<string, string>> = { statistics: '统计系统', hr: '人事系统', disclosure: '信息披露', registry: '执业登记系统' };

/** Composed headers: a pattern of the key and its Chinese. */
const COLUMN_PATTERNS_ZH: readonly (readonly [RegExp, (...m: string[]) => string])[] = [
  [/^matched_(\w+)$/, (_, s) => `与${SOURCE_ZH[s] ?? s}一致`],
  [/^registry_not_in_(\w+)$/, (_, s) => `登记系统有、${SOURCE_ZH[s] ?? s}无`],
  [/^(\w+)_not_in_registry$/, (_, s) => `${SOURCE_ZH[s] ?? s}有、登记系统无`],
  [/^difference_rate_(\w+)$/, (_, s) => `人数差异率（${SOURCE_ZH[s] ?? s}）`],
  [/^record_mismatch_rate_(\w+)$/, (_, s) => `记录不一致率（${SOURCE_ZH[s] ?? s}）`],
  [/^branch_differs_(\w+)$/, (_, s) => `分公司不一致（${SOURCE_ZH[s] ?? s}）`],
  [/^([A-Z][A-Z0-9-]+)_window_passes$/, (_, id) => `${id}：连续四个季度满足`],
  [/^(loss_ratio|premium_income|earned_premium|incurred_claims)_(\d{4})$/, (_, w, y) => `${y}年${VALUE_ZH[w] ?? COLUMN_ZH_EXTRA[w] ?? w}`],
];

/**
 * The Chinese header of an output column no declaration gives in Chinese: from `COLUMN_ZH_EXTRA`,
 * a composed header, or a rule's recorded value (`value_<name>` → 触发值：…); null when none.
 * @example columnZh('matched_hr') // '与人事系统一致'
 */
export function columnZh(key: string, known: (key: string) => string | null): string | null {
  if (COLUMN_ZH_EXTRA[key]) return COLUMN_ZH_EXTRA[key];
  for (const [pattern, zh] of COLUMN_PATTERNS_ZH) {
    const m = pattern.exec(key);
    if (m) return zh(...m);
  }
  const value = /^value_(.+)$/.exec(key);
  if (value) return `触发值：${known(value[1]) ?? columnZh(value[1], known) ?? VALUE_ZH[value[1]] ?? value[1].replace(/_/g, ' ')}`;
  return null;
}

/**
 * Chinese words of the coded values output tables hold (indicators, channels, lines of business,
 * statuses, outcomes), so that no internal id is printed in a Chinese table.
 */
export const VALUE_ZH: Readonly<Record<string, string>> = {
  ...inLanguage(INDICATOR, 'zh'),
  ...inLanguage(LINE, 'zh'),
  ...inLanguage(CONSTRUCT, 'zh'),
  adjust: '调整改进',
  first_review: '一审',
  final_review: '终审',
  required_rule: '前提规则',
  le: '不超过',
  lt: '低于',
  ge: '不低于',
  gt: '超过',
  few_policies: '销售件数较少',
  mean: '算术平均',
  earned_premium: '已赚保费',
  incurred_claims: '已发生赔款',
  chainladder: '链梯法',
  bf: 'BF法',
  capecod: 'Cape Cod法',
  benktander: 'Benktander法',
  in_force: '有效',
  active: '有效',
  loading_average: '平均附加费用率',
  loading_first_year: '首年附加费用率',
  intermediary_fee_cap: '中介费用上限',
  products: '产品表',
  rule: '规则',
  loadings: '附加费用表',
  draft: '草案',
  internet: '互联网',
  agency: '个人代理',
  bancassurance: '银行保险',
  broker: '经纪',
  online_partner: '网络合作平台',
  app: '自营网络平台',
  attention: '予以关注',
  adjustment: '调整改进',
  report: '主动报告',
  disclose: '信息披露',
  year: '年度',
  quarter: '季度',
  gross: '再保前',
  net: '再保后',
  fires: '触发',
  pooled: '合并计算',
  passes: '通过',
  exempt: '豁免',
  out_of_scope: '不适用',
  small_premium: '保费规模较小',
  lines: '险种',
  long_term: '长期险',
  short_term: '短期险',
  premium_income: '保费收入',
  yuan: '元',
  comprehensive_solvency: '综合偿付能力充足率',
  core_solvency: '核心偿付能力充足率',
  risk_rating: '风险综合评级',
  reserve_coverage: '责任准备金覆盖率',
  governance: '公司治理评级',
  major_penalty: '重大行政处罚',
  'no major administrative penalty last year': '上一年度无重大行政处罚',
  solvency_surplus: '偿付能力溢额',
  reflective: '反映型',
  late: '逾期',
  registry: '执业登记系统',
  statistics: '统计系统',
  disclosure: '信息披露',
  hr: '人事系统',
  company: '公司',
  branch: '分公司',
  channel: '渠道',
  branch_channel: '分公司×渠道',
  channel_type: '渠道类型',
  region: '地区',
  education: '学历',
  contract_type: '合同类型',
  hire_date: '入职日期',
  certificate_no: '执业证编号',
  id_number: '证件号码',
  name: '姓名',
  staff_id: '工号',
  sales_staff_registry: '执业登记表',
  sales_staff_statistics: '统计系统人员表',
  sales_staff_hr: '人事系统人员表',
  sales_staff_disclosure: '信息披露人员表',
  at_application: '投保时',
  pass: '通过',
  fail: '不通过',
  application_date: '投保日期',
  policies: '保单',
  applications: '投保单',
  issue_date: '承保日期',
  on_time: '按时',
  open: '未办结',
  met: '达标',
  missed: '未达标',
  eligible: '符合',
  not_eligible: '不符合',
  too_early: '尚未满期',
  unknown: '未知',
  individual: '个人',
  group: '团体',
  single: '趸交',
  regular: '期交',
};

/**
 * A coded value (an indicator, an outcome, a channel) as a word of the language: its Chinese in
 * `zh` (`VALUE_ZH`), else the value as it is; in `en` the value with spaces for underscores.
 * @example valueWord('out_of_scope', 'zh') // '不适用'
 */
export function valueWord(value: string, lang: Lang): string {
  return lang === 'zh' ? (VALUE_ZH[value] ?? value) : value.replace(/_/g, ' ');
}

/** Severities of findings (the review's words). */
export const SEVERITY: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  critical: { en: 'critical', zh: '严重' },
  major: { en: 'major', zh: '重要' },
  minor: { en: 'minor', zh: '一般' },
  info: { en: 'info', zh: '提示' },
};

/** The input tables' names in Chinese (`awb tables --lang zh`). */
export const TABLE_ZH: Readonly<Record<string, string>> = {
  products: '产品表',
  loadings: '附加费用表',
  finance: '财务数据表',
  solvency: '偿付能力表',
  policies: '保单表',
  claims: '赔案表',
  assumptions: '定价假设表',
  triangle: '累计赔款三角形',
  premiums: '已赚保费表',
  survey: '满意度调查表',
  service_events: '服务事项表',
  service_innovations: '服务创新表',
  sales_staff_registry: '中介系统执业登记表',
  sales_staff_statistics: '统信系统人员表',
  sales_staff_hr: '人员管理系统表',
  sales_staff_disclosure: '对外公开披露人员表',
  applications: '投保信息表',
  recordings: '双录表',
  insured_persons: '承保人数表',
  channels: '销售渠道表',
  outlets: '营业区域表',
  product_events: '产品审批备案及停售表',
  reinsurance: '再保险安排表',
};

/** The input columns' types in Chinese. */
export const TYPE_ZH: Readonly<Record<string, string>> = {
  string: '文本',
  enum: '取值之一',
  boolean: '是/否',
  integer: '整数',
  date: '日期',
  rate: '比率',
  money: '金额（元）',
  period: '期间',
  quarter: '季度',
  number: '数值',
  datetime_date: '日期',
  datetime: '日期时间',
};

/** Titles of the review's tables that no command declares, by command and table (`service_rows`), in English and Chinese. */
export const SHEET_TITLES: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  lossratio_ultimate_loss_ratios: { en: 'Ultimate loss ratios of the book the triangle covers', zh: '最终赔付率' },
  icsi_vif: { en: 'Variance inflation factors of the inner model (each predictor of a construct)', zh: '方差膨胀因子' },
  icsi_construct_correlations: { en: 'Correlations between the constructs', zh: '潜变量相关系数' },
  icsi_ipma: { en: 'Importance–performance analysis', zh: '重要性—绩效分析' },
  service_rows: { en: 'On-time rates by event type and region', zh: '各服务类型、各地区时效' },
  service_branches: { en: 'On-time rates by branch', zh: '各分支机构时效' },
  service_exceptions: { en: 'Events done late or overdue', zh: '逾期事项' },
  registration_sources: { en: 'Sales staff in each system', zh: '各系统人员数据' },
  registration_groups: { en: 'Registration check, company-wide and by branch', zh: '全公司及各分支机构执业登记核对' },
  registration_elements: { en: 'Missing registration elements', zh: '执业登记信息要素缺失' },
  registration_unmatched: { en: 'Staff not matched between the systems', zh: '未匹配人员统计' },
  traceability_groups: { en: 'Audio-video recording by group', zh: '双录情况（按分组）' },
  traceability_rule_region: { en: 'Policies to be recorded, by rule and region', zh: '应双录保单（按规则及地区）' },
  traceability_required: { en: 'Policies to be recorded', zh: '应双录保单' },
  traceability_missing: { en: 'Policies without a recording', zh: '未双录保单' },
  traceability_durations: { en: 'Distribution of recording durations', zh: '双录时长分布' },
  traceability_basis: { en: 'Source of the application date', zh: '投保日期来源' },
};

import type { MissingBand } from '../conduct/missingBand';
import { TABLES } from '../data/schema';
import type { Lang } from '../present/column';
import { INDICATOR, inLanguage, LINE } from '../present/words';
import { SERVICE_TYPE_ZH } from '../service/serviceStandards';
import type { Severity } from '../rules/finding';

/** The languages a review is written in: those of the presenters. */
export type { Lang };

/** Every language a review can be written in, for argument validation. */
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** The fixed wording of the review in each language. Figures and findings are never translated here. */
export interface Wording {
  readonly title: (quarter: string) => string;
  readonly contents: string;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly summary: string;
  readonly summaryIntro: (data: string, quarterEnd: string) => string;
  readonly findingsBySeverity: string;
  readonly sectionStatus: string;
  readonly section: string;
  readonly status: string;
  readonly findingsCount: string;
  readonly severityHeading: string;
  /** Display names of coded values (premium modes, statuses); a value without one is shown as it is. */
  readonly value: Readonly<Record<string, string>>;
  readonly complete: string;
  readonly unavailable: string;
  readonly notApplicable: string;
  readonly headline: string;
  readonly noFindings: string;
  readonly sections: Readonly<Record<'backtest' | 'lossratio' | 'expense' | 'eligibility' | 'satisfaction' | 'service' | 'conduct', { readonly title: string; readonly basis: string }>>;
  readonly commandMissing: (command: string) => string;
  readonly noSurvey: (dir: string) => string;
  readonly noSurveyModel: (survey: string) => string;
  readonly computedBy: (argv: string) => string;
  readonly findingsOfSection: string;
  readonly tablesOfSection: string;
  readonly chartsOfSection: string;
  readonly tableTruncated: (shown: number, total: number, file: string) => string;
  readonly tableOfPeriod: (period: string, shown: number, total: number, file: string) => string;
  readonly figure: (n: number, name: string, command: string) => string;
  readonly allFindings: string;
  readonly allFindingsIntro: string;
  readonly provenance: string;
  readonly provenanceIntro: string;
  readonly input: string;
  readonly rulebook: string;
  readonly software: string;
  readonly verifyHint: string;
  readonly column: Readonly<Record<string, string>>;
  readonly rule: string;
  readonly product: string;
  readonly period: string;
  readonly message: string;
  readonly citation: string;
  readonly values: string;
  readonly page: string;
  readonly yes: string;
  readonly no: string;
  readonly annex: AnnexWording;
  readonly document: DocumentWords;
  readonly service: ServiceWording;
  readonly conduct: ConductWording;
}

/** Wording of the review as a document: cover, sign-off, contents, appendices. */
export interface DocumentWords {
  readonly company: string;
  readonly quarter: string;
  readonly asOf: string;
  readonly data: string;
  readonly signOffHeading: string;
  readonly signOffStatement: (quarter: string) => string;
  readonly chiefActuary: string;
  readonly name: string;
  readonly signature: string;
  readonly date: string;
  readonly appendix: (letter: string) => string;
  readonly part: (n: number, of: number) => string;
  readonly fullTables: (section: string) => string;
  readonly fullTablesIntro: string;
  readonly tableRows: (shown: number, total: number, sheet: string) => string;
  readonly chartPart: (n: number, of: number) => string;
  readonly assessment: string;
}

/** Wording of the service standards section (S1 §5–§6). */
export interface ServiceWording {
  readonly intro: (p: { period: string; from: string; to: string; asOf: string; calendar: string; receiptCounted: boolean }) => string;
  readonly byType: string;
  readonly byTypeNote: string;
  readonly byBranch: string;
  readonly byBranchNote: (shown: number, total: number) => string;
  readonly noBranch: string;
  readonly byDay: string;
  readonly byDayNote: (shown: number, total: number) => string;
  readonly noExceptions: string;
  readonly outOfChannel: (n: number) => string;
  readonly limit: (amount: number, unit: 'working_days' | 'calendar_days') => string;
}

/** Wording of the sales conduct section (S5 registration, S4 recordings). */
export interface ConductWording {
  readonly registration: string;
  readonly registrationIntro: (a: { readonly asOf: string; readonly sources: string; readonly difference: string; readonly missing: string; readonly band: string }) => string;
  readonly registrationMethod: string;
  readonly noRegistration: string;
  readonly byBranch: string;
  readonly company: string;
  /** A registration element's name in the report's language. */
  readonly element: (element: string) => string;
  /** A band of the missing-element share in the report's language. */
  readonly band: (band: MissingBand) => string;
  readonly source: Readonly<Record<'registry' | 'statistics' | 'hr' | 'disclosure', string>>;
  readonly traceability: string;
  readonly traceabilityIntro: (a: { readonly quarter: string; readonly policies: number; readonly required: number; readonly recorded: number; readonly missing: number; readonly late: number; readonly undetermined: number; readonly firstReview: string; readonly finalReview: string; readonly median: string }) => string;
  readonly traceabilityMethod: string;
  readonly noTraceability: string;
  readonly byChannel: string;
  readonly byRuleRegion: string;
  readonly applicationDates: (a: { readonly policies: number; readonly applications: number; readonly issueDate: number }) => string;
}

/** Wording of the backtest section, which follows S1 annex 2 part 三. */
export interface AnnexWording {
  readonly heading: string;
  readonly intro: (quarter: string, asOf: string) => string;
  readonly scope: string;
  readonly scopeIntro: string;
  readonly reinsurance: string;
  readonly cededShare: string;
  readonly cededClaimsShare: string;
  readonly noReinsurance: string;
  readonly indicators: string;
  readonly indicatorsIntro: string;
  readonly reasons: string;
  readonly reasonsIntro: string;
  readonly measures: string;
  readonly measuresIntro: string;
  readonly noMeasure: string;
  readonly year: string;
  readonly yearIntro: (year: number) => string;
  readonly noCells: (quarter: string) => string;
  readonly deviation: string;
  readonly significant: string;
  readonly assessment: (a: { ae: number | null; ciLow: number | null; ciHigh: number | null; credibility: number | null; persistent: number | null }) => string;
  readonly measure: Readonly<Record<string, string>>;
  readonly indicator: Readonly<Record<string, string>>;
  readonly line: Readonly<Record<string, string>>;
}

const fmt = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));

/** Chinese column names: the schema's own for input columns, then the workbench's output columns. */
const COLUMN_ZH: Record<string, string> = {
  ...Object.fromEntries(Object.values(TABLES).flatMap((t) => t.columns.map((c) => [c.name, c.descriptionZh.replace(/（[^）]*）$/, '')]))),
  indicator: '指标',
  exposure: '风险暴露',
  actual: '实际值',
  expected: '预期值',
  ae: '实际/预期',
  deviation: '偏差',
  ci_low: '置信区间下限',
  ci_high: '置信区间上限',
  credibility: '可信度',
  significant: '显著',
  measure: '措施',
  assessment: '合理性评估',
  earned_premium: '已赚保费',
  incurred_claims: '已发生赔款',
  loss_ratio: '赔付率',
  reserve_coverage_ratio: '责任准备金覆盖率',
  rule_id: '规则',
  severity: '严重程度',
  message: '说明',
  citation: '依据',
  values: '触发值',
  group: '分组',
  n: '样本量',
  index: '指数',
  from: '自',
  to: '至',
  estimate: '估计值',
  ceded_share: '分出保费占比',
  ceded_claims_share: '摊回赔款占比',
  product: '产品',
  type: '服务类型',
  events: '事件数',
  judged: '已判定',
  on_time: '按时完成',
  late: '逾期',
  open_overdue: '逾期未完成',
  on_time_rate: '时效达成率',
  median_working_days: '用时中位数（工作日）',
  p95_working_days: '用时第95百分位（工作日）',
  connection_rate: '接通率',
  time_limit: '时限',
  received_on: '接收日期',
  exceptions: '逾期件数',
  section: '部分',
  status: '状态',
  findings: '发现数',
  registry: '中介系统执业登记',
  statistics: '统信系统',
  hr: '人员管理系统',
  disclosure: '对外公开披露',
  difference_rate: '差异率',
  record_mismatch_rate: '逐人不匹配率',
  missing_rate: '信息要素缺失占比',
  missing_band: '所在区间',
  most_missing: '缺失最多的要素',
  policies: '保单件数',
  required: '应双录',
  recorded: '已双录',
  missing: '未双录',
  unrecorded_share: '未双录占比',
  undetermined: '无法判断',
  first_review_pass_rate: '一审通过率',
  final_review_pass_rate: '终审通过率',
  median_minutes: '时长中位数（分钟）',
};

const EN: Wording = {
  title: (q) => `Quarterly actuarial review ${q}`,
  contents: 'Contents',
  severity: { critical: 'Critical', major: 'Major', minor: 'Minor', info: 'Info' },
  summary: 'Executive summary',
  summaryIntro: (data, end) =>
    `Prepared for the chief actuary from the data folder ${data}, with experience to ${end}. Every figure below was computed by the workbench from the recorded inputs, without hand edits (S3 art. 19); the evidence bundle that accompanies this report reproduces it (awb verify).`,
  findingsBySeverity: 'Findings by severity',
  sectionStatus: 'Sections',
  section: 'Section',
  status: 'Status',
  findingsCount: 'Findings',
  severityHeading: 'Severity',
  value: {},
  complete: 'complete',
  unavailable: 'unavailable',
  notApplicable: 'not applicable',
  headline: 'Critical and major findings',
  noFindings: 'No findings.',
  sections: {
    backtest: { title: 'Pricing backtests', basis: 'S1 §16, §17 and annex 2 part 三' },
    lossratio: { title: 'Loss-ratio rules', basis: 'S2, pricing adjustment' },
    expense: { title: 'Expense caps', basis: 'S1 §9.2, §10; S2' },
    eligibility: { title: 'Capital eligibility', basis: 'S1 §3, §11 and annex 1' },
    satisfaction: { title: 'Customer satisfaction index', basis: 'S3 art. 22–24' },
    service: { title: 'Service standards', basis: 'S1 §5–§6 online service time limits' },
    conduct: { title: 'Sales conduct', basis: 'S5 sales-staff registration; S4 sales recordings (双录)' },
  },
  commandMissing: (c) => `This section is unavailable: this version of the workbench has no \`awb ${c}\` command, so it was not computed. Nothing in this section has been estimated or filled in by hand.`,
  noSurvey: (dir) => `No satisfaction survey in ${dir} (survey.csv, .xlsx or .parquet): there is no index to report this quarter.`,
  noSurveyModel: (s) => `A survey (${s}) is present but no model file: put survey_model.json beside it or pass --survey-model FILE.`,
  computedBy: (argv) => `Computed by: ${argv}`,
  findingsOfSection: 'Findings',
  tablesOfSection: 'Tables',
  chartsOfSection: 'Charts',
  tableTruncated: (shown, total, file) => `The first ${shown} of ${total} rows; the full table is ${file} in the evidence bundle.`,
  tableOfPeriod: (period, shown, total, file) => `${shown} rows of ${period} of ${total}; the full table is ${file} in the evidence bundle.`,
  figure: (n, name, command) => `Figure ${n}. ${name} (awb ${command})`,
  allFindings: 'All findings with their citations',
  allFindingsIntro: 'Every finding of every section, most severe first, with the text of the rule it applies.',
  provenance: 'Provenance',
  provenanceIntro: 'The inputs this review was computed from, identified by their SHA-256; the evidence bundle’s manifest.json records them with the software, runtime and every output’s hash.',
  input: 'Input',
  rulebook: 'Rulebook',
  software: 'Software',
  verifyHint: 'To check this filing later: awb verify <bundle folder> recomputes every output from these inputs and compares it byte for byte.',
  column: {},
  rule: 'Rule',
  product: 'Product',
  period: 'Period',
  message: 'Finding',
  citation: 'Citation',
  values: 'Values',
  page: 'Page',
  yes: 'yes',
  no: 'no',
  document: {
    company: 'Company',
    quarter: 'Quarter reviewed',
    asOf: 'Experience to',
    data: 'Data folder',
    signOffHeading: 'Sign-off',
    signOffStatement: (q) => `I have reviewed this quarterly actuarial review for ${q}, its findings and the evidence bundle that reproduces it, and approve it for filing.`,
    chiefActuary: 'Chief actuary',
    name: 'Name',
    signature: 'Signature',
    date: 'Date',
    appendix: (l) => `Appendix ${l}.`,
    part: (n, of) => `Part ${n} of ${of} (the identifying columns repeat)`,
    fullTables: (section) => `Full tables: ${section}`,
    fullTablesIntro: 'Every table the section’s commands filed, with all their columns; the rows of the quarter (or year) reviewed when the table has periods. tables.xlsx in the evidence bundle holds every row.',
    tableRows: (shown, total, sheet) => (shown < total ? `(${shown} of ${total} rows; all in tables.xlsx, sheet ${sheet})` : `(${total} rows)`),
    chartPart: (n, of) => ` (${n} of ${of})`,
    assessment: 'Assessment',
  },
  annex: {
    heading: 'Internet life insurance backtesting (S1 annex 2, part 三)',
    intro: (q, asOf) => `Backtest of ${q}: experience to ${asOf} against the pricing assumptions, for the products in scope. The subsections follow annex 2 (二)–(五): products and reinsurance, each indicator, reasons and reasonableness, measures taken.`,
    scope: '1. Products in scope: basic information and reinsurance arrangement',
    scopeIntro: 'Products included in the pricing backtest this quarter, with the share of premium ceded and of claims recovered in the quarter (finance ledger).',
    reinsurance: 'Reinsurance',
    cededShare: 'ceded premium share',
    cededClaimsShare: 'recovered claims share',
    noReinsurance: 'none recorded',
    indicators: '2. Indicators: actual against expected',
    indicatorsIntro: 'A/E = actual ÷ expected; deviation = actual − expected; 95% confidence interval of A/E; limited-fluctuation credibility Z.',
    reasons: '3. Reasons and reasonableness',
    reasonsIntro: 'Whether each deviation is within random fluctuation (the 95% interval of A/E includes 1) or systematic, and how credible the experience is.',
    measures: '4. Measures taken',
    measuresIntro: 'Measures under S1 §16 by growing severity: attention (予以关注), adjustment (调整改进), report to the regulator (主动报告), disclosure (信息披露); triggers from rule BT-MEASURE.',
    noMeasure: 'No deviation this quarter calls for a measure.',
    year: 'Backtests of the year to date',
    yearIntro: (y) => `Measures by product and quarter in ${y} (annex 2 (一): the year’s backtesting and the judgement on pricing soundness).`,
    noCells: (q) => `The backtest produced no cells for ${q}.`,
    deviation: 'Deviation',
    significant: 'Significant',
    assessment: ({ ae, ciLow, ciHigh, credibility, persistent }) => {
      if (ae === null) return 'Not computable (no expected value).';
      const run = persistent !== null && persistent > 1 ? ` The deviation has kept its direction for ${persistent} consecutive periods.` : '';
      const within = ciLow !== null && ciHigh !== null && ciLow <= 1 && ciHigh >= 1;
      const z = credibility === null ? '' : credibility >= 1 ? ' Fully credible experience.' : ` Partly credible experience (Z = ${fmt(credibility, 2)}).`;
      if (ciLow === null || ciHigh === null) return `A/E ${fmt(ae, 3)}; no confidence interval.${z}`;
      return within
        ? `Within random fluctuation: the 95% interval ${fmt(ciLow, 3)}–${fmt(ciHigh, 3)} includes 1.${z}`
        : `Systematic deviation: experience is ${ae > 1 ? 'above' : 'below'} the assumption and the 95% interval ${fmt(ciLow, 3)}–${fmt(ciHigh, 3)} excludes 1.${run}${z}`;
    },
    measure: { attention: 'attention (予以关注)', adjust: 'adjust (调整改进)', report: 'report to the regulator (主动报告)', disclose: 'disclose (信息披露)' },
    indicator: { ...inLanguage(INDICATOR, 'en'), loss_ratio: 'Loss ratio after reinsurance' },
    line: inLanguage(LINE, 'en'),
  },
  service: {
    intro: ({ period, from, to, asOf, calendar, receiptCounted }) =>
      `Online service events received in ${period} (${from} to ${to}), judged at ${asOf} against the time limits of S1 §6 in working days on the State Council's holiday calendar with its adjusted working weekends (${calendar}). The day of receipt is ${receiptCounted ? 'counted' : 'not counted'}; a limit ends with its last working day; the 30 days of complex claims are calendar days (rule ILI-SVC-COUNTING).`,
    byType: 'On-time rates by type of service',
    byTypeNote: 'On-time rate = done within the limit ÷ (done within + done late + open past the limit); consultations show the connection rate (S1 §6 item 1: at least 95%). Working days taken: nearest-rank median and 95th percentile.',
    byBranch: 'Branches that missed a limit',
    byBranchNote: (shown, total) => `The ${shown} branch and service pairs with the lowest on-time rates of ${total} with a late or overdue event; rule ILI-SVC-BRANCH names a branch below 90% on at least 50 events judged.`,
    noBranch: 'No branch missed a limit.',
    byDay: 'Late and overdue events by day received',
    byDayNote: (shown, total) => `The ${shown} days with the most late or overdue events of ${total} days; every event is in tables/service_exceptions.csv.`,
    noExceptions: 'No event was late or overdue.',
    outOfChannel: (n) => `${n} offline events are outside S1 §6's online standards and were not judged.`,
    limit: (amount, unit) => (unit === 'working_days' ? `${amount} working day${amount === 1 ? '' : 's'}` : `${amount} calendar days`),
  },
  conduct: {
    registration: 'Sales staff registration (S5)',
    registrationIntro: ({ asOf, sources, difference, missing, band }) =>
      `As at ${asOf}: ${sources}. The difference rate between the registration system and the statistics system is ${difference}; ${missing} of the registered sales staff miss a required registration element (band ${band}).`,
    registrationMethod:
      'Staff are matched by their identifier after normalisation (full-width digits, spaces, case, 15-digit ID numbers in their 18-digit form). Difference rate = |registry − statistics| ÷ statistics, as the notice defines it (a rate above 10% was publicly criticised; exactly 10% is not above it); record mismatch = staff in one system only ÷ staff in either. The share of staff missing a required element must not exceed 5% (exactly 5% is within it). No name or identifier appears in this report.',
    noRegistration: 'The data folder has no sales-staff tables (sales_staff_registry and sales_staff_statistics): the registration is not reconciled this quarter.',
    byBranch: 'The company and each branch',
    company: 'company',
    element: (e) => e,
    band: (b) => b.label,
    source: { registry: 'registration system', statistics: 'statistics system', hr: 'HR system', disclosure: 'public disclosure' },
    traceability: 'Sales recordings (S4, 双录)',
    traceabilityIntro: ({ quarter, policies, required, recorded, missing, late, undetermined, firstReview, finalReview, median }) =>
      `Of the ${policies} policies applied for in ${quarter}, ${required} need an audio-video recording of the sale under the rulebook's rules: ${recorded} have one, ${missing} do not, and ${late} were recorded after the application date; ${undetermined} cannot be judged for want of data. First-review pass rate ${firstReview}, final ${finalReview}; median duration ${median}.`,
    traceabilityMethod:
      'Individual long-term business sold through bancassurance and other concurrent agencies is recorded in full, through other channels when the policyholder is 60 or older on the application date (60 included), and in full in the regions the rulebook lists; the recording is made when the application is filled in. Pass-rate floors are the workbench’s configurable defaults.',
    noTraceability: 'The data folder has no recordings table: sales recordings are not traced this quarter.',
    byChannel: 'By channel',
    byRuleRegion: 'Sales requiring a recording, by the rule that requires it and region',
    applicationDates: ({ policies, applications, issueDate }) => `Application dates: ${policies} from the policies table, ${applications} from the applications table, ${issueDate} taken as the issue date (none given).`,
  },
};

const ZH: Wording = {
  title: (q) => `${q.slice(0, 4)}年第${'一二三四'[Number(q[5]) - 1]}季度精算审阅报告`,
  contents: '目录',
  severity: { critical: '严重', major: '重要', minor: '一般', info: '提示' },
  summary: '摘要',
  summaryIntro: (data, end) =>
    `本报告供总精算师审阅，数据取自 ${data}，经验数据截至 ${end}。以下全部数据均由系统根据记录的输入自动生成，未经人工修改（S3 第十九条）；随附的证据包可以再现本报告（awb verify）。`,
  findingsBySeverity: '按严重程度统计的发现',
  sectionStatus: '各部分状态',
  section: '部分',
  status: '状态',
  findingsCount: '发现数',
  severityHeading: '严重程度',
  value: { single: '趸交', regular: '期交', individual: '个人', group: '团体', complete: '已完成', unavailable: '不可用', 'not-applicable': '不适用', ...SERVICE_TYPE_ZH },
  complete: '已完成',
  unavailable: '不可用',
  notApplicable: '不适用',
  headline: '严重及重要发现',
  noFindings: '无发现。',
  sections: {
    backtest: { title: '定价回溯', basis: 'S1 第（十六）、（十七）条及附件2第三部分' },
    lossratio: { title: '赔付率规则', basis: 'S2 定价调整' },
    expense: { title: '费用率上限', basis: 'S1 第（九）条第2项、第（十）条；S2' },
    eligibility: { title: '经营资质（偿付能力与责任准备金覆盖率）', basis: 'S1 第（三）、（十一）条及附件1' },
    satisfaction: { title: '客户满意度指数', basis: 'S3 第二十二至二十四条' },
    service: { title: '在线服务标准', basis: 'S1 第（五）、（六）条 在线服务时限' },
    conduct: { title: '销售行为管理', basis: 'S5 销售人员执业登记；S4 销售行为可回溯（双录）' },
  },
  commandMissing: (c) => `本部分不可用：当前版本的系统没有 \`awb ${c}\` 命令，因此未作计算。本部分没有任何估计或人工填写的内容。`,
  noSurvey: (dir) => `${dir} 中没有满意度调查数据（survey.csv、.xlsx 或 .parquet），本季度无指数可报告。`,
  noSurveyModel: (s) => `存在调查数据（${s}）但缺少模型文件：请将 survey_model.json 放在同一目录，或使用 --survey-model FILE。`,
  computedBy: (argv) => `计算命令：${argv}`,
  findingsOfSection: '发现',
  tablesOfSection: '表格',
  chartsOfSection: '图表',
  tableTruncated: (shown, total, file) => `仅显示 ${total} 行中的前 ${shown} 行；完整表格见证据包中的 ${file}。`,
  tableOfPeriod: (period, shown, total, file) => `显示 ${total} 行中 ${period} 的 ${shown} 行；完整表格见证据包中的 ${file}。`,
  figure: (n, name, command) => `图 ${n}. ${name}（awb ${command}）`,
  allFindings: '全部发现及其依据',
  allFindingsIntro: '各部分的全部发现，按严重程度排列，并附所适用规则的原文。',
  provenance: '数据来源与可再现性',
  provenanceIntro: '本报告所依据的输入文件及其 SHA-256；证据包中的 manifest.json 另记录了软件、运行环境及每个输出文件的哈希值。',
  input: '输入文件',
  rulebook: '规则库',
  software: '软件',
  verifyHint: '日后核验：awb verify <证据包目录> 将根据这些输入重新计算每个输出，并逐字节比对。',
  column: COLUMN_ZH,
  rule: '规则',
  product: '产品',
  period: '期间',
  message: '发现',
  citation: '依据',
  values: '触发值',
  page: '页',
  yes: '是',
  no: '否',
  document: {
    company: '公司',
    quarter: '审阅季度',
    asOf: '经验数据截至',
    data: '数据目录',
    signOffHeading: '签署',
    signOffStatement: (q) => `本人已审阅${q}季度精算审阅报告、其中的发现及可复核本报告的证据包，同意报送。`,
    chiefActuary: '总精算师',
    name: '姓名',
    signature: '签字',
    date: '日期',
    appendix: (l) => `附录${l}`,
    part: (n, of) => `第${n}部分，共${of}部分（标识列重复）`,
    fullTables: (section) => `完整表格：${section}`,
    fullTablesIntro: '本部分各命令存档的全部表格及其所有列；表格含期间时列出审阅季度（或年度）的行。证据包中的 tables.xlsx 含全部行。',
    tableRows: (shown, total, sheet) => (shown < total ? `（${total}行中的${shown}行；全部见 tables.xlsx 工作表 ${sheet}）` : `（${total}行）`),
    chartPart: (n, of) => `（${n}/${of}）`,
    assessment: '评估',
  },
  annex: {
    heading: '互联网人身保险回溯工作情况（S1 附件2 第三部分）',
    intro: (q, asOf) => `${q} 业务回溯：截至 ${asOf} 的实际经营情况与精算假设的比较。以下各小节依照附件2（二）至（五）的要求：产品基本信息及再保险安排、相关指标回溯情况、原因及合理性评估、公司采取的措施。`,
    scope: '1. 纳入定价回溯的产品基本信息及再保险安排',
    scopeIntro: '本季度纳入定价回溯的互联网人身保险产品，以及本季度分出保费和摊回赔款的占比（取自财务数据）。',
    reinsurance: '再保险安排',
    cededShare: '分出保费占比',
    cededClaimsShare: '摊回赔款占比',
    noReinsurance: '无分保记录',
    indicators: '2. 相关指标回溯情况',
    indicatorsIntro: '实际/预期 = 实际值 ÷ 预期值；偏差 = 实际值 − 预期值；实际/预期的95%置信区间；有限波动可信度 Z。',
    reasons: '3. 原因及合理性评估',
    reasonsIntro: '各项偏差属于随机波动（实际/预期的95%置信区间包含1）还是系统性偏差，以及经验数据的可信度。',
    measures: '4. 公司采取的措施',
    measuresIntro: '依照 S1 第（十六）条，按严重程度依次为：予以关注、调整改进、主动报告、信息披露；触发条件见规则 BT-MEASURE。',
    noMeasure: '本季度没有需要采取措施的偏差。',
    year: '本年度回溯工作情况',
    yearIntro: (y) => `${y}年各产品各季度的回溯措施（附件2（一）：年度回溯情况及对定价科学性的整体判断）。`,
    noCells: (q) => `回溯未产生 ${q} 的结果。`,
    deviation: '偏差',
    significant: '显著',
    assessment: ({ ae, ciLow, ciHigh, credibility, persistent }) => {
      if (ae === null) return '无法计算（无预期值）。';
      const run = persistent !== null && persistent > 1 ? `偏差已连续 ${persistent} 期保持同一方向。` : '';
      const within = ciLow !== null && ciHigh !== null && ciLow <= 1 && ciHigh >= 1;
      const z = credibility === null ? '' : credibility >= 1 ? '经验数据完全可信。' : `经验数据部分可信（Z = ${fmt(credibility, 2)}）。`;
      if (ciLow === null || ciHigh === null) return `实际/预期 ${fmt(ae, 3)}；无置信区间。${z}`;
      return within
        ? `属于随机波动：95%置信区间 ${fmt(ciLow, 3)}–${fmt(ciHigh, 3)} 包含1。${z}`
        : `系统性偏差：实际${ae > 1 ? '高于' : '低于'}假设，95%置信区间 ${fmt(ciLow, 3)}–${fmt(ciHigh, 3)} 不包含1。${run}${z}`;
    },
    measure: { attention: '予以关注', adjust: '调整改进', report: '主动报告', disclose: '信息披露' },
    indicator: { ...inLanguage(INDICATOR, 'zh'), loss_ratio: '赔付率（再保后）' },
    line: inLanguage(LINE, 'zh'),
  },
  service: {
    intro: ({ period, from, to, asOf, calendar, receiptCounted }) =>
      `${period}（${from}至${to}）接收的在线服务事项，于 ${asOf} 按 S1 第（六）条的时限判定。工作日依国务院办公厅节假日安排（含调休上班日）计算（${calendar}）；接收当日${receiptCounted ? '计入' : '不计入'}，时限至最后一个工作日结束，复杂理赔案件的30日按自然日计算（规则 ILI-SVC-COUNTING）。`,
    byType: '各服务类型时效达成率',
    byTypeNote: '时效达成率 = 按时完成 ÷（按时完成 + 逾期完成 + 逾期未完成）；咨询为接通率（S1 第（六）条第1项：不低于95%）。用时为工作日数的中位数及第95百分位（取实际值）。',
    byBranch: '未达时限的分支机构',
    byBranchNote: (shown, total) => `有逾期事项的 ${total} 个分支机构与服务类型组合中，时效达成率最低的 ${shown} 个；规则 ILI-SVC-BRANCH 对判定件数不少于50件且达成率低于90%的分支机构提出发现。`,
    noBranch: '没有分支机构逾期。',
    byDay: '逾期事项按接收日期统计',
    byDayNote: (shown, total) => `逾期事项最多的 ${shown} 天（共 ${total} 天）；全部逾期事项见证据包中的 tables/service_exceptions.csv。`,
    noExceptions: '没有逾期事项。',
    outOfChannel: (n) => `${n} 件线下服务不属于 S1 第（六）条的在线服务标准，未作判定。`,
    limit: (amount, unit) => (unit === 'working_days' ? `${amount}个工作日` : `${amount}日`),
  },
  conduct: {
    registration: '销售人员执业登记（S5）',
    registrationIntro: ({ asOf, sources, difference, missing, band }) =>
      `截至${asOf}：${sources}。中介系统执业登记与统信系统同口径数据的差异率为${difference}；缺失执业登记信息要素的销售人员占比为${missing}（所在区间：${band}）。`,
    registrationMethod:
      '按规范化后的人员编号逐人核对（全角数字、空格、大小写，15位身份证号码升为18位）。差异率 = |中介系统 − 统信系统| ÷ 统信系统，与通报的口径一致（高于10%被通报批评；恰为10%不属于高于10%）；逐人不匹配率 = 仅在一个系统的人数 ÷ 至少在一个系统的人数。缺失执业登记信息要素的销售人员占比不得超过5%（恰为5%符合要求）。本报告不出现任何姓名或证件号码。',
    noRegistration: '数据目录中没有销售人员表（sales_staff_registry 与 sales_staff_statistics），本季度未核对执业登记。',
    byBranch: '全公司及各分支机构',
    company: '全公司',
    element: (e) => TABLES.sales_staff_registry.columns.find((c) => c.name === e)?.descriptionZh.replace(/（[^）]*）$/, '') ?? e,
    band: (b) => b.label_zh,
    source: { registry: '中介系统执业登记', statistics: '统信系统', hr: '人员管理系统', disclosure: '对外公开披露' },
    traceability: '销售行为可回溯（S4，双录）',
    traceabilityIntro: ({ quarter, policies, required, recorded, missing, late, undetermined, firstReview, finalReview, median }) =>
      `${quarter}投保的${policies}件保单中，按规则库应双录${required}件：已双录${recorded}件，未双录${missing}件，晚于投保日期录制${late}件；因数据不全无法判断${undetermined}件。一审通过率${firstReview}，终审通过率${finalReview}；时长中位数${median.replace(/ min$/, '分钟')}。`,
    traceabilityMethod:
      '兼业代理（含银保）个人长险业务全量双录，其他渠道投保人于投保日年满60周岁（含）的个人长险业务双录，规则库所列地区个人长险业务全量双录；双录应在投保人填写投保单时录制。通过率下限为系统可配置的默认值。',
    noTraceability: '数据目录中没有双录表（recordings），本季度未核查销售行为可回溯。',
    byChannel: '按渠道',
    byRuleRegion: '应双录保单：按适用规则及地区',
    applicationDates: ({ policies, applications, issueDate }) => `投保日期：取自保单表${policies}件，取自投保信息表${applications}件，未提供而以生效日期代替${issueDate}件。`,
  },
};

/**
 * The review's wording in a language. Column names without a translation are shown as they are.
 * @example wording('zh').title('2025Q4') // '2025年第四季度精算审阅报告'
 */
export function wording(lang: Lang): Wording {
  return lang === 'zh' ? ZH : EN;
}

/** A column's heading in the review's language: its Chinese name in `zh`, else the column with spaces for underscores. */
export function columnLabel(w: Wording, column: string): string {
  return w.column[column] ?? column.replace(/_/g, ' ');
}

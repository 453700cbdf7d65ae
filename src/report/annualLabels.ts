import type { Lang } from '../present/column';
import type { PricingVerdict } from './annualJudgement';

/** The fixed wording of the annual report in one language; figures, findings and the narrative are never translated here. */
export interface AnnualWording {
  readonly title: (year: number) => string;
  /** What the report is and how its figures were made, on the first part's first line. */
  readonly filing: string;
  readonly contents: string;
  readonly parts: readonly [string, string, string, string, string];
  readonly lines: Readonly<Record<'accident' | 'life' | 'health' | 'annuity', string>>;
  /** The four lines' names in a sentence or a table cell. */
  readonly lineName: Readonly<Record<'accident' | 'life' | 'health' | 'annuity', string>>;
  readonly development: string;
  readonly structure: string;
  readonly sustainability: string;
  readonly regions: string;
  readonly regionsNote: string;
  readonly productsNote: string;
  readonly termsNote: string;
  readonly platformsNote: string;
  readonly sustainabilityNote: string;
  readonly noProducts: (line: string, year: number) => string;
  readonly notProvided: (table: string) => string;
  readonly notProvidedNote: (table: string, what: string) => string;
  readonly optionalTable: Readonly<Record<'insured_persons' | 'channels' | 'outlets' | 'product_events' | 'reinsurance', string>>;
  readonly basics: string;
  readonly capitalNote: string;
  readonly verdictsNote: (quarter: string) => string;
  readonly governance: (grade: string, penalty: string) => string;
  readonly compliance: string;
  readonly complianceNote: string;
  readonly noFindings: string;
  readonly scope: string;
  readonly scopeRequired: string;
  readonly scopeNotRequired: string;
  readonly productList: string;
  readonly onSale: (yearEnd: string) => string;
  readonly withdrawn: string;
  readonly newProducts: string;
  readonly none: string;
  readonly backtestYear: string;
  readonly backtestYearNote: string;
  readonly overTheYear: string;
  readonly overTheYearNote: string;
  readonly verdict: (v: PricingVerdict, revise: readonly string[]) => string;
  readonly quarterHeading: (n: number, quarter: string) => string;
  readonly quarterIntro: (a: { quarter: string; asOf: string; from: string; products: number; indicators: number }) => string;
  readonly treaties: string;
  readonly narrativeOf: (file: string, sha: string, line: number) => string;
  readonly noNarrative: string;
  readonly notProvidedHeading: string;
  readonly notProvidedIntro: string;
  readonly allProvided: string;
  readonly provenance: string;
  readonly provenanceIntro: string;
  readonly verifyHint: string;
  readonly method: (basis: string, from: string) => string;
  readonly platform: Readonly<Record<string, string>>;
  readonly band: Readonly<Record<string, string>>;
  readonly event: Readonly<Record<string, string>>;
  readonly column: Readonly<Record<string, string>>;
  readonly pageNumber: string;
}

const EN: AnnualWording = {
  title: (y) => `Internet life insurance business report ${y}`,
  filing: "Filed under S1 §17 in the template of annex 2; every figure is computed by the workbench from the data, except parts 四 and 五, the chief actuary's own text.",
  contents: 'Contents',
  parts: ['一、Internet life insurance business', '二、Eligibility for internet life business', '三、Pricing backtesting', '四、Risks and main problems', '五、Business plan and policy suggestions'],
  lines: { accident: '(一) Accident insurance', life: '(二) Life insurance', health: '(三) Health insurance', annuity: '(四) Annuities' },
  lineName: { accident: 'accident', life: 'life', health: 'health', annuity: 'annuity' },
  development: 'Business development: premium, policies, insured persons',
  structure: 'Business structure: product forms, terms, own platform and intermediaries',
  sustainability: 'Sustainability: cost, expenses and profitability',
  regions: 'Operating regions and outlets',
  regionsNote: 'New internet health policies of the year by region (policies table) and the offline service presence there (S1 §13: a provincial branch, or a partner with outlets).',
  productsNote: 'Internet products of the line with premium income in the year (finance ledger); share of the line’s premium.',
  termsNote: 'Premium income by term: one year or less, over one year to ten years, over ten years.',
  platformsNote: 'New business of the year (policies issued in it, annual or single premium) by where it was sold: the company’s own platform, an intermediary’s, or offline.',
  sustainabilityNote: 'Earned premium = premium income + opening − closing unearned premium reserve; incurred claims = claims paid + closing − opening outstanding claims reserve; expense rate = expenses ÷ premium income; underwriting result = earned − incurred − expenses − ceded premium + recovered claims (before investment income, shown separately).',
  noProducts: (line, y) => `No internet ${line} products had premium income in ${y}.`,
  notProvided: (t) => `not provided: table ${t}`,
  notProvidedNote: (t, what) => `Not provided: table ${t} (${what}). The figures it would give are left out, not set to zero.`,
  optionalTable: {
    insured_persons: 'insured persons per product and year',
    channels: 'the platform of each sales channel',
    outlets: 'operating regions and outlets of health business',
    product_events: 'products approved, filed and withdrawn',
    reinsurance: 'reinsurance treaties per product',
  },
  basics: '(一) Solvency, risk rating, reserve coverage and compliance',
  capitalNote: 'Each quarter of the year (solvency table); reserve coverage ratio by S1 annex 1.',
  verdictsNote: (q) => `Eligibility rules on the four consecutive quarters ending ${q} (S1 §3, §11).`,
  governance: (g, p) => `Corporate governance grade: ${g}. Major administrative penalty for internet business in the previous year: ${p}.`,
  compliance: 'Compliance of the internet products',
  complianceNote: 'Findings of the expense caps (S1 §9.2) and the accident loss-ratio rules (S2) on internet products for the year.',
  noFindings: 'No findings.',
  scope: '(二) Adjustment of the business scope',
  scopeRequired: 'The business scope must be adjusted (S1 §17 ¶2: announced ten days ahead on every sales page and completed by 1 April). Triggers:',
  scopeNotRequired: 'No adjustment of the business scope is required: every eligibility rule holds and no internet product must stop selling.',
  productList: '(三) Internet life insurance products',
  onSale: (d) => `Products on sale at ${d}`,
  withdrawn: 'Withdrawn in the year, with reasons',
  newProducts: 'Newly approved or filed in the year',
  none: 'None.',
  backtestYear: '(一) Backtesting in the year',
  backtestYearNote: 'The four quarterly backtests: time (experience to the quarter’s last day), method, results and the measures of rule BT-MEASURE. They are the backtests filed in the quarterly reviews (awb review), recomputed on the data as they stand.',
  overTheYear: 'Indicators that called for a measure, by quarter',
  overTheYearNote: 'Measures under S1 §16 by growing severity: attention, adjustment, report to the regulator, disclosure.',
  verdict: (v, r) =>
    v === 'sound'
      ? 'Judgement on pricing soundness: no indicator called for a measure in any quarter; the pricing assumptions of the products backtested are borne out by the year’s experience.'
      : v === 'monitor'
        ? 'Judgement on pricing soundness: deviations called for attention only; the pricing assumptions are judged sound and the deviations are monitored.'
        : `Judgement on pricing soundness: the pricing assumptions of ${r.join(', ')} are not borne out by the year’s experience (adjustment or beyond in at least one quarter) and are to be revised; the others are judged sound.`,
  quarterHeading: (n, q) => `(${['二', '三', '四', '五'][n - 1]}) Backtest of ${q}`,
  quarterIntro: ({ quarter, asOf, from, products, indicators }) => `Backtest of ${quarter}: experience from ${from} to ${asOf} against the pricing assumptions, calendar quarters; ${products} products in scope, ${indicators} indicator results.`,
  treaties: 'Reinsurance treaties in force in the quarter',
  narrativeOf: (f, s, l) => `The chief actuary’s text, placed as written (from ${f}, line ${l}; SHA-256 ${s}).`,
  noNarrative: 'Not provided: the chief actuary’s narrative (awb annual-report --narrative FILE). This part is the chief actuary’s own text; the workbench writes none.',
  notProvidedHeading: 'Appendix A. Tables not provided',
  notProvidedIntro: 'Optional tables of the data folder that the annex needs and the folder lacks; the report names each where its figures would be.',
  allProvided: 'Every optional table was provided.',
  provenance: 'Appendix B. Data and reproducibility',
  provenanceIntro: 'Every file read, with its SHA-256. awb verify recomputes this report from them.',
  verifyHint: 'Reproduce: awb verify <this folder>.',
  method: (basis, from) => `${basis}, from ${from}`,
  platform: { own: 'own platform', intermediary: 'intermediary', offline: 'offline' },
  band: { up_to_1y: '≤ 1 year', over_1y_to_10y: '1–10 years', over_10y: '> 10 years' },
  event: { approved: 'approved', filed: 'filed', withdrawn: 'withdrawn' },
  column: {
    premium_share: 'share of line premium',
    form: 'form',
    band: 'term',
    share: 'share',
    platform: 'platform',
    policies: 'policies',
    premium: 'premium',
    underwriting_result: 'underwriting result',
    expense_rate: 'expense rate',
    rule: 'rule',
    window: 'quarters',
    eligible: 'eligible',
    failures: 'why not',
    products: 'products',
    detail: 'detail',
    as_of: 'experience to',
    method: 'method',
    indicators: 'indicator results',
    attention: 'attention',
    adjust: 'adjust',
    report: 'report',
    disclose: 'disclose',
    q1: 'Q1',
    q2: 'Q2',
    q3: 'Q3',
    q4: 'Q4',
    event: 'event',
    date: 'date',
    input: 'file',
  },
  pageNumber: 'Page {page} of {pages}',
};

const ZH: AnnualWording = {
  title: (y) => `${y}年互联网人身保险业务经营情况报告`,
  filing: '依据S1第（十七）条按附件2模板报送；除第四、五部分为总精算师本人撰写外，各项数据均由系统根据数据计算生成。',
  contents: '目录',
  parts: ['一、互联网人身保险业务经营情况', '二、互联网人身保险经营资质', '三、互联网人身保险回溯工作情况', '四、存在风险和主要问题', '五、业务发展计划及政策建议'],
  lines: { accident: '（一）意外险经营情况', life: '（二）人寿保险经营情况', health: '（三）健康保险经营情况', annuity: '（四）年金保险' },
  lineName: { accident: '意外险', life: '人寿保险', health: '健康保险', annuity: '年金保险' },
  development: '业务发展指标：保费规模、保单件数、承保人数',
  structure: '业务结构指标：主流产品形态、保险期间、自营和中介业务占比',
  sustainability: '业务持续性指标：成本费用情况、盈利性',
  regions: '经营区域及网点建设',
  regionsNote: '本年度互联网健康险新单按地区分布（保单表），及当地线下服务能力（S1第（十三）条：省级分公司或合作机构网点）。',
  productsNote: '本险种本年度有保费收入的互联网产品（财务台账）及其占本险种保费的比例。',
  termsNote: '按保险期间分的保费收入：一年及以下、一年以上至十年、十年以上。',
  platformsNote: '本年度新单（年内承保保单的年缴或趸缴保费）按销售平台分：自营平台、中介机构平台、线下。',
  sustainabilityNote: '已赚保费＝保费收入＋期初未到期责任准备金－期末未到期责任准备金；已发生赔款＝赔款支出＋期末未决赔款准备金－期初未决赔款准备金；费用率＝费用÷保费收入；承保结果＝已赚保费－已发生赔款－费用－分出保费＋摊回赔款（未含投资收益，另列）。',
  noProducts: (line, y) => `${y}年无有保费收入的互联网${line}产品。`,
  notProvided: (t) => `未提供：${t}表`,
  notProvidedNote: (t, what) => `未提供：${t}表（${what}）。相关数据不予列示，不以零填充。`,
  optionalTable: {
    insured_persons: '各产品各年度承保人数',
    channels: '各销售渠道所属平台',
    outlets: '健康险经营区域及网点',
    product_events: '产品审批、备案及停售',
    reinsurance: '各产品再保险合同',
  },
  basics: '（一）基本情况：偿付能力、风险综合评级、责任准备金及合规经营',
  capitalNote: '本年度各季度数据（偿付能力表）；责任准备金覆盖率按S1附件1计算。',
  verdictsNote: (q) => `截至${q}连续四个季度的经营资质规则（S1第（三）条、第（十一）条）。`,
  governance: (g, p) => `公司治理评估等级：${g}。上年度因互联网保险业务受到重大行政处罚：${p}。`,
  compliance: '互联网产品合规经营情况',
  complianceNote: '本年度互联网产品的附加费用率上限（S1第（九）条）及意外险赔付率规则（S2）发现。',
  noFindings: '无发现。',
  scope: '（二）业务范围调整情况及相关保障措施',
  scopeRequired: '需开展业务范围调整（S1第（十七）条第二款：提前10日在各销售页面连续公告，并于4月1日前完成）。触发原因：',
  scopeNotRequired: '无需调整业务范围：各项经营资质规则均满足，且无须停售的互联网产品。',
  productList: '（三）互联网人身保险产品情况',
  onSale: (d) => `截至${d}在售产品列表`,
  withdrawn: '报告期内停售产品列表及原因',
  newProducts: '报告期内新审批或备案产品列表',
  none: '无。',
  backtestYear: '（一）上年度回溯工作情况',
  backtestYearNote: '四次业务回溯的时间（经验数据截至季度末）、方法、回溯情况及按BT-MEASURE规则采取的措施；与季度审阅（awb review）报送的回溯相同，按现有数据重新计算。',
  overTheYear: '需采取措施的指标（按季度）',
  overTheYearNote: 'S1第（十六）条措施，按严重程度递增：予以关注、调整改进、主动报告、信息披露。',
  verdict: (v, r) =>
    v === 'sound'
      ? '对公司定价科学性的整体判断：各季度均无需采取措施的指标，回溯产品的定价假设与本年度经验相符。'
      : v === 'monitor'
        ? '对公司定价科学性的整体判断：偏差仅需予以关注，定价假设总体合理，相关偏差持续跟踪。'
        : `对公司定价科学性的整体判断：${r.join('、')}的定价假设与本年度经验不符（至少一个季度达到调整改进或以上），需予以修订；其余产品定价总体合理。`,
  quarterHeading: (n, q) => `（${['二', '三', '四', '五'][n - 1]}）${q.slice(0, 4)}年${['一', '二', '三', '四'][n - 1]}季度业务回溯情况`,
  quarterIntro: ({ quarter, asOf, from, products, indicators }) => `${quarter}回溯：${from}至${asOf}的经验数据与定价假设对比，按自然季度；纳入回溯产品${products}个，指标结果${indicators}项。`,
  treaties: '本季度有效的再保险合同',
  narrativeOf: (f, s, l) => `总精算师撰写，按原文列示（来源 ${f} 第${l}行；SHA-256 ${s}）。`,
  noNarrative: '未提供：总精算师撰写的文本（awb annual-report --narrative FILE）。本部分由总精算师本人撰写，系统不代写。',
  notProvidedHeading: '附录A　未提供的数据表',
  notProvidedIntro: '附件2所需而数据目录中缺少的可选数据表；报告在相应位置逐一注明。',
  allProvided: '所有可选数据表均已提供。',
  provenance: '附录B　数据与可复现性',
  provenanceIntro: '所读取的全部文件及其SHA-256。awb verify 可据此重新计算本报告。',
  verifyHint: '复现：awb verify <本目录>。',
  method: (basis, from) => `${basis === 'calendar-quarter' ? '按自然季度' : basis}，自${from}起`,
  platform: { own: '自营平台', intermediary: '中介机构', offline: '线下' },
  band: { up_to_1y: '一年及以下', over_1y_to_10y: '一年以上至十年', over_10y: '十年以上' },
  event: { approved: '审批', filed: '备案', withdrawn: '停售' },
  column: {
    premium_share: '占本险种保费比例',
    form: '产品形态',
    band: '保险期间',
    share: '占比',
    platform: '平台',
    policies: '保单件数',
    premium: '保费',
    underwriting_result: '承保结果',
    expense_rate: '费用率',
    rule: '规则',
    window: '考察季度',
    eligible: '满足',
    failures: '未满足原因',
    products: '产品数',
    detail: '说明',
    as_of: '经验截至',
    method: '方法',
    indicators: '指标结果数',
    attention: '予以关注',
    adjust: '调整改进',
    report: '主动报告',
    disclose: '信息披露',
    q1: '一季度',
    q2: '二季度',
    q3: '三季度',
    q4: '四季度',
    event: '事项',
    date: '日期',
    input: '文件',
    comprehensive_solvency_ratio: '综合偿付能力充足率',
    core_solvency_ratio: '核心偿付能力充足率',
    risk_class: '风险类别',
    product_name: '产品名称',
    line: '险种',
    internet: '互联网产品',
  },
  pageNumber: '第 {page} 页，共 {pages} 页',
};

/**
 * The annual report's wording in a language.
 * @example annualWording('zh').title(2025) // '2025年互联网人身保险业务经营情况报告'
 */
export function annualWording(lang: Lang): AnnualWording {
  return lang === 'zh' ? ZH : EN;
}

import type { GroupColumn } from '../satisfaction/surveyMatrix';
import type { Lang } from './labels';

/** How a construct reads in a sentence, in English (the model's name when it is not one of the ICSI seven). */
const CONSTRUCT_EN: Readonly<Record<string, string>> = {
  Image: 'corporate image',
  Expectation: 'customer expectation',
  Quality: 'perceived quality',
  Value: 'perceived value',
  Satisfaction: 'satisfaction',
  Complaints: 'complaint handling',
  Loyalty: 'loyalty',
};

/** A p-value as a manager reads it: `p < 0.001`, else three decimals. */
export function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

const one = (x: number) => x.toFixed(1);

/** Every word of the satisfaction report in one language. */
export interface IcsiReportWords {
  readonly title: (year: number | null) => string;
  readonly industry: string;
  readonly wholeSurvey: string;
  readonly contents: string;
  readonly page: string;
  readonly pageNumber: string;
  readonly appendix: (letter: string) => string;
  readonly part: (n: number, of: number) => string;
  readonly facts: { readonly survey: string; readonly previous: string; readonly model: string; readonly respondents: string; readonly seed: string; readonly software: string };
  readonly signOff: { readonly heading: string; readonly statement: (year: number | null) => string; readonly role: string; readonly name: string; readonly signature: string; readonly date: string };
  readonly construct: (code: string, zh: string | null) => string;
  readonly column: Readonly<Record<GroupColumn, string>>;
  readonly sections: {
    readonly summary: string;
    readonly indices: string;
    readonly allGroups: string;
    readonly groups: (column: GroupColumn) => string;
    readonly drivers: string;
    readonly gaps: string;
    readonly waves: (previous: number | null) => string;
    readonly methods: string;
    readonly provenance: string;
  };
  readonly basis: { readonly indices: string; readonly groups: string; readonly report: string };
  readonly headline: (index: number, low: number | null, high: number | null, n: number) => string;
  readonly indicesIntro: (resamples: number) => string;
  readonly groupsIntro: (column: GroupColumn) => string;
  readonly suppressed: (count: number, respondents: number, minimum: number) => string;
  readonly noneSuppressed: (minimum: number) => string;
  readonly driversIntro: (target: string) => string;
  readonly itemsIntro: (target: string) => string;
  readonly groupMapIntro: (target: string, column: GroupColumn) => string;
  readonly gapsIntro: (tests: number, permutations: number) => string;
  readonly gap: (group: string, construct: string, difference: number, groupIndex: number, restIndex: number, p: number) => string;
  readonly noGaps: string;
  readonly topGaps: string;
  readonly comparable: string;
  readonly notComparable: (constructs: readonly string[]) => string;
  readonly wavesIntro: (previous: number | null, resamples: number, permutations: number) => string;
  readonly change: (group: string | null, construct: string, change: number, low: number, high: number, previous: number | null) => string;
  readonly noChanges: string;
  readonly everything: string;
  readonly methodsModel: (constructs: number, items: number, paths: number, min: number, max: number) => string;
  readonly methodsEstimation: (scheme: string, scaled: boolean, missing: string, resamples: number, permutations: number, seed: number, iterations: number) => string;
  readonly methodsSample: (read: number, analysed: number, weighted: boolean, totalWeight: number) => string;
  readonly methodsMissing: (missing: number, replaced: number, dropped: number, treatment: string) => string;
  readonly criteriaIntro: string;
  readonly captions: { readonly criteria: string; readonly reliability: string; readonly paths: string };
  readonly criteria: Readonly<Record<'alpha' | 'rho_c' | 'ave' | 'htmt' | 'micom', string>>;
  readonly met: string;
  readonly notMet: (subjects: readonly string[]) => string;
  readonly provenanceIntro: string;
  readonly verifyHint: string;
  readonly input: string;
  readonly chart: { readonly ipmaTitle: (target: string) => string; readonly importance: (target: string) => string; readonly performance: string; readonly caption: string };
}

const EN: IcsiReportWords = {
  title: (year) => (year === null ? 'Customer satisfaction report' : `Customer satisfaction report ${year}`),
  industry: 'Industry satisfaction survey',
  wholeSurvey: 'Whole survey',
  contents: 'Contents',
  page: 'Page',
  pageNumber: 'Page {page} of {pages}',
  appendix: (l) => `Appendix ${l}.`,
  part: (n, of) => `Part ${n} of ${of} (the identifying columns repeat)`,
  facts: { survey: 'Survey', previous: 'Previous wave', model: 'Model', respondents: 'Respondents', seed: 'Random seed', software: 'Software' },
  signOff: {
    heading: 'Sign-off',
    statement: (year) => `I have reviewed this customer satisfaction report${year === null ? '' : ` for ${year}`}, its results and their explanation (S3 art. 29), and the evidence bundle from which it can be reproduced.`,
    role: 'Analyst responsible',
    name: 'Name',
    signature: 'Signature',
    date: 'Date',
  },
  construct: (code) => CONSTRUCT_EN[code] ?? code,
  column: { company: 'company', region: 'region', stage: 'business stage' },
  sections: {
    summary: 'Summary',
    indices: 'The satisfaction index and its seven constructs',
    allGroups: 'Indices by company, region and business stage',
    groups: (c) => ({ company: 'Indices by company', region: 'Indices by region', stage: 'Indices by business stage' })[c],
    drivers: 'What drives satisfaction and loyalty',
    gaps: 'Where a group differs from the rest',
    waves: (y) => (y === null ? 'Change since the previous wave' : `Change since ${y}`),
    methods: 'Methods',
    provenance: 'Provenance',
  },
  basis: { indices: 'S3 art. 22–24', groups: 'S3 art. 23', report: 'S3 art. 29' },
  headline: (index, low, high, n) => `The customer satisfaction index is ${one(index)} on the 0–100 scale${low === null || high === null ? '' : ` (95% interval ${one(low)} to ${one(high)})`}, from ${n.toLocaleString('en-US')} respondents.`,
  indicesIntro: (b) => `Each index is the weighted mean answer of its construct's items, weighted by the model's normalised outer weights and rescaled to 0–100. Intervals are 95% percentile intervals from ${b} bootstrap resamples of the respondents.`,
  groupsIntro: (c) => `Each ${c === 'stage' ? 'business stage' : c} is scored with the whole survey's index weights (S3 art. 23), so groups are comparable with each other and with the total.`,
  suppressed: (count, respondents, minimum) => `${count} group${count === 1 ? '' : 's'} with fewer than ${minimum} respondents (${respondents} respondents in all) ${count === 1 ? 'is' : 'are'} counted in the total but not shown.`,
  noneSuppressed: (minimum) => `Every group has at least ${minimum} respondents; none is suppressed.`,
  driversIntro: (t) => `The constructs that affect ${CONSTRUCT_EN[t] ?? t}: the standardised total effect (direct and through other constructs), the importance (index points gained on ${CONSTRUCT_EN[t] ?? t} per point gained on the construct) and the construct's index (its performance). Important constructs with a low index are where improvement pays most.`,
  itemsIntro: (t) => `The questions whose improvement gains ${CONSTRUCT_EN[t] ?? t} most: index points gained on ${CONSTRUCT_EN[t] ?? t} per point gained on the question (0–100), and the question's current score.`,
  groupMapIntro: (t, c) => `The importance–performance map of ${CONSTRUCT_EN[t] ?? t} for each ${c === 'stage' ? 'business stage' : c}: each construct's importance (the same for every group) and its index in each group.`,
  gapsIntro: (tests, permutations) => `Every group shown above is compared with all other respondents on every index. The difference is tested against ${permutations} random reassignments of the respondents to groups; p-values are adjusted by Holm's method over all ${tests} comparisons together, so the chance of any false alarm in this section is at most 5%.`,
  gap: (group, construct, d, g, r, p) => `${group}'s ${construct} is ${one(Math.abs(d))} points ${d < 0 ? 'below' : 'above'} the rest (${one(g)} against ${one(r)}), ${pText(p)}.`,
  noGaps: 'No group differs from the rest by more than chance would explain.',
  topGaps: 'Differences that are not chance (adjusted p < 0.05), largest first',
  comparable: 'The measurement is comparable across the waves (MICOM steps 1 and 2: same model, items, scale and settings; compositional invariance not rejected for any construct), so the changes below are changes in the same measures.',
  notComparable: (cs) => `Compositional invariance is rejected for ${cs.join(', ')}: the composites are formed differently in the two waves, so changes in ${cs.length === 1 ? 'this index' : 'these indices'} are not interpreted.`,
  wavesIntro: (y, b, p) => `Each wave is scored on its own estimate of the same model. Intervals are 95% percentile intervals of the change from ${b} independent bootstrap resamples of each wave; MICOM step 2 uses ${p} permutations of the respondents between the waves.`,
  change: (group, construct, c, low, high, y) => `${group === null ? 'The whole survey' : group}: ${construct} ${c < 0 ? 'fell' : 'rose'} ${one(Math.abs(c))} points${y === null ? '' : ` since ${y}`} (95% interval ${one(low)} to ${one(high)}).`,
  noChanges: 'No index changed by more than its interval allows.',
  everything: 'Every index and its change',
  methodsModel: (m, p, paths, min, max) => `The ICSI model (S3 art. 22–24): ${m} constructs measured by ${p} questions answered on a ${min}–${max} scale, related by ${paths} paths (the ECSI structure).`,
  methodsEstimation: (scheme, scaled, missing, b, p, seed, it) => `Estimated by partial least squares path modelling: ${scheme} inner weighting, ${scaled ? 'standardised' : 'centred'} items, missing answers by ${missing === 'mean' ? 'item-mean replacement' : 'casewise deletion'}; converged in ${it} iterations. Bootstrap ${b} resamples, permutation tests ${p} permutations, random seed ${seed}.`,
  methodsSample: (read, analysed, weighted, w) => `Sample: ${read.toLocaleString('en-US')} respondents read, ${analysed.toLocaleString('en-US')} analysed; ${weighted ? `survey weights used (sum ${w.toFixed(1)})` : 'unweighted'}.`,
  methodsMissing: (missing, replaced, dropped, t) => `Missing answers: ${missing.toLocaleString('en-US')} in all; ${t === 'mean' ? `${replaced.toLocaleString('en-US')} replaced by the item mean for estimation (indices use the answers given)` : `${dropped.toLocaleString('en-US')} respondents dropped`}.`,
  criteriaIntro: 'Quality criteria, their thresholds and sources, and whether the model meets them:',
  captions: { criteria: 'Quality criteria', reliability: 'Reliability and explained variance of each construct', paths: 'Path coefficients' },
  criteria: {
    alpha: "Cronbach's α ≥ 0.70 (Hair, Risher, Sarstedt & Ringle 2019, Table II)",
    rho_c: 'Composite reliability ρ_C ≥ 0.70 (Hair et al. 2019, Table II)',
    ave: 'Average variance extracted ≥ 0.50 (Hair et al. 2019, Table II)',
    htmt: 'HTMT < 0.85 between distinct constructs (Henseler, Ringle & Sarstedt 2015, p. 128)',
    micom: 'MICOM step 2: c not below the 5% quantile of its permutations (Henseler, Ringle & Sarstedt 2016)',
  },
  met: 'met by every construct',
  notMet: (s) => `not met: ${s.join(', ')}`,
  provenanceIntro: 'The inputs this report was computed from, identified by their SHA-256; the evidence bundle’s manifest.json records them with the software, runtime and every output’s hash. No respondent identifier or free-text answer is in this report or its bundle (S3 art. 34).',
  verifyHint: 'To check this report later: awb verify <bundle folder> recomputes every output from these inputs and compares it byte for byte.',
  input: 'Input',
  chart: {
    ipmaTitle: (t) => `Importance–performance map: ${CONSTRUCT_EN[t] ?? t}`,
    importance: (t) => `Importance (index points on ${CONSTRUCT_EN[t] ?? t} per point)`,
    performance: 'Performance (index 0–100)',
    caption: 'Dashed lines: the mean importance and the mean performance. Lower right: important and below average.',
  },
};

const ZH_COLUMN: Readonly<Record<GroupColumn, string>> = { company: '公司', region: '地区', stage: '业务环节' };

const ZH: IcsiReportWords = {
  title: (year) => (year === null ? '客户满意度测评报告' : `${year}年度客户满意度测评报告`),
  industry: '行业客户满意度调查',
  wholeSurvey: '全部样本',
  contents: '目录',
  page: '页',
  pageNumber: '第 {page} 页，共 {pages} 页',
  appendix: (l) => `附录${l}`,
  part: (n, of) => `第${n}部分，共${of}部分（标识列重复）`,
  facts: { survey: '调查数据', previous: '上一期调查', model: '模型', respondents: '受访者', seed: '随机种子', software: '软件' },
  signOff: {
    heading: '签署',
    statement: (year) => `本人已审阅${year === null ? '' : `${year}年度`}客户满意度测评报告、各项结果及其说明（S3 第二十九条），以及可复核本报告的证据包。`,
    role: '负责分析人员',
    name: '姓名',
    signature: '签字',
    date: '日期',
  },
  construct: (code, zh) => zh ?? code,
  column: ZH_COLUMN,
  sections: {
    summary: '摘要',
    indices: '满意度指数及七个潜变量指数',
    allGroups: '各公司、地区及业务环节指数',
    groups: (c) => `各${ZH_COLUMN[c]}指数`,
    drivers: '满意度与忠诚度的驱动因素',
    gaps: '与其他群体存在差异的群体',
    waves: (y) => (y === null ? '与上一期相比的变化' : `与${y}年相比的变化`),
    methods: '方法说明',
    provenance: '数据来源与可再现性',
  },
  basis: { indices: 'S3 第二十二至二十四条', groups: 'S3 第二十三条', report: 'S3 第二十九条' },
  headline: (index, low, high, n) => `客户满意度指数为 ${one(index)} 分（0–100 分制）${low === null || high === null ? '' : `，95%置信区间 ${one(low)} 至 ${one(high)}`}，基于 ${n} 名受访者。`,
  indicesIntro: (b) => `各指数为该潜变量题项平均得分的加权平均（权重为模型的归一化外部权重），并换算为 0–100 分。区间为对受访者 ${b} 次自助法重抽样得到的 95% 百分位区间。`,
  groupsIntro: (c) => `各${ZH_COLUMN[c]}均以全部样本的指数权重计分（S3 第二十三条），因此各群体之间及与总体之间可以比较。`,
  suppressed: (count, respondents, minimum) => `受访者少于 ${minimum} 名的 ${count} 个群体（共 ${respondents} 名受访者）计入总体，但不单独列示。`,
  noneSuppressed: (minimum) => `每个群体均有至少 ${minimum} 名受访者，无群体被隐去。`,
  driversIntro: () => '对目标潜变量有影响的各潜变量：标准化总效应（直接效应与经由其他潜变量的间接效应之和）、重要性（该潜变量每提高 1 分，目标指数提高的分数）及该潜变量的指数（表现）。重要性高而表现低的潜变量最值得改进。',
  itemsIntro: () => '改进后对目标指数提升最大的题项：题项得分（0–100 分）每提高 1 分，目标指数提高的分数，以及题项当前得分。',
  groupMapIntro: (_, c) => `各${ZH_COLUMN[c]}的重要性—表现矩阵：各潜变量的重要性（各群体相同）及其在各群体中的指数（表现）。`,
  gapsIntro: (tests, permutations) => `上文列示的每个群体均在每项指数上与其他全部受访者比较。差异以将受访者随机重新分组 ${permutations} 次得到的分布检验；p 值经 Holm 方法对全部 ${tests} 项比较共同校正，本部分出现任何误报的概率不超过 5%。`,
  gap: (group, construct, d, g, r, p) => `${group}的${construct}指数比其他受访者${d < 0 ? '低' : '高'} ${one(Math.abs(d))} 分（${one(g)} 对 ${one(r)}），${pText(p)}。`,
  noGaps: '没有任何群体与其他受访者的差异超出随机波动的范围。',
  topGaps: '并非随机波动的差异（校正后 p < 0.05），按差异大小排列',
  comparable: '两期调查的测量具有可比性（MICOM 第一、二步：模型、题项、量表及设置相同；所有潜变量均未拒绝构成不变性），因此下列变化是同一测量的变化。',
  notComparable: (cs) => `${cs.join('、')}的构成不变性被拒绝：两期调查中该潜变量的构成方式不同，其指数变化不作解读。`,
  wavesIntro: (_, b, p) => `每期调查均以同一模型各自估计后计分。区间为对两期调查各自独立进行 ${b} 次自助法重抽样得到的变化的 95% 百分位区间；MICOM 第二步在两期受访者之间进行 ${p} 次置换。`,
  change: (group, construct, c, low, high, y) => `${group === null ? '全部样本' : group}：${construct}指数${y === null ? '' : `较${y}年`}${c < 0 ? '下降' : '上升'} ${one(Math.abs(c))} 分（95%置信区间 ${one(low)} 至 ${one(high)}）。`,
  noChanges: '没有任何指数的变化超出其置信区间所允许的范围。',
  everything: '各指数及其变化',
  methodsModel: (m, p, paths, min, max) => `中国保险服务满意度指数模型（S3 第二十二至二十四条）：${m} 个潜变量，由 ${p} 个题项测量（${min}–${max} 分量表），潜变量之间有 ${paths} 条路径（ECSI 结构）。`,
  methodsEstimation: (scheme, scaled, missing, b, p, seed, it) => `采用偏最小二乘路径模型估计：内部权重方案为${scheme === 'path' ? '路径加权' : scheme === 'centroid' ? '重心加权' : '因子加权'}，题项${scaled ? '标准化' : '中心化'}，缺失作答${missing === 'mean' ? '以题项均值替代' : '整例删除'}；迭代 ${it} 次收敛。自助法重抽样 ${b} 次，置换检验 ${p} 次，随机种子 ${seed}。`,
  methodsSample: (read, analysed, weighted, w) => `样本：读入 ${read} 名受访者，分析 ${analysed} 名；${weighted ? `使用调查权重（权重合计 ${w.toFixed(1)}）` : '未加权'}。`,
  methodsMissing: (missing, replaced, dropped, t) => `缺失作答：共 ${missing} 个；${t === 'mean' ? `估计时 ${replaced} 个以题项均值替代（指数按实际作答计算）` : `删除 ${dropped} 名受访者`}。`,
  criteriaIntro: '质量标准、阈值及其出处，以及模型是否满足：',
  captions: { criteria: '质量标准', reliability: '各潜变量的信度与解释方差', paths: '路径系数' },
  criteria: {
    alpha: 'Cronbach α ≥ 0.70（Hair、Risher、Sarstedt 与 Ringle 2019，表 II）',
    rho_c: '组合信度 ρ_C ≥ 0.70（Hair 等 2019，表 II）',
    ave: '平均方差抽取量 ≥ 0.50（Hair 等 2019，表 II）',
    htmt: '不同潜变量之间 HTMT < 0.85（Henseler、Ringle 与 Sarstedt 2015，第 128 页）',
    micom: 'MICOM 第二步：c 不低于其置换分布的 5% 分位数（Henseler、Ringle 与 Sarstedt 2016）',
  },
  met: '所有潜变量均满足',
  notMet: (s) => `未满足：${s.join('、')}`,
  provenanceIntro: '本报告所依据的输入文件及其 SHA-256；证据包中的 manifest.json 另记录了软件、运行环境及每个输出文件的哈希值。本报告及其证据包中不含任何受访者标识或文字作答（S3 第三十四条）。',
  verifyHint: '日后核验：awb verify <证据包目录> 将根据这些输入重新计算每个输出，并逐字节比对。',
  input: '输入文件',
  chart: {
    ipmaTitle: () => '重要性—表现矩阵',
    importance: () => '重要性（目标指数每分提升）',
    performance: '表现（指数 0–100）',
    caption: '虚线为平均重要性与平均表现。右下方：重要且低于平均水平。',
  },
};

/**
 * The words of the customer satisfaction report in a language: headings, sentences a manager
 * reads, the methods appendix.
 * @example icsiReportWords('zh').gap('西北', '客户关系管理', -14.6, 53.2, 67.8, 0.0001) // '西北的客户关系管理指数比其他受访者低 14.6 分（53.2 对 67.8），p < 0.001。'
 */
export function icsiReportWords(lang: Lang): IcsiReportWords {
  return lang === 'zh' ? ZH : EN;
}

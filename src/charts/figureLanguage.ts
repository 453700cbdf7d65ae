import { CONSTRUCT, INDICATOR, inLanguage } from '../present/words';
import type { Figure } from './figure';

const INDICATOR_EN = inLanguage(INDICATOR, 'en');
const INDICATOR_ZH = inLanguage(INDICATOR, 'zh');
const CONSTRUCT_ZH = inLanguage(CONSTRUCT, 'zh');

/** Han characters: a label holding them is (partly) Chinese. */
const HAN = /[\u3400-\u9fff]/;

/** The English texts that carry an internal id, in words. */
const EN_PATTERNS: readonly (readonly [RegExp, (...m: string[]) => string])[] = [
  [/^A\/E of (\w+) by period \(shaded: confidence interval\)$/, (_, i) => `${INDICATOR_EN[i] ?? i}: A/E by period (shaded: confidence interval)`],
];

const GROUP_ZH: Readonly<Record<string, string>> = { company: '公司', region: '地区', stage: '业务阶段' };

/**
 * The Chinese of the English texts the workbench's charts carry (titles, axis titles, series,
 * annotations), as patterns tried in order. Product codes, rule ids and figures are kept.
 */
const ZH_PATTERNS: readonly (readonly [RegExp, (...m: string[]) => string])[] = [
  [/^A\/E of (\w+) by period \(shaded: confidence interval\)$/, (_, i) => `${INDICATOR_ZH[i] ?? i}：各期间实际/预期比（阴影为置信区间）`],
  [/^Actual ÷ expected$/, () => '实际÷预期'],
  [/^Period$/, () => '期间'],
  [/^Year$/, () => '年度'],
  [/^Backtest measures by product and period$/, () => '各产品、各期间的回溯措施'],
  [/^Solvency and reserve coverage [^,]*, (\S+?)(<br>.*)?$/s, (_, q) => `偿付能力充足率与责任准备金覆盖率，${q}`],
  [/^solvency ratio \(%\)$/, () => '偿付能力充足率（%）'],
  [/^reserve coverage \(%\)$/, () => '责任准备金覆盖率（%）'],
  [/^comprehensive solvency$/, () => '综合偿付能力充足率'],
  [/^core solvency$/, () => '核心偿付能力充足率'],
  [/^reserve coverage$/, () => '责任准备金覆盖率'],
  [/^(\S+) comprehensive (\S+)$/, (_, r, v) => `${r} 综合 ${v}`],
  [/^(\S+) core (\S+)$/, (_, r, v) => `${r} 核心 ${v}`],
  [/^(\S+) coverage \(above\) (\S+)$/, (_, r, v) => `${r} 覆盖率（须高于）${v}`],
  [/^(.*)<br>too early$/, (_, g) => `${g}<br>尚未满期`],
  [/^(.*)<br>not eligible$/, (_, g) => `${g}<br>不符合`],
  [/^(.*)<br>eligible$/, (_, g) => `${g}<br>符合`],
  [/^Headroom under the expense caps.*$/, () => '附加费用率上限余量（百分点；负值为超限）'],
  [/^cap − rate \(pp\)$/, () => '上限 − 费用率（百分点）'],
  [/^headroom$/, () => '余量'],
  [/^ICSI index by (\w+)$/, (_, g) => `客户满意度指数（按${GROUP_ZH[g] ?? g}）`],
  [/^Index \(0–100\)$/, () => '指数（0–100）'],
  [/^Importance-performance map: (\w+)$/, (_, c) => `重要性—绩效矩阵：${CONSTRUCT_ZH[c] ?? c}`],
  [/^Importance \(total effect on (\w+), index points per point\)$/, (_, c) => `重要性（对${CONSTRUCT_ZH[c] ?? c}的总效应）`],
  [/^Performance \(index 0–100\)$/, () => '绩效（指数0–100）'],
  [/^ICSI: path coefficients and R² \(path scheme, n = (\d+)\)$/, (_, n) => `客户满意度指数：路径系数与R²（路径加权，样本量${n}）`],
  [/^Short-term accident products \(S2\).*$/, () => '短期意外险产品（S2）：已赚赔付率、趋势及规则标记产品的95%区间'],
  [/^Earned loss ratio by product \((\w+)\), trend and (\d+)% band$/, (_, b, p) => `各产品已赚赔付率（${b === 'gross' ? '再保前' : '再保后'}）、趋势及${p}%区间`],
  [/^Loss ratio \(%\)$/, () => '赔付率（%）'],
  [/^(\S+) 95% band$/, (_, s) => `${s} 95%区间`],
  [/^(\S+) band$/, (_, s) => `${s} 区间`],
  [/^(\S+) trend$/, (_, s) => `${s} 趋势`],
  [/^(\S+) CI$/, (_, s) => `${s} 置信区间`],
  [/^Sales staff registration by branch.*$/, () => '各分公司销售人员执业登记（S5）'],
  [/^% \(dashed: limits\)$/, () => '%（虚线为限值）'],
  [/^S1 §6 on-time rate \(%\) by type and region, (\S+?)(<br>.*)?$/s, (_, q) => `S1 §6 各类服务、各地区按时率（%），${q}（咨询为接通率）`],
  [/^Sales requiring a recording, (\S+) .*$/, (_, q) => `应双录保单，${q}（S4）`],
  [/^Recording durations, (\S+) .*\(median ([\d.]+) min\)$/, (_, q, m) => `双录时长，${q}（中位数${m}分钟）`],
  [/^recordings$/, () => '双录（件）'],
  [/^(.*) \(draft\)$/, (_, x) => `${x}（征求意见稿）`],
  [/^(.*) \(at the cap\)$/, (_, x) => `${x}（恰在上限）`],
  [/^(Image|Expectation|Quality|Value|Satisfaction|Complaints|Loyalty)$/, (_, c) => CONSTRUCT_ZH[c]],
];

/**
 * A chart text in the language: in English as it is but for internal ids (`A/E of expense_rate…` →
 * `Expense rate: A/E…`); in Chinese by the workbench's chart
 * patterns, else the Chinese half of a bilingual label (`recorded late 晚于投保日双录` →
 * `晚于投保日双录`, `Quality<br>感知质量` → `感知质量`), else as it is (a product code, a figure).
 * @example chartText('A/E of lapse by period (shaded: confidence interval)', 'zh') // '失效率：各期间实际/预期比（阴影为置信区间）'
 */
export function chartText(text: string, lang: 'en' | 'zh'): string {
  for (const [pattern, words] of lang === 'en' ? EN_PATTERNS : ZH_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return words(...m);
  }
  if (lang === 'en') return text;
  const bilingual = /^[A-Za-z%][^\u3400-\u9fff<]*?(?:\s+|<br>)([\u3400-\u9fff].*)$/s.exec(text);
  return bilingual && HAN.test(bilingual[1]) ? bilingual[1] : text;
}

function titled(value: unknown, lang: 'en' | 'zh'): unknown {
  if (typeof value === 'string') return chartText(value, lang);
  if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') return { ...(value as object), text: chartText((value as { text: string }).text, lang) };
  return value;
}

/**
 * A figure in the language of the document that shows it: its title, axis titles, series names,
 * annotations, point labels and word categories through `chartText`.
 * @example figureInLanguage(aeFigure, 'zh').layout.yaxis.title.text // '实际÷预期'
 */
export function figureInLanguage(figure: Figure, lang: 'en' | 'zh'): Figure {
  const layout: Record<string, unknown> = { ...figure.layout, title: titled(figure.layout.title, lang) };
  for (const [key, axis] of Object.entries(figure.layout)) {
    if (/^[xy]axis\d*$/.test(key) && axis && typeof axis === 'object') layout[key] = { ...(axis as object), title: titled((axis as { title?: unknown }).title, lang) };
  }
  if (Array.isArray(figure.layout.annotations)) layout.annotations = figure.layout.annotations.map((a: Record<string, unknown>) => ({ ...a, text: typeof a.text === 'string' ? chartText(a.text, lang) : a.text }));
  if (figure.layout.title === undefined) delete layout.title;
  const words = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? chartText(x, lang) : x)) : v);
  const data = figure.data.map((t) => ({ ...t, ...(typeof t.name === 'string' ? { name: chartText(t.name, lang) } : {}), ...(Array.isArray(t.x) ? { x: words(t.x) } : {}), ...(Array.isArray(t.y) ? { y: words(t.y) } : {}), ...(Array.isArray(t.text) ? { text: words(t.text) } : {}) }));
  return { ...figure, layout, data };
}

import { type ColumnType, TABLES } from '../data/schema';
import { type ColumnDeclaration, column } from './column';
import type { ColumnKind } from './columnKind';

/** The presentation kind of an input column type (schema.ts). */
const KIND_OF_TYPE: Readonly<Record<ColumnType, ColumnKind>> = {
  string: 'code',
  money: 'money',
  rate: 'rate',
  integer: 'count',
  number: 'number',
  date: 'date',
  period: 'period',
  quarter: 'period',
  boolean: 'boolean',
  enum: 'code',
  datetime: 'text',
  datetime_date: 'date',
};

/** Input column names too general to carry one meaning in output tables (`value` is a triangle's amount there, anything elsewhere). */
const GENERAL_NAMES: ReadonlySet<string> = new Set(['value', 'rate', 'weight']);

/** Input columns as they appear in output tables: the schema's own kinds and words (its Chinese header, without the unit). */
function inputColumns(): ColumnDeclaration[] {
  const out = new Map<string, ColumnDeclaration>();
  for (const table of Object.values(TABLES)) {
    for (const c of table.columns) {
      if (out.has(c.name) || GENERAL_NAMES.has(c.name)) continue;
      const kind = c.name === 'origin' ? 'year' : c.name === 'product_name' ? 'text' : KIND_OF_TYPE[c.type];
      out.set(c.name, column(c.name, kind, c.description.replace(/, yuan$/, ''), c.descriptionZh.replace(/（[^）]*）$/, '')));
    }
  }
  return [...out.values()];
}

/**
 * Columns that many output tables share, declared once: the input columns (schema.ts) and the
 * workbench's common result columns. A command's own declaration overrides these.
 */
export const KNOWN_COLUMNS: ReadonlyMap<string, ColumnDeclaration> = new Map(
  [
    ...inputColumns(),
    column('product_code', 'code', 'Product', '产品代码'),
    column('period', 'period', 'Period', '期间'),
    column('quarter', 'period', 'Quarter', '季度'),
    column('indicator', 'code', 'Indicator', '指标'),
    column('exposure', 'exposure', 'Exposure (policy-years)', '风险暴露（保单年）'),
    column('actual', 'number', 'Actual', '实际值'),
    column('expected', 'number', 'Expected', '预期值'),
    column('ae', 'ae', 'A/E', '实际/预期'),
    column('ci_low', 'ae', '95% CI low', '95%置信区间下限'),
    column('ci_high', 'ae', '95% CI high', '95%置信区间上限'),
    column('credibility', 'ratio', 'Credibility Z', '可信度Z'),
    column('deviation', 'number', 'Deviation (actual − expected)', '偏差（实际−预期）'),
    column('significant', 'boolean', 'Significant', '显著'),
    column('measure', 'code', 'Measure', '措施'),
    column('rule_id', 'code', 'Rule', '规则'),
    column('severity', 'code', 'Severity', '严重程度'),
    column('message', 'text', 'Finding', '说明'),
    column('message_zh', 'text', 'Finding (Chinese)', '说明（中文）'),
    column('citation', 'text', 'Citation', '依据'),
    column('outcome', 'code', 'Outcome', '结果'),
    column('reason', 'text', 'Reason', '原因'),
    column('earned_premium', 'money', 'Earned premium', '已赚保费'),
    column('incurred_claims', 'money', 'Incurred claims', '已发生赔款'),
    column('loss_ratio', 'rate', 'Loss ratio', '赔付率'),
    column('year', 'year', 'Year', '年度'),
    column('persistent_periods', 'count', 'Persistent periods', '持续期数'),
    column('ceded_share', 'rate', 'Ceded premium share', '分出保费占比'),
    column('ceded_claims_share', 'rate', 'Recovered claims share', '摊回赔款占比'),
    column('section', 'code', 'Section', '部分'),
    column('command', 'code', 'Command', '命令'),
    column('status', 'code', 'Status', '状态'),
    column('findings', 'count', 'Findings', '发现数'),
    column('years', 'text', 'Years', '年度区间'),
    column('group', 'text', 'Group', '分组'),
    column('n', 'count', 'Respondents', '样本量'),
    column('estimate', 'number', 'Estimate', '估计值'),
    column('from', 'code', 'From', '自'),
    column('to', 'code', 'To', '至'),
  ].map((c) => [c.key, c]),
);

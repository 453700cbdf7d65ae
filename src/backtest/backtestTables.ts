import { column, type TableDeclaration, tableDeclaration } from '../present/column';

/**
 * The columns of the backtest's tables (`awb backtest`: `cells`, `measures`), with their kinds and
 * en/zh headers. The time column (`period` or `policy_year`) and the `--by` columns are typed from
 * their values. `exposure` is in policy-years for count indicators and is the denominator in yuan
 * for the ledger indicators (loss ratio, expense rate, investment return): its header says so.
 */
export const BACKTEST_TABLES: Readonly<Record<'cells' | 'measures', TableDeclaration>> = {
  cells: tableDeclaration('Backtest cells: actual against expected', '回溯单元：实际与预期', [
    column('indicator', 'code', 'Indicator', '指标'),
    column('product_code', 'code', 'Product', '产品代码'),
    column('period', 'period', 'Period', '期间'),
    column('policy_year', 'count', 'Policy year', '保单年度'),
    column('exposure', 'exposure', 'Exposure (policy-years; yuan for ledger indicators)', '风险暴露（保单年；账面指标为元）'),
    column('actual', 'number', 'Actual (count; ratio for ledger indicators)', '实际值（件数；账面指标为比率）'),
    column('expected', 'number', 'Expected (count; ratio for ledger indicators)', '预期值（件数；账面指标为比率）'),
    column('ae', 'ae', 'A/E', '实际/预期'),
    column('ci_low', 'ae', 'A/E 95% CI low', '实际/预期95%置信下限'),
    column('ci_high', 'ae', 'A/E 95% CI high', '实际/预期95%置信上限'),
    column('credibility', 'ratio', 'Credibility Z', '可信度Z'),
    column('deviation', 'rate', 'Deviation (actual − expected rate)', '偏差（实际−预期）'),
    column('actual_rate', 'rate', 'Actual rate', '实际发生率'),
    column('expected_rate', 'rate', 'Expected rate', '预期发生率'),
    column('credibility_weighted_rate', 'rate', 'Credibility-weighted rate', '信度加权发生率'),
    column('claim_amount', 'money', 'Claim amount', '赔款金额'),
  ]),
  measures: tableDeclaration('Measures by product, indicator and period (BT-MEASURE)', '各产品指标分期措施（BT-MEASURE）', [
    column('indicator', 'code', 'Indicator', '指标'),
    column('product_code', 'code', 'Product', '产品代码'),
    column('period', 'period', 'Period', '期间'),
    column('ae', 'ae', 'A/E', '实际/预期'),
    column('ci_low', 'ae', 'A/E 95% CI low', '实际/预期95%置信下限'),
    column('ci_high', 'ae', 'A/E 95% CI high', '实际/预期95%置信上限'),
    column('significant', 'boolean', 'Significant', '显著'),
    column('persistent_periods', 'count', 'Persistent periods', '持续期数'),
    column('measure', 'code', 'Measure', '措施'),
  ]),
};

import { column, type TableDeclaration, tableDeclaration } from '../present/column';
import { FINDINGS_TABLE } from '../rules/findingsTable';

const ratioColumns = [
  column('product_code', 'code', 'Product', '产品代码'),
  column('period', 'period', 'Period', '期间'),
  column('periods', 'text', 'Periods', '涵盖期间'),
  column('earned_premium', 'money', 'Earned premium', '已赚保费'),
  column('incurred_claims', 'money', 'Incurred claims', '已发生赔款'),
  column('loss_ratio', 'rate', 'Loss ratio', '赔付率'),
];

/**
 * The columns of `awb lossratio`'s tables, with their kinds and en/zh headers. The rule values of
 * `assessments` (`value_<name>`) are typed from their values and names.
 */
export const LOSS_RATIO_TABLES: Readonly<Record<string, TableDeclaration>> = {
  loss_ratios: tableDeclaration('Earned loss ratios by product and period', '各产品分期已赚赔付率', [
    column('product_code', 'code', 'Product', '产品代码'),
    column('period', 'period', 'Period', '期间'),
    column('grain', 'code', 'Grain', '期间类型'),
    column('premium_income', 'money', 'Premium income', '保费收入'),
    column('earned_premium', 'money', 'Earned premium', '已赚保费'),
    column('incurred_claims', 'money', 'Incurred claims', '已发生赔款'),
    column('loss_ratio', 'rate', 'Loss ratio', '赔付率'),
    column('earned_premium_net', 'money', 'Earned premium, net of reinsurance', '再保后已赚保费'),
    column('incurred_claims_net', 'money', 'Incurred claims, net of reinsurance', '再保后已发生赔款'),
    column('loss_ratio_net', 'rate', 'Loss ratio, net of reinsurance', '再保后赔付率'),
    column('policies_sold', 'count', 'Policies sold', '销售件数'),
  ]),
  three_year_loss_ratios: tableDeclaration('Three-year loss ratios (pooled)', '三年赔付率（合并计算）', ratioColumns),
  rolling_four_quarter_loss_ratios: tableDeclaration('Rolling four-quarter loss ratios', '滚动四季度赔付率', ratioColumns),
  trends: tableDeclaration('Loss-ratio trends (least squares by year)', '赔付率趋势（按年最小二乘）', [
    column('product_code', 'code', 'Product', '产品代码'),
    column('basis', 'code', 'Basis', '口径'),
    column('years', 'count', 'Years fitted', '拟合年数'),
    column('slope_per_year', 'rate', 'Slope per year', '年变化'),
    column('intercept', 'number', 'Intercept', '截距'),
    column('r_squared', 'ratio', 'R²', 'R²'),
    column('residual_se', 'rate', 'Residual standard error', '残差标准误'),
    column('confidence', 'rate', 'Confidence', '置信水平'),
    column('t_quantile', 'number', 't quantile', 't分位数'),
    column('projected_year', 'year', 'Projected year', '预测年度'),
    column('projected_loss_ratio', 'rate', 'Projected loss ratio', '预测赔付率'),
    column('projected_ci_low', 'rate', 'Projection CI low', '预测置信下限'),
    column('projected_ci_high', 'rate', 'Projection CI high', '预测置信上限'),
    column('projected_pi_low', 'rate', 'Prediction interval low', '预测区间下限'),
    column('projected_pi_high', 'rate', 'Prediction interval high', '预测区间上限'),
    column('excluded_years', 'text', 'Years excluded', '剔除年度'),
  ]),
  trend_bands: tableDeclaration('Fitted trend and bands by year', '各年趋势拟合值与区间', [
    column('product_code', 'code', 'Product', '产品代码'),
    column('year', 'year', 'Year', '年度'),
    column('projected', 'boolean', 'Projected', '预测'),
    column('fitted', 'rate', 'Fitted loss ratio', '拟合赔付率'),
    column('ci_low', 'rate', 'CI low', '置信下限'),
    column('ci_high', 'rate', 'CI high', '置信上限'),
    column('pi_low', 'rate', 'Prediction interval low', '预测区间下限'),
    column('pi_high', 'rate', 'Prediction interval high', '预测区间上限'),
  ]),
  assessments: tableDeclaration('S2 rule assessments by product', '各产品S2规则评估', [
    column('rule_id', 'code', 'Rule', '规则'),
    column('product_code', 'code', 'Product', '产品代码'),
    column('outcome', 'code', 'Outcome', '结果'),
    column('reason', 'text', 'Reason', '原因'),
    column('reason_zh', 'text', 'Reason (Chinese)', '原因（中文）'),
  ]),
  indicated_rate_changes: tableDeclaration('Indicated repricing (ACC-LR-REPRICE)', '指示费率调整（ACC-LR-REPRICE）', [
    column('product_code', 'code', 'Product', '产品代码'),
    column('years', 'text', 'Years', '年度区间'),
    column('three_year_loss_ratio', 'rate', 'Three-year loss ratio', '三年赔付率'),
    column('target_loss_ratio', 'rate', 'Target loss ratio', '目标赔付率'),
    column('indicated_premium_factor', 'ratio', 'Indicated premium factor', '指示保费系数'),
    column('indicated_rate_change', 'rate', 'Indicated rate change', '指示费率变化'),
  ]),
  margins: tableDeclaration('Margins to each rule threshold (value and threshold in the row\'s unit)', '距各规则阈值的差额（数值与阈值以该行单位计）', [
    column('product_code', 'code', 'Product', '产品代码'),
    column('rule_id', 'code', 'Rule', '规则'),
    column('measure', 'code', 'Measure', '度量'),
    column('period', 'text', 'Period', '期间'),
    column('value', 'number', 'Value', '数值'),
    column('threshold', 'number', 'Threshold', '阈值'),
    column('comparison', 'code', 'Comparison', '比较'),
    column('margin', 'number', 'Margin', '差额'),
    column('unit', 'code', 'Unit', '单位'),
    column('condition_met', 'boolean', 'Condition met', '条件成立'),
    column('outcome', 'code', 'Outcome', '结果'),
  ]),
  findings: FINDINGS_TABLE,
};

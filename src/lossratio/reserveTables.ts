import { column, type TableDeclaration, tableDeclaration } from '../present/column';

const standardErrors = [
  column('latest', 'money', 'Latest', '最新累计值'),
  column('ultimate', 'money', 'Ultimate', '最终损失'),
  column('ibnr', 'money', 'IBNR', 'IBNR'),
  column('mack_se', 'money', 'Mack standard error', 'Mack标准误'),
  column('process_se', 'money', 'Process standard error', '过程标准误'),
  column('parameter_se', 'money', 'Parameter standard error', '参数标准误'),
  column('cv', 'ratio', 'Coefficient of variation', '变异系数'),
];

/** The columns of `awb reserve`'s tables (Mack chain ladder), with their kinds and en/zh headers. */
export const RESERVE_TABLES: Readonly<Record<string, TableDeclaration>> = {
  origins: tableDeclaration('Chain-ladder ultimates and Mack standard errors by origin', '各事故年度链梯法最终损失与Mack标准误', [
    column('origin', 'year', 'Origin', '事故年度'),
    column('method', 'code', 'Method', '方法'),
    column('latest_age', 'count', 'Latest age', '最新进展期'),
    column('development_to_date', 'ratio', 'Developed to date', '已进展比例'),
    column('apriori', 'money', 'A priori ultimate', '先验最终损失'),
    column('apriori_loss_ratio', 'rate', 'A priori loss ratio', '先验赔付率'),
    ...standardErrors,
    column('premium', 'money', 'Earned premium', '已赚保费'),
    column('reported_loss_ratio', 'rate', 'Reported loss ratio', '已报告赔付率'),
    column('ultimate_loss_ratio', 'rate', 'Ultimate loss ratio', '最终赔付率'),
    column('ultimate_loss_ratio_se', 'rate', 'Ultimate loss ratio standard error', '最终赔付率标准误'),
  ]),
  total: tableDeclaration('Total over origins', '各事故年度合计', standardErrors),
  factors: tableDeclaration('Development factors', '进展因子', [
    column('from_age', 'count', 'From age', '自进展期'),
    column('to_age', 'code', 'To age', '至进展期'),
    column('factor', 'ratio', 'Development factor', '进展因子'),
    column('sigma', 'number', 'σ', 'σ'),
    column('factor_se', 'number', 'Factor standard error', '因子标准误'),
    column('origins', 'count', 'Origins', '事故年度数'),
    column('sigma_filled', 'boolean', 'σ extrapolated', 'σ为外推值'),
    column('age_limited', 'boolean', 'Beyond the development-age limit', '超出进展期上限'),
  ]),
  projected: tableDeclaration('Projected triangle', '预测三角形', [
    column('origin', 'year', 'Origin', '事故年度'),
    column('age', 'code', 'Age', '进展期'),
    column('value', 'money', 'Cumulative amount', '累计金额'),
    column('observed', 'boolean', 'Observed', '实际观测'),
  ]),
};

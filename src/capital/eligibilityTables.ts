import { column, type TableDeclaration, tableDeclaration } from '../present/column';
import { FINDINGS_TABLE } from '../rules/findingsTable';
import { ELIGIBILITY_RULES } from '../rules/internetEligibility';

/** The columns of `awb eligibility`'s tables, with their kinds and en/zh headers. */
export const ELIGIBILITY_TABLES: Readonly<Record<string, TableDeclaration>> = {
  quarters: tableDeclaration('Solvency, reserve coverage and eligibility windows by quarter', '各季度偿付能力、责任准备金覆盖率与资格窗口', [
    column('quarter', 'period', 'Quarter', '季度'),
    column('comprehensive_solvency_ratio', 'rate', 'Comprehensive solvency ratio', '综合偿付能力充足率'),
    column('core_solvency_ratio', 'rate', 'Core solvency ratio', '核心偿付能力充足率'),
    column('risk_rating', 'code', 'Risk rating', '风险综合评级'),
    column('risk_class', 'code', 'Risk class', '评级类别'),
    column('solvency_surplus', 'money', 'Solvency surplus', '偿付能力溢额'),
    column('governance_grade', 'code', 'Governance grade', '公司治理评估等级'),
    column('major_penalty_last_year', 'boolean', 'Major penalty last year', '上年度重大行政处罚'),
    column('assets', 'money', 'Assets', '资产'),
    column('other_liabilities', 'money', 'Other liabilities', '其他负债'),
    column('reserves', 'money', 'Reserves', '责任准备金'),
    column('expense_adjustment', 'money', 'Expense adjustment', '费用调整额'),
    column('covering_amount', 'money', 'Covering amount', '覆盖金额'),
    column('reserve_coverage_ratio', 'rate', 'Reserve coverage ratio', '责任准备金覆盖率'),
    ...ELIGIBILITY_RULES.map((id) => column(`${id}_window_passes`, 'boolean', `${id}: window passes`, `${id}：窗口满足`)),
  ]),
  conditions: tableDeclaration('Eligibility conditions by quarter', '各季度资格条件', [
    column('quarter', 'period', 'Quarter', '季度'),
    column('rule_id', 'code', 'Rule', '规则'),
    column('condition', 'code', 'Condition', '条件'),
    column('value', 'text', 'Value', '数值'),
    column('requirement', 'text', 'Requirement', '要求'),
    column('passes', 'boolean', 'Passes', '满足'),
  ]),
  eligibility: tableDeclaration('Eligibility over four consecutive quarters', '连续四个季度的资格判断', [
    column('rule_id', 'code', 'Rule', '规则'),
    column('quarter', 'period', 'Quarter', '季度'),
    column('window_start', 'period', 'Window start', '窗口起始'),
    column('window_end', 'period', 'Window end', '窗口结束'),
    column('eligible', 'boolean', 'Eligible', '符合条件'),
    column('before_history', 'boolean', 'Window starts before the data', '窗口早于数据起始'),
    column('failed_quarters', 'text', 'Quarters failing', '未达标季度'),
    column('failures', 'text', 'Failures', '未达标情况'),
    column('notes', 'text', 'Notes', '备注'),
  ]),
  findings: FINDINGS_TABLE,
};

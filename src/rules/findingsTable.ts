import { column, type TableDeclaration, tableDeclaration } from '../present/column';

/**
 * The columns of every command's `findings` table (`findingRows`). The values that triggered each
 * finding follow as their own columns (`value_<name>`), typed from their values and names.
 */
export const FINDINGS_TABLE: TableDeclaration = tableDeclaration('Findings', '发现', [
  column('rule_id', 'code', 'Rule', '规则'),
  column('severity', 'code', 'Severity', '严重程度'),
  column('product_code', 'code', 'Product', '产品代码'),
  column('period', 'period', 'Period', '期间'),
  column('message', 'text', 'Finding', '说明'),
  column('message_zh', 'text', 'Finding (Chinese)', '说明（中文）'),
  column('citation', 'text', 'Citation', '依据'),
]);

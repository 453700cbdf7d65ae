import type { TableRow } from '../evidence/csv';

/**
 * The innovation points the (fictional) service evaluation committee awarded the sample company
 * for 2025 (S3 art. 11(1), 16): the qualitative score is 0 plus these, at most 10 per unit. The
 * head office's 9 + 3 = 12 points are capped at 10.
 * @example serviceInnovationRows()[0] // { unit: '总公司', year: 2025, project: '理赔医疗票据线上直赔', points: 6 }
 */
export function serviceInnovationRows(): TableRow[] {
  return [
    { unit: '总公司', year: 2025, project: '理赔医疗票据线上直赔', points: 6 },
    { unit: '总公司', year: 2025, project: '适老化在线保全服务', points: 3 },
    { unit: '总公司', year: 2025, project: '投诉回访闭环系统', points: 3 },
    { unit: '广东分公司', year: 2025, project: '视频保全双录一体化', points: 2 },
    { unit: '上海分公司', year: 2024, project: '智能客服夜间值守', points: 2 },
  ];
}

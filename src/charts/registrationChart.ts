import type { RegistrationReconciliation } from '../conduct/reconcileRegistration';
import { fractionToNumber } from '../money/fraction';
import { chartLayout } from './chartTheme';
import type { Figure } from './figure';

/**
 * The registration checks by branch (S5): for each branch, the difference rate between the
 * registration system and the rule's base source (statistics) and the share of staff with missing
 * registration elements, as horizontal bars in percent, with the rules' limits (10%, 5%) as
 * dashed lines. A bar past its line is a finding. The company is the top row.
 * @example registrationRatesFigure(reconcileRegistration(tables, asOf, rulebook)).data.length // 2
 */
export function registrationRatesFigure(result: RegistrationReconciliation): Figure {
  const groups = result.groups.filter((g) => g.level === 'company' || g.level === 'branch');
  const label = (g: (typeof groups)[number]) => (g.level === 'company' ? '全公司 company' : (g.branch ?? '(no branch)'));
  const base = result.rules.mismatch.base;
  const pct = (f: Parameters<typeof fractionToNumber>[0] | null) => (f === null ? null : Math.round(fractionToNumber(f) * 1e6) / 1e4);
  const y = groups.map(label).reverse();
  const difference = groups.map((g) => pct(g.comparisons.find((c) => c.source === base)?.difference_rate ?? null)).reverse();
  const missing = groups.map((g) => pct(g.missing.rate)).reverse();
  const line = (x: number, colour: string) => ({ type: 'line', xref: 'x', yref: 'paper', x0: x, x1: x, y0: 0, y1: 1, line: { color: colour, dash: 'dash', width: 1.5 } });
  return {
    data: [
      { type: 'bar', orientation: 'h', name: `difference rate vs ${base} 差异率`, y, x: difference, marker: { color: '#2e86c1' }, hovertemplate: '%{y}: %{x:.2f}%<extra>difference rate</extra>', uid: 'difference' },
      { type: 'bar', orientation: 'h', name: 'missing elements 信息要素缺失占比', y, x: missing, marker: { color: '#e67e22' }, hovertemplate: '%{y}: %{x:.2f}%<extra>missing elements</extra>', uid: 'missing' },
    ],
    layout: {
      ...chartLayout({ title: 'Sales staff registration by branch 销售人员执业登记 (S5)' }),
      barmode: 'group',
      xaxis: { title: { text: '% (dashed: limits)' }, zeroline: true, gridcolor: '#e5e5e5', ticksuffix: '%' },
      yaxis: { type: 'category', automargin: true },
      shapes: [line(result.rules.mismatch.threshold.toNumber() * 100, '#2e86c1'), line(result.rules.missing.limit.toNumber() * 100, '#e67e22')],
      height: Math.max(320, 120 + 44 * groups.length),
      margin: { l: 160, r: 30, t: 72, b: 50 },
      legend: { orientation: 'h', y: -0.12 },
    },
  };
}

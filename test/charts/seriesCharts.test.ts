import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/charts/barChart';
import { CHART_FONT } from '../../src/charts/chartTheme';
import { lineChart } from '../../src/charts/lineChart';
import { tidySeries } from '../../src/charts/tidySeries';

const rows = [
  { quarter: '2025Q2', line: '意外险 accident', premium: 130 },
  { quarter: '2025Q1', line: '意外险 accident', premium: 120 },
  { quarter: '2025Q1', line: '医疗险 medical', premium: 80 },
  { quarter: '2025Q3', line: '医疗险 medical', premium: null },
];

describe('tidySeries(): tidy rows → one series per group', () => {
  it('sorts x values and groups, and leaves null where a group has no value', () => {
    // Hand layout: x = 2025Q1 < Q2 < Q3; groups by code point: 医 (U+533B) before 意 (U+610F).
    expect(tidySeries(rows, 'quarter', 'premium', 'line')).toEqual({
      x: ['2025Q1', '2025Q2', '2025Q3'],
      series: [
        { name: '医疗险 medical', y: [80, null, null] },
        { name: '意外险 accident', y: [120, 130, null] },
      ],
    });
  });

  it('does not depend on the order of the rows', () => {
    const reversed = [...rows].reverse();
    const shuffled = [rows[2], rows[0], rows[3], rows[1]];
    expect(tidySeries(reversed, 'quarter', 'premium', 'line')).toEqual(tidySeries(rows, 'quarter', 'premium', 'line'));
    expect(tidySeries(shuffled, 'quarter', 'premium', 'line')).toEqual(tidySeries(rows, 'quarter', 'premium', 'line'));
  });

  it('orders numeric x numerically, not as text', () => {
    expect(tidySeries([{ y: 10, v: 1 }, { y: 9, v: 2 }, { y: 100, v: 3 }], 'y', 'v').x).toEqual([9, 10, 100]);
  });

  it('refuses two rows for the same x and group (aggregate first) and values that are not numbers', () => {
    expect(() => tidySeries([...rows, { quarter: '2025Q1', line: '医疗险 medical', premium: 1 }], 'quarter', 'premium', 'line')).toThrow(
      'chart: two rows for quarter = 2025Q1 and line = 医疗险 medical; aggregate the rows first',
    );
    expect(() => tidySeries([{ q: 'a', v: '12' }], 'q', 'v')).toThrow('chart: column v must hold finite numbers (or null for a gap), found "12"');
    expect(() => tidySeries([{ q: 'a', v: Number.NaN }], 'q', 'v')).toThrow(RangeError);
  });
});

describe('barChart() and lineChart(): pure figures', () => {
  it('a stacked bar chart has one bar trace per group with fixed uids, category x axis and the CJK font', () => {
    const figure = barChart(rows, { x: 'quarter', y: 'premium', group: 'line', mode: 'stack', title: '保费收入', yTitle: '元' });
    expect(figure.data.map((t) => [t.type, t.name, t.uid])).toEqual([
      ['bar', '医疗险 medical', 'bar-0'],
      ['bar', '意外险 accident', 'bar-1'],
    ]);
    expect(figure.data[1].y).toEqual([120, 130, null]);
    expect(figure.layout).toMatchObject({ barmode: 'stack', showlegend: true, title: { text: '保费收入' }, font: { family: CHART_FONT }, xaxis: { type: 'category' }, yaxis: { title: { text: '元' } } });
  });

  it('bars are grouped side by side unless stacking is asked for; an ungrouped chart has no legend', () => {
    const figure = barChart([{ q: '2025Q1', v: 1 }], { x: 'q', y: 'v' });
    expect(figure.layout).toMatchObject({ barmode: 'group', showlegend: false });
    expect(figure.data).toHaveLength(1);
  });

  it('a line chart draws lines with markers and does not bridge gaps', () => {
    const figure = lineChart(rows, { x: 'quarter', y: 'premium', group: 'line' });
    expect(figure.data[0]).toMatchObject({ type: 'scatter', mode: 'lines+markers', connectgaps: false, x: ['2025Q1', '2025Q2', '2025Q3'], y: [80, null, null] });
  });

  it('the same rows in another order give the same figure, byte for byte', () => {
    const a = JSON.stringify(lineChart(rows, { x: 'quarter', y: 'premium', group: 'line' }));
    const b = JSON.stringify(lineChart([...rows].reverse(), { x: 'quarter', y: 'premium', group: 'line' }));
    expect(b).toBe(a);
  });
});

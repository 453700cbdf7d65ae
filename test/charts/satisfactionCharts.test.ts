import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexBars } from '../../src/charts/indexBars';
import { ipmaMap } from '../../src/charts/ipmaMap';
import { pathDiagram } from '../../src/charts/pathDiagram';
import { loadSurveyModel } from '../../src/satisfaction/surveyModel';

const icsi = loadSurveyModel(path.resolve(__dirname, '..', '..', 'src', 'satisfaction', 'icsi-model.json'));
const input = {
  title: 'ICSI',
  constructs: icsi.constructs.map((c, j) => ({ name: c.name, label: c.name, r_squared: j === 0 ? null : 0.3 })),
  paths: icsi.paths.map(([from, to], i) => ({ from, to, estimate: 0.1 + i / 100, significant: i % 2 === 0 })),
};

describe('pathDiagram()', () => {
  it('draws an arrow and a coefficient label per path, and the same input gives the same figure', () => {
    const figure = pathDiagram(input);
    expect((figure.layout.annotations as unknown[]).length).toBe(2 * icsi.paths.length);
    expect(JSON.stringify(pathDiagram(input))).toBe(JSON.stringify(figure));
  });

  it('keeps every arrow of the ICSI model clear of the other constructs', () => {
    const figure = pathDiagram(input);
    const x = figure.data[0].x as number[];
    const y = figure.data[0].y as number[];
    const at = (name: string) => icsi.constructs.findIndex((c) => c.name === name);
    for (const [from, to] of icsi.paths) {
      const [a, b] = [at(from), at(to)];
      for (let k = 0; k < x.length; k++) {
        if (k === a || k === b) continue;
        const dx = x[b] - x[a];
        const dy = y[b] - y[a];
        const t = Math.max(0, Math.min(1, ((x[k] - x[a]) * dx + (y[k] - y[a]) * dy) / (dx * dx + dy * dy)));
        expect(Math.hypot(x[k] - x[a] - t * dx, y[k] - y[a] - t * dy)).toBeGreaterThanOrEqual(0.5);
      }
    }
  });

  it('draws the boxes of two constructs in one column (Quality above Value) apart: a row is taller than a box', () => {
    const figure = pathDiagram(input);
    const layout = figure.layout as { height: number; margin: { t: number; b: number }; yaxis: { range: [number, number] } };
    const pxPerRow = (layout.height - layout.margin.t - layout.margin.b) / (layout.yaxis.range[1] - layout.yaxis.range[0]);
    const box = (figure.data[0].marker as { size: number }).size;
    expect(pxPerRow).toBeGreaterThan(box);
  });

  it('marks coefficients whose bootstrap interval excludes zero in bold', () => {
    const labels = (pathDiagram(input).layout.annotations as { text: string }[]).filter((a) => a.text !== '');
    expect(labels[0].text).toBe('<b>0.100</b>');
    expect(labels[1].text).toBe('0.110');
  });
});

describe('indexBars() and ipmaMap()', () => {
  it('draws interval whiskers from the bootstrap bounds', () => {
    const figure = indexBars({ title: 't', constructs: ['Satisfaction'], groups: [{ group: '西北', index: [62], ci_low: [60], ci_high: [65] }] });
    expect(figure.data[0].error_y).toMatchObject({ array: [3], arrayminus: [2] });
  });

  it('places each construct at (importance, performance) with the mean lines', () => {
    const figure = ipmaMap('Satisfaction', [{ construct: 'Quality', importance: 0.5, performance: 60 }, { construct: 'Value', importance: 0.1, performance: 70 }]);
    expect(figure.data[0].x).toEqual([0.5, 0.1]);
    expect((figure.layout.shapes as { x0: number }[])[0].x0).toBeCloseTo(0.3, 12);
  });
});

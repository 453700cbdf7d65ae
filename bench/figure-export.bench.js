'use strict';
/**
 * Exporting charts through headless Chromium: one browser for every chart (FigureRenderer, as
 * evidence bundles and notebooks do) against launching a fresh Chromium for each chart. Each
 * side exports the same six figures to SVG and PNG and reports the SHA-256 of all the
 * bytes, which must agree: exports are byte-deterministic, also across browser launches.
 * Only wall time compares the sides (Chromium's CPU is in its own processes).
 */
const { createHash } = require('node:crypto');
const { FigureRenderer } = require('../dist/charts/figureRenderer');
const { lineChart } = require('../dist/charts/lineChart');
const { barChart } = require('../dist/charts/barChart');

/** Deterministic figures: alternately lines and stacked bars over 20 quarters and 3 groups. */
function figures(count) {
  return Array.from({ length: count }, (_, k) => {
    const rows = [];
    for (let q = 0; q < 20; q++) {
      for (const [g, group] of ['意外险', '医疗险', '寿险'].entries()) {
        rows.push({ quarter: `${2021 + Math.floor(q / 4)}Q${(q % 4) + 1}`, line: group, value: 1000 + ((q * 37 + g * 101 + k * 13) % 500) });
      }
    }
    const options = { x: 'quarter', y: 'value', group: 'line', title: `图 ${k + 1} chart ${k + 1}` };
    return k % 2 === 0 ? lineChart(rows, options) : barChart(rows, { ...options, mode: 'stack' });
  });
}

async function exportAll(figs, rendererFor) {
  const hash = createHash('sha256');
  for (const figure of figs) {
    await rendererFor(async (renderer) => {
      hash.update(await renderer.render(figure, 'svg'));
      hash.update(await renderer.render(figure, 'png'));
    });
  }
  return hash.digest('hex');
}

module.exports = {
  name: 'figure-export',
  description: 'export 6 charts to SVG and PNG: one Chromium for all vs a fresh Chromium per chart',
  target: { maxRatio: 0.5 },
  async prepare() {
    return { charts: 6 };
  },
  candidate: {
    label: 'one FigureRenderer for every chart',
    async run({ charts }) {
      const renderer = await FigureRenderer.launch();
      try {
        return { charts, sha256: await exportAll(figures(charts), (work) => work(renderer)) };
      } finally {
        await renderer.close();
      }
    },
  },
  baseline: {
    label: 'a fresh Chromium launched per chart',
    async run({ charts }) {
      const perChart = async (work) => {
        const renderer = await FigureRenderer.launch();
        try {
          await work(renderer);
        } finally {
          await renderer.close();
        }
      };
      return { charts, sha256: await exportAll(figures(charts), perChart) };
    },
  },
  check(candidate, baseline) {
    return candidate.sha256 === baseline.sha256 ? null : `export bytes differ: ${candidate.sha256} vs ${baseline.sha256}`;
  },
};

'use strict';
/**
 * One estimate of the ICSI (ECSI) model on 100,000 respondents: the workbench's engine (item
 * moments in one pass over Float64Array, then the iterations on the 24×24 covariance matrix)
 * against the straightforward data-matrix algorithm (bench/naivePls.js). Target (issue 6): under
 * one second. Both must give the same path coefficients.
 */
const { icsiDesign, icsiSurvey, readSurvey } = require('./icsiData');
const { naivePls } = require('./naivePls');
const { weightedMoments } = require('../dist/satisfaction/moments');
const { estimatePls } = require('../dist/satisfaction/estimatePls');

const RESPONDENTS = 100_000;

module.exports = {
  name: 'icsi-estimate',
  target: { maxRatio: 0.1, maxSeconds: 1 },
  description: `one PLS estimate of the ICSI model on ${RESPONDENTS.toLocaleString('en')} respondents (target < 1 s) vs the straightforward data-matrix algorithm`,
  async prepare() {
    return { path: icsiSurvey(RESPONDENTS), n: RESPONDENTS };
  },
  candidate: {
    label: 'estimatePls on item moments',
    async run({ path, n }) {
      const design = icsiDesign();
      const values = readSurvey(path);
      const start = process.hrtime.bigint();
      const fit = estimatePls(design, weightedMoments(values, design.items.length, new Float64Array(n).fill(1)));
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const m = design.constructs.length;
      return { estimate_ms: ms, iterations: fit.iterations, paths: design.paths.map(([a, b]) => fit.paths[a * m + b]) };
    },
  },
  baseline: {
    label: 'naive data-matrix PLS (ml-matrix)',
    async run({ path, n }) {
      const design = icsiDesign();
      const values = readSurvey(path);
      const start = process.hrtime.bigint();
      const paths = naivePls(design, values, n);
      return { estimate_ms: Number(process.hrtime.bigint() - start) / 1e6, paths };
    },
  },
  check(candidate, baseline) {
    const worst = Math.max(...candidate.paths.map((v, i) => Math.abs(v - baseline.paths[i])));
    return worst < 1e-6 ? null : `path coefficients differ by up to ${worst}`;
  },
};

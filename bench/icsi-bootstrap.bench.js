'use strict';
/**
 * 5,000 bootstrap resamples of the ECSI model on mobi (250 respondents, 24 items): the
 * workbench's bootstrap (resample frequencies, moments, warm-started iterations; worker threads on
 * every core; plus the jackknife for BCa) against the straightforward way (copy each resample's
 * rows, run the data-matrix algorithm of bench/naivePls.js, one thread). Target (issue 6): within
 * 3 seconds on the 2-core machine. Both sides draw the same resamples (random stream r of the
 * seed), so their bootstrap standard errors must agree.
 */
const { mobiDesign, mobiMatrix } = require('./icsiData');
const { naivePls } = require('./naivePls');
const { weightedMoments } = require('../dist/satisfaction/moments');
const { estimatePls, startingWeights } = require('../dist/satisfaction/estimatePls');
const { bootstrapPls } = require('../dist/satisfaction/bootstrapPls');
const { ReplicateStreams, resampleCounts } = require('../dist/satisfaction/randomStream');
const { DEFAULT_PLS_OPTIONS } = require('../dist/satisfaction/plsAlgorithm');

const RESAMPLES = 5000;
const SEED = 2026;

const sd = (xs) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
};

module.exports = {
  name: 'icsi-bootstrap',
  target: { maxRatio: 0.2, maxSeconds: 3 },
  description: `${RESAMPLES.toLocaleString('en')} bootstrap resamples of the ECSI model on mobi (target < 3 s on 2 cores) vs the naive loop`,
  async prepare() {
    return { resamples: RESAMPLES, seed: SEED };
  },
  candidate: {
    label: 'bootstrapPls (worker threads, all cores)',
    async run({ resamples, seed }) {
      const design = mobiDesign();
      const { n, values } = mobiMatrix(design);
      const weights = new Float64Array(n).fill(1);
      const start = process.hrtime.bigint();
      const fit = estimatePls(design, weightedMoments(values, design.items.length, weights), DEFAULT_PLS_OPTIONS);
      const problem = { design, options: DEFAULT_PLS_OPTIONS, n, values, answers: values, weights, scale: { min: 1, max: 10 }, grouping: null, start: startingWeights(fit) };
      const result = await bootstrapPls(problem, fit, { resamples, seed });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      return { bootstrap_ms: ms, failed: result.failed.total, std_errors: design.paths.map((_, i) => result.summaries[result.layout.paths + i].std_error) };
    },
  },
  baseline: {
    label: 'naive: copy each resample, data-matrix PLS, one thread',
    async run({ resamples, seed }) {
      const design = mobiDesign();
      const { n, values } = mobiMatrix(design);
      const p = design.items.length;
      const start = process.hrtime.bigint();
      const streams = new ReplicateStreams(seed, 0);
      const counts = new Float64Array(n);
      const draws = design.paths.map(() => []);
      for (let r = 0; r < resamples; r++) {
        resampleCounts(streams.take(), n, counts);
        const resample = new Float64Array(n * p);
        let row = 0;
        for (let i = 0; i < n; i++) for (let c = 0; c < counts[i]; c++) resample.set(values.subarray(i * p, (i + 1) * p), p * row++);
        naivePls(design, resample, n).forEach((v, k) => draws[k].push(v));
      }
      return { bootstrap_ms: Number(process.hrtime.bigint() - start) / 1e6, std_errors: draws.map(sd) };
    },
  },
  check(candidate, baseline) {
    if (candidate.failed !== 0) return `${candidate.failed} resamples could not be estimated`;
    const worst = Math.max(...candidate.std_errors.map((v, i) => Math.abs(v - baseline.std_errors[i])));
    return worst < 1e-6 ? null : `bootstrap standard errors differ by up to ${worst}`;
  },
};

'use strict';
/**
 * Inputs of the satisfaction benchmarks: a synthetic ICSI survey of n respondents drawn from an
 * ECSI-structured latent model (answers 1–10, items in the ICSI model's order), cached under
 * bench/.cache as raw Float64 values; and the mobi reference data set from test/fixtures/reference.
 */
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { xoroshiro128plus, unsafeUniformIntDistribution } = require('pure-rand');
const { parse } = require('csv-parse/sync');
const { loadSurveyModel } = require('../dist/satisfaction/surveyModel');
const { pathDesign } = require('../dist/satisfaction/pathDesign');
const { parseSurveyModel } = require('../dist/satisfaction/surveyModel');

const CACHE = join(__dirname, '.cache');
const ICSI_MODEL = join(__dirname, '..', 'src', 'satisfaction', 'icsi-model.json');

/** The ICSI model's design (24 items, 7 constructs, 12 paths). */
function icsiDesign() {
  return pathDesign(loadSurveyModel(ICSI_MODEL));
}

/** Path of a cached n × 24 survey matrix (row-major Float64, items in design order). */
function icsiSurvey(n) {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `icsi-survey-${n}.f64`);
  if (existsSync(file)) return file;
  const design = icsiDesign();
  const p = design.items.length;
  const rng = xoroshiro128plus(20251122);
  const uniform = () => (unsafeUniformIntDistribution(0, 2 ** 30 - 1, rng) + 0.5) / 2 ** 30;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const values = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const image = normal();
    const expectation = 0.5 * image + 0.85 * normal();
    const quality = 0.6 * expectation + 0.8 * normal();
    const value = 0.2 * expectation + 0.5 * quality + 0.8 * normal();
    const satisfaction = 0.2 * image + 0.1 * expectation + 0.4 * quality + 0.2 * value + 0.6 * normal();
    const complaints = 0.5 * satisfaction + 0.8 * normal();
    const loyalty = 0.2 * image + 0.5 * satisfaction + 0.1 * complaints + 0.7 * normal();
    const latent = [image, expectation, quality, value, satisfaction, complaints, loyalty];
    for (let h = 0; h < p; h++) {
      values[i * p + h] = Math.min(10, Math.max(1, Math.round(7 + 1.3 * (0.85 * latent[design.blockOf[h]] + 0.5 * normal()))));
    }
  }
  writeFileSync(file, Buffer.from(values.buffer));
  return file;
}

/** Reads a cached survey matrix. */
function readSurvey(file) {
  const bytes = readFileSync(file);
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
}

const items = (stem, count) => Array.from({ length: count }, (_, i) => `${stem}${i + 1}`);

/** The ECSI model on mobi (Tenenhaus et al. 2005), as in the reference tests. */
function mobiDesign() {
  return pathDesign(
    parseSurveyModel(
      {
        constructs: { Image: items('IMAG', 5), Expectation: items('CUEX', 3), Quality: items('PERQ', 7), Value: items('PERV', 2), Satisfaction: items('CUSA', 3), Complaints: ['CUSCO'], Loyalty: items('CUSL', 3) },
        paths: [['Image', 'Expectation'], ['Image', 'Satisfaction'], ['Image', 'Loyalty'], ['Expectation', 'Quality'], ['Expectation', 'Value'], ['Expectation', 'Satisfaction'], ['Quality', 'Value'], ['Quality', 'Satisfaction'], ['Value', 'Satisfaction'], ['Satisfaction', 'Complaints'], ['Satisfaction', 'Loyalty'], ['Complaints', 'Loyalty']],
      },
      'mobi-ecsi',
    ),
  );
}

/** mobi's 250 × 24 answers in the design's item order. */
function mobiMatrix(design) {
  const rows = parse(readFileSync(resolve(__dirname, '..', 'test', 'fixtures', 'reference', 'mobi.csv'), 'utf8'));
  const columns = design.items.map((item) => rows[0].indexOf(item));
  const n = rows.length - 1;
  const p = design.items.length;
  const values = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let h = 0; h < p; h++) values[i * p + h] = Number(rows[i + 1][columns[h]]);
  return { n, values };
}

module.exports = { icsiDesign, icsiSurvey, readSurvey, mobiDesign, mobiMatrix };

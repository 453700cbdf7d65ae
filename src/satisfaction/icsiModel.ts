import { join } from 'node:path';
import './icsi-model.json';

/**
 * Path of the ICSI model file shipped with the workbench (seven constructs of S3 art. 24 with
 * Chinese and English names, 24 items, the ECSI paths, scale 1–10). Copy it to adapt the model;
 * `loadSurveyModel(ICSI_MODEL_PATH)` reads it. (The import above makes the compiler ship the JSON
 * next to this file in dist/.)
 * @example loadSurveyModel(ICSI_MODEL_PATH).constructs.length // 7
 */
export const ICSI_MODEL_PATH = join(__dirname, 'icsi-model.json');

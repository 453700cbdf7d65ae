export { COMPANY, DEFAULT_POLICIES, DEFAULT_SEED, PRODUCTS as SAMPLE_PRODUCTS, STUDY_END as SAMPLE_STUDY_END } from './company';
export { generateSample, type SampleFolder, type SampleOptions } from './generateSample';
export { writeSampleFolder } from './writeSampleFolder';
export { PLANTED_FINDINGS, type PlantedFinding } from './plantedFindings';

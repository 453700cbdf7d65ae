import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { SILENT_PROGRESS } from '../../src/progress';
import { DEFAULT_SEED } from '../../src/sample/company';
import { generateSample } from '../../src/sample/generateSample';
import { writeSampleFolder } from '../../src/sample/writeSampleFolder';

/** Policies of the generated company: a tenth of the sample's 200,000, with the same products, channels and regions. */
export const GENERATED_POLICIES = 20_000;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data folder of the company generated for this run (`inject('generatedCompany')`). */
    generatedCompany: string;
  }
}

/**
 * Vitest global setup: the sample's generator run once for the whole test run, with the sample's
 * seed and GENERATED_POLICIES policies (`awb sample --policies 20000`), written under the run's
 * temporary folder (see temporaryFolder.ts, set up before this). End-to-end tests whose
 * subject is not the sample's planted findings or published figures run on it: every table of
 * the sample, in a tenth of the time. Its path is given to the tests as `inject('generatedCompany')`.
 */
export default function setup(project: TestProject): void {
  const folder = join(mkdtempSync(join(tmpdir(), 'awb-company-')), 'company');
  writeSampleFolder(folder, generateSample({ seed: DEFAULT_SEED, policies: GENERATED_POLICIES }, SILENT_PROGRESS).files);
  project.provide('generatedCompany', folder);
}

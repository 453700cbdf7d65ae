import { resolve } from 'node:path';
import { loadDataFolder } from '../../src/data/dataFolder';

/** The committed sample folder, relative to the repository root. */
export const SAMPLE_DIR = resolve(__dirname, '..', '..', 'data', 'sample');

/** Every table of the committed sample company, loaded through the data layer. */
export function loadSample() {
  return loadDataFolder(SAMPLE_DIR, ['products', 'loadings', 'finance', 'solvency', 'policies', 'claims', 'assumptions', 'triangle', 'survey']);
}

export type SampleTables = Awaited<ReturnType<typeof loadSample>>;

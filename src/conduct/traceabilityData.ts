import { loadDataFolder } from '../data/dataFolder';
import type { ReadOptions } from '../data/readTable';
import type { Table } from '../data/parseTable';
import type { RecordingRow } from '../data/rows';
import { type PolicySale, policySales } from './policySales';

/** What the traceability study reads from a data folder. */
export interface TraceabilityData {
  readonly sales: readonly PolicySale[];
  readonly recordings: Table<RecordingRow>;
  /** The files read. */
  readonly inputs: readonly string[];
}

/**
 * Reads a data folder for the traceability study (S4): products, policies and recordings
 * (required), and applications when the folder has one, and joins them into sales ({@link policySales}).
 * @throws InputError for a missing table, a bad cell, an unknown product, or an applications row that disagrees with its policy.
 * @example const { sales, recordings } = await loadTraceabilityData('data/sample');
 */
export async function loadTraceabilityData(dir: string, read: ReadOptions = {}): Promise<TraceabilityData> {
  const folder = await loadDataFolder(dir, ['products', 'policies', 'recordings'], ['applications'], read);
  return {
    sales: policySales(folder.policies, folder.products, folder.applications),
    recordings: folder.recordings,
    inputs: [folder.products.file, folder.policies.file, ...(folder.applications ? [folder.applications.file] : []), folder.recordings.file],
  };
}

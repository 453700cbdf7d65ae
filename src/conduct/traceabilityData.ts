import { type DataFolder, loadDataFolder } from '../data/dataFolder';
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
  return traceabilityData(await loadDataFolder(dir, TRACEABILITY_TABLES.required, TRACEABILITY_TABLES.optional, read));
}

/** The tables the traceability study reads: required, then optional. */
export const TRACEABILITY_TABLES = { required: ['products', 'policies', 'recordings'], optional: ['applications'] } as const;

/**
 * Joins a data folder's loaded tables into the traceability study's sales ({@link policySales}), as `loadTraceabilityData` does.
 * @throws InputError for an applications row that disagrees with its policy.
 */
export function traceabilityData(folder: DataFolder<'products' | 'policies' | 'recordings', 'applications'>): TraceabilityData {
  return {
    sales: policySales(folder.policies, folder.products, folder.applications),
    recordings: folder.recordings,
    inputs: [folder.products.file, folder.policies.file, ...(folder.applications ? [folder.applications.file] : []), folder.recordings.file],
  };
}

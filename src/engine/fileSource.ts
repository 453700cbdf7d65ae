import type { InputError, InputLocation } from '../data/InputError';
import type { RowBase } from '../data/parseTable';
import type { ReadOptions } from '../data/readTable';
import { scanTable } from '../data/scanTable';
import type { StudyDiagnosis, StudySource } from '../exposure/experienceStudy';
import { openDuckDB } from './duckdbEngine';
import type { SqlEngine } from './sqlEngine';
import { fileStudyTable, type StudyTableName } from './studyTable';

/** The policies (and claims) files an experience study reads. */
export interface StudyFiles {
  readonly policies: string;
  readonly claims?: string;
}

/** A study source on DuckDB over files; close it when done. */
export interface FileStudySource extends StudySource {
  close(): Promise<void>;
}

/** Options of `openFileSource`. */
export interface FileSourceOptions extends ReadOptions {
  /** DuckDB's CSV buffer in bytes (see FileStudyTableOptions; a small one forces parallel reading). */
  readonly csvBufferBytes?: number;
  /** DuckDB worker threads (default: every core). */
  readonly threads?: number;
  /** DuckDB's memory limit (e.g. '4GB'); beyond it aggregations spill to disk. */
  readonly memoryLimit?: string;
}

/**
 * The row path's diagnosis of files: `scanTable` reads a file in file order with the row path's
 * parsers, so an error names the same file, row, column and expectation as `loadTable` would.
 */
function fileDiagnosis(files: StudyFiles, options: ReadOptions): StudyDiagnosis {
  const pathOf = (table: StudyTableName) => (table === 'policies' ? files.policies : files.claims!);
  return {
    async firstProblem(table, { duplicateKeys, check }) {
      await scanTable(pathOf(table), table, {
        ...options,
        keys: duplicateKeys ?? new Set(),
        allowEmpty: table === 'claims',
        visit: (row: RowBase) => {
          const problem: InputError | null = check ? check(row) : null;
          if (problem) throw problem;
        },
      });
    },
    async firstRow(table, predicate) {
      let found: InputLocation | null = null;
      await scanTable(pathOf(table), table, {
        ...options,
        keys: new Set(),
        allowEmpty: true,
        visit: (row: RowBase) => {
          if (!predicate(row)) return true;
          found = { file: pathOf(table), row: row.source_row };
          return false;
        },
      });
      return found;
    },
  };
}

/**
 * Opens policies (and claims) files as an experience-study source on an embedded DuckDB: the
 * files are read where they lie, in parallel, by the study's own SQL (see `fileStudyTable`).
 * @throws InputError for a missing file or a header the row path refuses.
 * @example const source = await openFileSource({ policies: 'data/sample/policies.csv', claims: 'data/sample/claims.csv' });
 */
export async function openFileSource(files: StudyFiles, options: FileSourceOptions = {}): Promise<FileStudySource> {
  const engine: SqlEngine = await openDuckDB({ threads: options.threads, memoryLimit: options.memoryLimit });
  try {
    const policies = await fileStudyTable(engine, files.policies, 'policies', options);
    const claims = files.claims ? await fileStudyTable(engine, files.claims, 'claims', options) : undefined;
    return { engine, policies, claims, diagnosis: fileDiagnosis(files, options), close: () => engine.close() };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

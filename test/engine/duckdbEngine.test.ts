import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { DEFAULT_MEMORY_LIMIT, openDuckDB } from '../../src/engine/duckdbEngine';

describe('openDuckDB', () => {
  it(`bounds DuckDB's memory (default ${DEFAULT_MEMORY_LIMIT}) and spills to a temporary folder it removes on close`, async () => {
    const engine = await openDuckDB();
    const [row] = await engine.rows(`SELECT current_setting('memory_limit') AS m, current_setting('temp_directory') AS t`);
    await engine.close();
    // DuckDB reports 4 GB (4·10⁹ bytes) in binary units: 3.7 GiB.
    expect(row.m).toBe('3.7 GiB');
    expect(String(row.t)).toMatch(/awb-duckdb-/);
    expect(existsSync(String(row.t))).toBe(false);
  });

  it('takes a memory limit, and refuses one that is not a size, naming the variable', async () => {
    const engine = await openDuckDB({ memoryLimit: '512MB' });
    const [row] = await engine.rows(`SELECT current_setting('memory_limit') AS m`);
    await engine.close();
    expect(row.m).toBe('488.2 MiB');
    await expect(openDuckDB({ memoryLimit: 'lots' })).rejects.toThrow(InputError);
    await expect(openDuckDB({ memoryLimit: 'lots' })).rejects.toThrow(/AWB_DUCKDB_MEMORY_LIMIT: expected a memory size such as 4GB or 512MB, found "lots"/);
  });
});

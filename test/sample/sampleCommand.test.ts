import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/data/dataFolder';
import { runCli } from '../../src/cli/runCli';

let work: string;
let out: string[];
let err: string[];
const streams = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) };
const awb = (...args: string[]) => runCli(['node', 'awb', ...args], streams);

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'awb-sample-'));
  out = [];
  err = [];
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('awb sample', () => {
  it('writes a folder that loads with every table, and reports it as one JSON document', async () => {
    const dir = join(work, 'small');
    expect(await awb('sample', '--out', dir, '--policies', '2000', '--seed', '9', '--json')).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json).toMatchObject({ folder: dir, seed: 9, policies: 2000, study_end: '2025-12-31' });
    expect(json.rows.policies).toBe(2000);
    expect(json.planted_findings.map((f: { check: string }) => f.check)).toEqual([
      'ACC-LR-STOP',
      'ACC-LR-REPRICE',
      'ACC-LR-REPRICE (exempt)',
      'ILI-EXP-AVG',
      'ILI-ELIG',
      'BT-MEASURE (lapse)',
      'ILI-SVC-* (service time limits)',
      'ILI-SVC-BRANCH (surrender decisions)',
      'satisfaction index by region',
      'satisfaction index change 2024 → 2025 (survey_2024.csv)',
      'S5-REG-MISMATCH',
      'S5-REG-MISSING',
      'S4-REC-SENIOR',
    ]);
    const folder = await loadDataFolder(dir, ['products', 'loadings', 'finance', 'solvency', 'policies', 'claims', 'assumptions', 'triangle', 'survey', 'service_events', 'service_innovations', 'sales_staff_registry', 'sales_staff_statistics', 'sales_staff_hr', 'sales_staff_disclosure', 'applications', 'recordings']);
    expect(folder.service_events.rows.length).toBeGreaterThan(0);
    expect(folder.policies.rows).toHaveLength(2000);
    expect(existsSync(join(dir, 'survey_model.json'))).toBe(true);
    expect(readdirSync(work)).toEqual(['small']);
  });

  it('refuses an existing --out folder, even an empty one, with exit 2 and writes nothing', async () => {
    const empty = join(work, 'empty');
    const used = join(work, 'used');
    mkdirSync(empty);
    mkdirSync(used);
    writeFileSync(join(used, 'notes.txt'), 'keep me');
    expect(await awb('sample', '--out', empty, '--policies', '500')).toBe(2);
    expect(err.join('')).toMatch(/argument --out, .*empty: expected a folder that does not exist yet/);
    expect(await awb('sample', '--out', used, '--policies', '500')).toBe(2);
    expect(readdirSync(empty)).toEqual([]);
    expect(readdirSync(used)).toEqual(['notes.txt']);
    expect(readFileSync(join(used, 'notes.txt'), 'utf8')).toBe('keep me');
    // No temporary folder is left beside them.
    expect(readdirSync(work).sort()).toEqual(['empty', 'used']);
  });

  it('rejects a seed or policy count that is not a whole number in range, with exit 2', async () => {
    expect(await awb('sample', '--out', join(work, 'a'), '--seed', 'abc')).toBe(2);
    expect(err.join('')).toMatch(/argument --seed/);
    expect(await awb('sample', '--out', join(work, 'b'), '--policies', '10')).toBe(2);
    expect(err.join('')).toMatch(/argument --policies: expected a whole number of at least 100/);
    expect(readdirSync(work)).toEqual([]);
  });
});

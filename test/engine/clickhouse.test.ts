import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assumptionRates } from '../../src/backtest/assumptionRates';
import { dayOf } from '../../src/data/dates';
import { loadTable } from '../../src/data/readTable';
import type { ExitReason } from '../../src/data/schema';
import { openClickHouse, parseClickHouseUrl } from '../../src/engine/clickhouseEngine';
import { loadWarehouse } from '../../src/engine/loadWarehouse';
import { openWarehouse } from '../../src/engine/warehouse';
import { prepareStudies } from '../../src/exposure/experienceStudy';
import type { StudyBasis } from '../../src/exposure/studyBasis';
import { awb } from '../cli/run';
import { censusCsv, study } from '../exposure/study';
import { REFERENCE_DATA } from '../fixtures/reference';
import { skipWithout } from '../support/environment';

/**
 * The study on a two-shard ClickHouse cluster (`npm run cluster -- start`, which .ci/run starts)
 * against the same study on the data folder's files: `awb load` files a small sample company,
 * `awb backtest --engine` then prints the same bytes as `awb backtest --data` on every basis, the
 * load refuses bad data as the file path does (exit 2, naming file, row and column, nothing
 * loaded), and `awb verify` of a bundle filed from the warehouse notices when the warehouse's data
 * changes.
 */

const ROOT = resolve(__dirname, '..', '..');
/** The company generated once per test run (test/support/generatedCompany.ts): every table of the sample with a tenth of its policies. */
const COMPANY = inject('generatedCompany');
const BASES: readonly StudyBasis[] = ['calendar-quarter', 'calendar-year', 'calendar-month', 'policy-year'];
const HOSTS = '127.0.0.1:18123,127.0.0.1:18124';
const engineUrl = (db: string) => `clickhouse://${HOSTS}/${db}?cluster=awb`;

function clusterMissing(): string | null {
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'cluster.js'), 'status'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'no ClickHouse cluster on 127.0.0.1:18123 and :18124 (npm run cluster -- start; .ci/run starts one)';
  }
}

async function tablesOf(db: string): Promise<string[]> {
  const engine = await openClickHouse(parseClickHouseUrl(`clickhouse://127.0.0.1:18123/${db}`));
  try {
    const rows = await engine.rows(`SELECT name FROM system.tables WHERE database = '${db}' ORDER BY name`);
    return rows.map((r) => String(r.name));
  } finally {
    await engine.close();
  }
}

describe.skipIf(skipWithout(clusterMissing(), 'ClickHouse cluster tests'))('experience studies on a ClickHouse cluster', () => {
  let dir: string;
  let data: string;
  const db = 'awb_test_small';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'awb-ch-'));
    data = join(dir, 'small');
    expect((await awb('sample', '--out', data, '--policies', '3000', '--seed', '11')).code).toBe(0);
    const load = await awb('load', '--engine', engineUrl(db), '--data', data, '--json');
    expect(load.code, load.stderr).toBe(0);
    const summary = JSON.parse(load.stdout) as { tables: { table: string; rows: number }[] };
    const policies = readFileSync(join(data, 'policies.csv'), 'utf8').trim().split('\n').length - 1;
    expect(summary.tables.find((t) => t.table === 'policies')?.rows).toBe(policies);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const studies: readonly (readonly string[])[] = [
    ['--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--by', 'channel'],
    ['--basis', 'calendar-year', '--as-of', '2025-12-31', '--by', 'attained_age,gender'],
    ['--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--by', 'policy_year'],
    ['--basis', 'calendar-month', '--as-of', '2025-06-30', '--from', '2024-01-01', '--products', 'TRM01,CI01'],
    ['--basis', 'policy-year', '--as-of', '2025-12-31', '--by', 'channel,age_at_issue'],
  ];
  for (const study of studies) {
    it(`prints the same result as the files, byte for byte: ${study.join(' ')}`, async () => {
      const files = await awb('backtest', '--data', data, ...study, '--json');
      const cluster = await awb('backtest', '--engine', engineUrl(db), ...study, '--json');
      expect(files.code, files.stderr).toBe(0);
      expect(cluster.code, cluster.stderr).toBe(0);
      const cells = (JSON.parse(files.stdout) as { cells: unknown[] }).cells;
      expect(cells.length).toBeGreaterThan(10);
      expect(cluster.stdout).toBe(files.stdout);
    }, 120_000);
  }

  it('refuses a data folder with a bad cell as the files do, and loads nothing', async () => {
    const bad = join(dir, 'bad');
    expect((await awb('sample', '--out', bad, '--policies', '500', '--seed', '3')).code).toBe(0);
    const lines = readFileSync(join(bad, 'policies.csv'), 'utf8').split('\n');
    const header = lines[0].split(',');
    const column = header.indexOf('issue_date');
    const cells = lines[7].split(',');
    cells[column] = '2023-02-30';
    lines[7] = cells.join(',');
    writeFileSync(join(bad, 'policies.csv'), lines.join('\n'));
    const files = await awb('backtest', '--data', bad, '--basis', 'calendar-year', '--as-of', '2025-12-31');
    const load = await awb('load', '--engine', engineUrl('awb_test_bad'), '--data', bad);
    expect(files.code).toBe(2);
    expect(load.code).toBe(2);
    expect(load.stderr).toContain('policies.csv');
    expect(load.stderr).toContain('row 8');
    expect(load.stderr).toContain('issue_date');
    expect(load.stderr).toContain('2023-02-30');
    expect(await tablesOf('awb_test_bad')).toEqual([]);
  }, 120_000);

  it('verify reproduces a bundle filed from the warehouse, and names the table when the warehouse changes', async () => {
    const other = join(dir, 'other');
    expect((await awb('sample', '--out', other, '--policies', '3000', '--seed', '12')).code).toBe(0);
    const wdb = 'awb_test_verify';
    expect((await awb('load', '--engine', engineUrl(wdb), '--data', data)).code).toBe(0);
    const out = join(dir, 'bt');
    const filed = await awb('backtest', '--engine', engineUrl(wdb), '--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--out', out);
    expect(filed.code, filed.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { inputs: { path: string }[] };
    expect(manifest.inputs.map((i) => i.path)).toContain(`clickhouse://${HOSTS}/${wdb}/policies`);

    const first = await awb('verify', out, '--json');
    expect(first.code, first.stdout).toBe(0);
    expect((JSON.parse(first.stdout) as { reproduced: boolean }).reproduced).toBe(true);

    expect((await awb('load', '--engine', engineUrl(wdb), '--data', other)).code).toBe(0);
    const second = await awb('verify', out, '--json');
    expect(second.code).not.toBe(0);
    const report = JSON.parse(second.stdout) as { reproduced: boolean; inputs: { path: string; status: string }[] };
    expect(report.reproduced).toBe(false);
    expect(report.inputs.find((i) => i.path.endsWith('/policies'))?.status).toBe('changed');
  }, 240_000);

  it('gives the files\' output for the generated company on every basis, byte for byte', async () => {
    const sdb = 'awb_test_company';
    const load = await awb('load', '--engine', engineUrl(sdb), '--data', COMPANY);
    expect(load.code, load.stderr).toBe(0);
    for (const basis of BASES) {
      const study = ['--basis', basis, '--as-of', '2025-12-31', '--from', '2023-04-01', '--by', basis === 'policy-year' ? 'channel' : 'channel,policy_year'];
      const files = await awb('backtest', '--data', COMPANY, ...study, '--json');
      const cluster = await awb('backtest', '--engine', engineUrl(sdb), ...study, '--json');
      expect(files.code, files.stderr).toBe(0);
      expect(cluster.code, cluster.stderr).toBe(0);
      expect(cluster.stdout, basis).toBe(files.stdout);
    }
  }, 600_000);

  it('gives the files\' cells for the actxps census_dat on every basis, grouped and with a policy-year assumption table', async () => {
    const census = join(dir, 'census');
    mkdirSync(census);
    writeFileSync(join(census, 'policies.csv'), censusCsv('census_dat.csv'));
    const url = parseClickHouseUrl(engineUrl('awb_test_census'));
    await loadWarehouse(url, census);
    const assumptions = await loadTable(join(REFERENCE_DATA, 'census-surrender-assumptions.csv'), 'assumptions');
    const asOf = dayOf(2019, 12, 31);
    const from = dayOf(2012, 7, 15);
    for (const basis of BASES) {
      for (const by of basis === 'policy-year' ? [['inc_guar', 'attained_age'], ['age_at_issue', 'gender']] : [['policy_year'], ['inc_guar', 'attained_age'], ['qual']]) {
        const warehouse = await openWarehouse(url);
        const attributes = warehouse.policies.attributes;
        const rates = assumptionRates(assumptions.rows, 'surrender', { file: 'assumptions', policyAttributes: [...attributes] });
        const options = { basis, asOf, from, by, decrements: ['surrender'] as ExitReason[] };
        const onFiles = await study(join(census, 'policies.csv'), { ...options, rates });
        let onCluster;
        try {
          onCluster = await (await prepareStudies(warehouse, { ...options, rates: [rates] })).study({ ...options, rates });
        } finally {
          await warehouse.close();
        }
        expect(onFiles.cells.length, `${basis} by ${by.join(',')}`).toBeGreaterThan(10);
        expect(JSON.stringify(onCluster.cells), `${basis} by ${by.join(',')}`).toBe(JSON.stringify(onFiles.cells));
      }
    }
  }, 600_000);
});

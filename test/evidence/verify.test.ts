import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/runCli';
import { findCommand } from '../../src/commandRegistry';
import { fileEvidence } from '../../src/evidence/fileEvidence';
import { readManifest, verifyBundle } from '../../src/evidence/verify';
import { shareChromiumInFile } from '../support/sharedChromium';
import { withStandIns } from './standIns';

// Filing and verifying draw the charts through Chromium: many seconds each on a loaded two-core machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 900_000 });

shareChromiumInFile();

let work: string;
const REGIONS = 'policy,region\nP1,华东\nP2,华北\nP3,华东\nP4,西北\n';

/** Every file of a folder, by relative path with forward slashes. */
function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesOf(dir, prefix ? `${prefix}/${e.name}` : e.name) : [prefix ? `${prefix}/${e.name}` : e.name]))
    .sort();
}

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['node', 'awb', ...argv], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** Files a stand-in bundle that reads `data/regions.csv`, run from `root` as the working directory. */
async function tallyBundle(name: string): Promise<{ root: string; bundle: string; data: string }> {
  const root = join(work, name);
  mkdirSync(join(root, 'data'), { recursive: true });
  writeFileSync(join(root, 'data', 'regions.csv'), REGIONS);
  const before = process.cwd();
  process.chdir(root);
  try {
    await fileEvidence('bundle', 'tally', { table: 'data/regions.csv', by: 'region' }, { commands: withStandIns });
  } finally {
    process.chdir(before);
  }
  return { root, bundle: join(root, 'bundle'), data: join(root, 'data', 'regions.csv') };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'awb-verify-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('verify on a fresh bundle', () => {
  it('awb verify reproduces every output of a command without inputs and exits 0', async () => {
    const dir = join(work, 'cv');
    expect((await cli(['cash-value', '--net-premium', '365', '--term-days', '365', '--days-in-force', '100.5', '--out', dir])).code).toBe(0);
    const verified = await cli(['verify', dir]);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('REPRODUCED: all 4 outputs are reproduced byte for byte');
  });

  it('awb verify --json prints one JSON document with the verdict and every file', async () => {
    const dir = join(work, 'cv-json');
    await cli(['cash-value', '--net-premium', '120', '--term-days', '366', '--days-in-force', '30', '--out', dir]);
    const run = await cli(['verify', dir, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out);
    expect(report).toMatchObject({ command: 'cash-value', reproduced: true, inputs_changed: false, error: null, parameters: { net_premium: '120.00', term_days: 366, days_in_force: '30' } });
    expect(report.outputs.map((o: { status: string }) => o.status)).toEqual(['reproduced', 'reproduced', 'reproduced', 'reproduced']);
  });

  it('verifyBundle() reproduces a bundle whose command read an input, recorded by path and SHA-256', async () => {
    const { bundle } = await tallyBundle('fresh');
    const manifest = readManifest(bundle);
    // The SHA-256 of REGIONS's UTF-8 bytes, computed independently: printf '…' | sha256sum.
    // Bytes: the header line is 14, each data line 10 (two CJK characters are 3 bytes each).
    expect(manifest.inputs).toMatchObject([{ path: 'data/regions.csv', sha256: '0a7ae3798cba78a0c0e72cd2db4f6a48b69ab5c404651213968c7a50cefce5ae', bytes: 14 + 4 * 10 }]);
    const report = await verifyBundle(bundle, { commands: withStandIns });
    expect(report.error).toBeNull();
    expect(report.inputs.map((i) => i.status)).toEqual(['unchanged']);
    expect(report.outputs.map((o) => [o.path, o.status])).toEqual([
      ['charts/charts.html', 'reproduced'],
      ['charts/counts.json', 'reproduced'],
      ['charts/counts.svg', 'reproduced'],
      ['result.json', 'reproduced'],
      ['tables.xlsx', 'reproduced'],
      ['tables/counts.csv', 'reproduced'],
      ['tables/counts.json', 'reproduced'],
    ]);
    expect(report.reproduced).toBe(true);
  });

  it('records the manifest fields of DOMAIN.md: command, parameters, software, runtime, libraries, outputs', async () => {
    const { bundle } = await tallyBundle('fields');
    const m = readManifest(bundle);
    expect(m.command).toMatchObject({ name: 'tally', parameters: { table: 'data/regions.csv', by: 'region', leak: null } });
    expect(m.working_directory).toBe(join(work, 'fields'));
    expect(m.software.package).toBe('actuarial-workbench');
    expect(m.software.lockfile_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.runtime).toMatchObject({ node: process.version, time_zone: 'UTC' });
    expect(Object.keys(m.libraries)).toContain('decimal.js');
    // Packages with an `exports` map (csv-parse, danfojs, @e965/xlsx) are found too, at the installed version.
    for (const name of ['csv-parse', 'danfojs', '@e965/xlsx', 'exceljs', 'csv-stringify']) {
      const installed = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
      expect(m.libraries[name], name).toBe(installed);
    }
    expect(m.outputs.map((o) => o.path).sort()).toEqual(filesOf(bundle).filter((f) => f !== 'manifest.json'));
    for (const o of m.outputs) expect(o.bytes).toBe(readFileSync(join(bundle, o.path)).length);
  });
});

describe('verify fails on any change', () => {
  it('names the output when one byte changes, for every output file of the bundle', async () => {
    const { root, bundle } = await tallyBundle('bytes');
    const outputs = readManifest(bundle).outputs.map((o) => o.path);
    expect(outputs.length).toBe(7);
    for (const path of outputs) {
      const copy = join(root, `tampered-${path.replace(/\W/g, '_')}`);
      cpSync(bundle, copy, { recursive: true });
      const bytes = readFileSync(join(copy, path));
      bytes[Math.floor(bytes.length / 2)] ^= 0x01;
      writeFileSync(join(copy, path), bytes);
      const report = await verifyBundle(copy, { commands: withStandIns });
      expect(report.reproduced, path).toBe(false);
      expect(report.outputs.filter((o) => o.status !== 'reproduced').map((o) => [o.path, o.status]), path).toEqual([[path, 'altered']]);
      expect(report.inputs_changed).toBe(false);
    }
  });

  it('says "differs" when the recorded hash was forged to match an edited output', async () => {
    const { bundle } = await tallyBundle('forged');
    const path = join(bundle, 'tables', 'counts.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('华北,1', '华北,2'));
    const manifestPath = join(bundle, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const { sha256 } = await import('../../src/evidence/hash');
    manifest.outputs.find((o: { path: string }) => o.path === 'tables/counts.csv').sha256 = sha256(readFileSync(path));
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const report = await verifyBundle(bundle, { commands: withStandIns });
    const check = report.outputs.find((o) => o.path === 'tables/counts.csv')!;
    expect(check.status).toBe('differs');
    expect(check.first_difference).toEqual({ line: 3, filed: '华北,2', recomputed: '华北,1' });
    expect(report.reproduced).toBe(false);
  });

  it('says the input changed when the data file was edited after filing, and exits 1 naming it', async () => {
    const { bundle, data } = await tallyBundle('input-changed');
    appendFileSync(data, 'P5,华南\n');
    const report = await verifyBundle(bundle, { commands: withStandIns });
    expect(report.inputs).toMatchObject([{ path: 'data/regions.csv', status: 'changed' }]);
    expect(report.inputs_changed).toBe(true);
    expect(report.reproduced).toBe(false);
    // The recomputation now counts 华南 too, so the outputs differ as well.
    expect(report.outputs.find((o) => o.path === 'tables/counts.csv')?.status).toBe('differs');
    const run = await cli(['verify', bundle]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/CHANGED\s+data\/regions\.csv/);
    expect(run.out).toContain('the inputs themselves changed (data/regions.csv: changed)');
  });

  it('says the input is missing when the data file is gone', async () => {
    const { bundle, data } = await tallyBundle('input-missing');
    rmSync(data);
    const report = await verifyBundle(bundle, { commands: withStandIns });
    expect(report.inputs).toMatchObject([{ path: 'data/regions.csv', status: 'missing' }]);
    expect(report.error).toMatch(/bad input: .*regions\.csv/);
    expect(report.outputs.every((o) => o.status === 'not-recomputed')).toBe(true);
    expect(report.reproduced).toBe(false);
  });

  it('names an output deleted from the bundle and a file added to it', async () => {
    const { bundle } = await tallyBundle('deleted');
    rmSync(join(bundle, 'charts', 'counts.json'));
    writeFileSync(join(bundle, 'tables', 'extra.csv'), 'a\n1\n');
    const report = await verifyBundle(bundle, { commands: withStandIns });
    const bad = report.outputs.filter((o) => o.status !== 'reproduced').map((o) => [o.path, o.status]);
    expect(bad).toEqual([
      ['charts/counts.json', 'missing'],
      ['tables/extra.csv', 'unlisted'],
    ]);
  });

  it('reports a bundle of a command this workbench does not have as not reproduced', async () => {
    const { bundle } = await tallyBundle('unknown-command');
    const report = await verifyBundle(bundle, { commands: findCommand });
    expect(report.error).toBe('the command "tally" is not part of this version of the workbench');
    expect(report.reproduced).toBe(false);
  });

  it('rejects a folder that is not a bundle with exit 2', async () => {
    const run = await cli(['verify', join(work, 'no-such-bundle')]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('manifest.json');
  });
});

describe('where recorded inputs are looked up', () => {
  it('uses the folder the command ran in while it exists, from any current directory', async () => {
    const { bundle } = await tallyBundle('root-recorded');
    const before = process.cwd();
    process.chdir(tmpdir());
    try {
      const report = await verifyBundle(bundle, { commands: withStandIns });
      expect(report.inputs_root).toBe(join(work, 'root-recorded'));
      expect(report.reproduced).toBe(true);
    } finally {
      process.chdir(before);
    }
  });

  it('uses --inputs-root when the filing folder has moved (an archive restored elsewhere)', async () => {
    const { root } = await tallyBundle('root-moved');
    const moved = join(work, 'archive-2031');
    renameSync(root, moved);
    const report = await verifyBundle(join(moved, 'bundle'), { commands: withStandIns, inputsRoot: moved });
    expect(report.inputs[0]).toMatchObject({ status: 'unchanged', resolved: join(moved, 'data', 'regions.csv') });
    expect(report.reproduced).toBe(true);
    // Without the override the recorded folder is gone and the current directory has no data/.
    const lost = await verifyBundle(join(moved, 'bundle'), { commands: withStandIns });
    expect(lost.inputs[0].status).toBe('missing');
    expect(lost.reproduced).toBe(false);
  });
});

describe('filing', () => {
  it('a second run of the same command on the same inputs gives identical output bytes', async () => {
    const a = await tallyBundle('twice-a');
    const b = await tallyBundle('twice-b');
    const files = filesOf(a.bundle).filter((f) => f !== 'manifest.json');
    expect(filesOf(b.bundle).filter((f) => f !== 'manifest.json')).toEqual(files);
    for (const f of files) expect(readFileSync(join(b.bundle, f)).equals(readFileSync(join(a.bundle, f))), f).toBe(true);
  });

  it('never overwrites a bundle: exit 2, and the existing bundle is untouched', async () => {
    const dir = join(work, 'no-overwrite');
    const args = ['cash-value', '--net-premium', '365', '--term-days', '365', '--days-in-force', '1', '--out', dir];
    expect((await cli(args)).code).toBe(0);
    const before = readFileSync(join(dir, 'manifest.json'));
    const again = await cli([...args.slice(0, 5), '--days-in-force', '2', '--out', dir]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('never overwritten');
    expect(readFileSync(join(dir, 'manifest.json')).equals(before)).toBe(true);
  });

  it('--if-exists suffix files beside an existing bundle as DIR-2', async () => {
    const dir = join(work, 'suffix');
    const args = ['cash-value', '--net-premium', '365', '--term-days', '365', '--days-in-force', '1', '--out', dir, '--if-exists', 'suffix'];
    await cli(args);
    const second = await cli(args);
    expect(second.out).toContain(`Evidence bundle: ${dir}-2`);
    expect(existsSync(join(`${dir}-2`, 'manifest.json'))).toBe(true);
  });

  it('fileEvidence() records the same parameters as the command line', async () => {
    const viaCli = join(work, 'same-cli');
    const viaApi = join(work, 'same-api');
    await cli(['cash-value', '--net-premium', '120', '--term-days', '366', '--days-in-force', '30', '--out', viaCli]);
    const filed = await fileEvidence(viaApi, 'cash-value', { netPremium: 120, 'term-days': 366, daysInForce: 30 }, { commands: findCommand });
    expect(filed.parameters).toEqual(readManifest(viaCli).command.parameters);
    expect(readFileSync(join(viaApi, 'result.json')).equals(readFileSync(join(viaCli, 'result.json')))).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commandRegistry';
import { awb } from './run';

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'dist/cli/main.js');

/** Modules that take most of a cold start: DuckDB, the Chromium driver, the workbook writers, the statistics, the YAML parser (the shipped rulebook is precompiled to JSON). */
const HEAVY = /node_modules\/(@duckdb|playwright-core|exceljs|@e965\/xlsx|danfojs|ml-matrix|jstat|plotly\.js-dist-min|yaml)\/|dist\/(satisfaction|engine|backtest|lossratio|report|charts)\//;

/** Runs the built `awb` and returns the modules it loaded (`npm test` builds dist/ first). */
function modulesLoaded(...args: string[]): { code: number | null; stdout: string; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'awb-startup-'));
  const hook = join(dir, 'hook.js');
  const list = join(dir, 'modules.json');
  writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const run = spawnSync(process.execPath, ['-r', hook, MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, modules: JSON.parse(readFileSync(list, 'utf8')) as string[] };
}

describe('awb start-up', () => {
  it('every registry entry names the command it loads, with the same summary', async () => {
    for (const entry of COMMANDS) {
      const spec = await entry.load();
      expect(spec.name).toBe(entry.name);
      expect(spec.summary).toBe(entry.summary);
    }
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await awb('--version');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
  });

  it('--help lists every command without loading any', async () => {
    const r = await awb('--help');
    for (const entry of COMMANDS) expect(r.stdout).toContain(entry.name);
  });

  describe.skipIf(!existsSync(MAIN))('the built command loads only what the command runs', () => {
    it.each([
      ['--help'],
      ['rules'],
      ['cash-value', '--net-premium', '365', '--term-days', '365', '--days-in-force', '100'],
      ['--version'],
    ])('awb %s loads no DuckDB, Chromium driver, workbook writer, statistics or YAML parser', (...args) => {
      const run = modulesLoaded(...args);
      expect(run.code).toBe(0);
      expect(run.modules.filter((m) => HEAVY.test(m))).toEqual([]);
      expect(run.modules.some((m) => m.endsWith('dist/commands/backtest.js'))).toBe(false);
    });

    it('awb backtest --help loads the backtest command (and so its engine), and only it', () => {
      const run = modulesLoaded('backtest', '--help');
      expect(run.stdout).toContain('--as-of');
      expect(run.modules.some((m) => m.endsWith('dist/commands/backtest.js'))).toBe(true);
      expect(run.modules.some((m) => m.endsWith('dist/commands/icsi.js'))).toBe(false);
    });
  });
});

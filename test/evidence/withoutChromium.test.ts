import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Runs the built CLI (npm test builds first) in child processes, so that AWB_CHROMIUM can point
// at a Chromium that is not there, as on a machine without Debian's chromium package.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const SAMPLE = join(ROOT, 'data', 'sample');
const NO_CHROMIUM = { ...process.env, AWB_CHROMIUM: '/nonexistent/chromium' };

type Run = { code: number; stdout: string; stderr: string };

async function awb(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env, cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let work: string;
let expense: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'awb-no-chromium-'));
  expense = join(work, 'expense');
  const filed = await awb(NO_CHROMIUM, 'expense', '--data', SAMPLE, '--out', expense);
  expect(filed.stderr).toBe('');
  expect(filed.code).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('without Chromium', () => {
  it('files charts as HTML and JSON only, and the manifest records no Chromium', () => {
    const charts = readdirSync(join(expense, 'charts')).sort();
    expect(charts).toContain('charts.html');
    expect(charts.some((f) => f.endsWith('.json'))).toBe(true);
    expect(charts.filter((f) => f.endsWith('.svg'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(expense, 'manifest.json'), 'utf8')).runtime.chromium).toBeNull();
  });

  it('verify reproduces such a bundle where there is still no Chromium', async () => {
    const verified = await awb(NO_CHROMIUM, 'verify', expense, '--json');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ reproduced: true, renderings_only: false });
  });

  it('verify with Chromium says only the renderings differ: the SVGs it draws were not filed', async () => {
    const verified = await awb(process.env, 'verify', expense, '--json');
    expect(verified.code).toBe(1);
    const report = JSON.parse(verified.stdout) as { renderings_only: boolean; inputs_changed: boolean; outputs: { path: string; status: string }[]; environment_differences: string[] };
    expect(report.inputs_changed).toBe(false);
    const differing = report.outputs.filter((o) => o.status !== 'reproduced');
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.every((o) => o.path.endsWith('.svg') && o.status === 'unrecorded')).toBe(true);
    expect(report.renderings_only).toBe(true);
    expect(report.environment_differences.some((d) => d.startsWith('chromium: filed with no Chromium'))).toBe(true);
  });

  it('the review is filed without its PDF and says why', async () => {
    const bundle = join(work, 'review');
    const run = await awb(NO_CHROMIUM, 'review', '--data', SAMPLE, '--quarter', '2025Q4', '--out', bundle);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The PDF was not printed: no Chromium at /nonexistent/chromium');
    expect(run.stdout).toContain(`Filed: ${join(bundle, 'report.html')}`);
    expect(existsSync(join(bundle, 'report.html'))).toBe(true);
    expect(existsSync(join(bundle, 'report.pdf'))).toBe(false);
  });
});

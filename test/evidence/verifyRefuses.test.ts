import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commandParams } from '../../src/commands/commandOptions';
import { serviceEvaluationCommand } from '../../src/commands/serviceEvaluation';
import { awb } from '../cli/run';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let work: string;
let bundle: string;

/** The cash-value bundle with its manifest's command replaced, as an attacker would edit it. */
function withCommand(name: string, command: Record<string, unknown>): string {
  const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
  manifest.command = { ...manifest.command, ...command };
  manifest.working_directory = work;
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(bundle, dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'awb-verify-refuses-'));
  bundle = join(work, 'cv');
  expect((await awb('cash-value', '--net-premium', '365', '--term-days', '365', '--days-in-force', '100', '--out', bundle)).code).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('verify recomputes only commands that file evidence, with parameters the command line accepts', () => {
  it('still reproduces the untouched bundle', async () => {
    expect((await awb('verify', bundle)).code).toBe(0);
  });

  it('still reproduces a bundle filed before a parameter existed: the missing parameter runs at its default', async () => {
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
    const { schedule, ...older } = manifest.command.parameters;
    expect(schedule).toBeNull();
    const dir = withCommand('older', { parameters: older });
    const report = JSON.parse((await awb('verify', dir, '--json')).stdout);
    expect(report.error).toBeNull();
    // Every output reproduces but the workbook, whose provenance sheet (filed with the newer
    // parameters, unlike a bundle really filed before) lists the parameters recorded.
    expect(report.outputs.filter((o: { status: string }) => o.status !== 'reproduced').map((o: { path: string }) => o.path)).toEqual(['tables.xlsx']);
  });

  it('reproduces a bundle filed through the library (no recorded arguments), checking its parameters as a command line', async () => {
    const dir = withCommand('library', { argv: [] });
    expect((await awb('verify', dir)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
    const bad = withCommand('library-bad', { argv: [], parameters: { ...manifest.command.parameters, term_days: -5 } });
    const run = await awb('verify', bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('field command.argv');
    expect(run.stderr).not.toContain('internal error');
  });

  it('refuses a manifest naming sample with exit 2 naming command.name, and creates no folder', async () => {
    const target = join(work, 'planted-sample');
    const dir = withCommand('as-sample', { name: 'sample', parameters: { out: target }, argv: ['sample', '--out', target] });
    const run = await awb('verify', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('field command.name');
    expect(run.stderr).not.toContain('internal error');
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a manifest naming rules --export, and writes no YAML file', async () => {
    const target = join(work, 'planted.yaml');
    const dir = withCommand('as-rules', { name: 'rules', parameters: { export: target }, argv: ['rules', '--export', target] });
    const run = await awb('verify', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('field command.name');
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a manifest naming verify on its own bundle instead of running forever', async () => {
    const dir = withCommand('as-verify', {});
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.command = { name: 'verify', parameters: { bundle: dir, inputs_root: null }, argv: ['verify', dir] };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const run = await awb('verify', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('field command.name');
  });

  it('refuses a recorded parameter the command line would refuse, naming the field, instead of crashing', async () => {
    const dir = withCommand('bad-parameter', { parameters: { net_premium: 365, term_days: -4, term_months: null, issue_date: null, days_in_force: '100', schedule: null } });
    const run = await awb('verify', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/field command\.parameters\.net_premium: expected "365\.00", the value that the recorded command\.argv gives, found "365"/);
  });

  it('refuses recorded parameters that are not an object, naming command.parameters', async () => {
    const dir = withCommand('null-parameters', { parameters: null });
    const run = await awb('verify', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('field command.parameters: expected an object of parameters');
  });

  it('refuses recorded arguments the command line would refuse, naming command.argv and the option', async () => {
    const dir = withCommand('bad-argv', { argv: ['cash-value', '--net-premium', '365', '--term-days', '0', '--days-in-force', '100'] });
    const run = await awb('verify', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('field command.argv');
    expect(run.stderr).toContain('--term-days');
  });

  it('refuses a recorded export (service-evaluation --export-model), and writes no model file', async () => {
    const target = join(work, 'planted-model.yaml');
    const argv = ['--export-model', target];
    const dir = withCommand('as-export', { name: 'service-evaluation', parameters: commandParams(serviceEvaluationCommand, argv).params, argv: ['service-evaluation', ...argv] });
    const run = await awb('verify', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('field command.parameters.export_model');
    expect(existsSync(target)).toBe(false);
  });
});

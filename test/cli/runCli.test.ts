import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awb } from './run';
import { sha256 } from '../../src/evidence/hash';
import { tempDir } from '../data/helpers';

describe('awb command line', () => {
  it('prints the minimum cash value (S1 §9.5, hand computation: 365 × (1 − 101/365) = 264.00)', async () => {
    const r = await awb('cash-value', '--net-premium', '365.00', '--term-days', '365', '--days-in-force', '100.5', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ minimum_cash_value: 264, days_in_force_counted: 101 });
  });

  it('--json prints exactly one JSON document and nothing else', async () => {
    const r = await awb('cash-value', '--net-premium', '100', '--term-days', '365', '--days-in-force', '1', '--json');
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(r.stdout.trim().endsWith('}')).toBe(true);
  });

  it('bad arguments exit with code 2 and say what was expected', async () => {
    const r = await awb('cash-value', '--net-premium', '1.234', '--term-days', '365', '--days-in-force', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('awb: argument --net-premium: expected money in yuan with at most two decimals, found "1.234"\n');
    expect((await awb('cash-value', '--net-premium', '1', '--term-days', '30', '--days-in-force', '30.5')).stderr).toContain(
      'argument --days-in-force: expected at most the term of 30 days',
    );
    expect((await awb('no-such-command')).code).toBe(2);
    expect((await awb('cash-value', '--net-premium', '1')).code).toBe(2); // missing required options
  });

  it('--help exits 0 for every command', async () => {
    expect((await awb('--help')).code).toBe(0);
    const r = await awb('cash-value', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });

  it('--out files a bundle whose manifest hashes every output, and never overwrites it', async () => {
    const out = join(tempDir(), 'bundle');
    const r = await awb('cash-value', '--net-premium', '100', '--term-days', '365', '--days-in-force', '1', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Evidence bundle: ${out}`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.command).toMatchObject({ name: 'cash-value', parameters: { net_premium: '100.00', term_days: 365, days_in_force: '1' } });
    for (const output of manifest.outputs) expect(sha256(readFileSync(join(out, output.path)))).toBe(output.sha256);
    expect(manifest.runtime.time_zone).toBeTruthy();
    const again = await awb('cash-value', '--net-premium', '100', '--term-days', '365', '--days-in-force', '1', '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('expected an output folder that does not exist yet');
  });

  it('--if-exists suffix writes beside an existing bundle with identical outputs', async () => {
    const out = join(tempDir(), 'bundle');
    const args = ['cash-value', '--net-premium', '100', '--term-days', '365', '--days-in-force', '1', '--out', out, '--if-exists', 'suffix'];
    await awb(...args);
    await awb(...args);
    for (const file of ['result.json', 'tables/minimum_cash_value.csv']) {
      expect(readFileSync(`${out}-2/${file}`)).toEqual(readFileSync(`${out}/${file}`));
    }
  });

  it('bad input leaves nothing written', async () => {
    const parent = tempDir();
    const r = await awb('cash-value', '--net-premium', '-1', '--term-days', '365', '--days-in-force', '1', '--out', join(parent, 'bundle'));
    expect(r.code).toBe(2);
    expect(existsSync(join(parent, 'bundle'))).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});

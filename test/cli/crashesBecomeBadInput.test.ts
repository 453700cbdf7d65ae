import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CommandOutput } from '../../src/commands/command';
import { InputError } from '../../src/data/InputError';
import { fileBundle } from '../../src/evidence/fileBundle';
import { tempDir } from '../data/helpers';
import { awb } from './run';

vi.setConfig({ testTimeout: 120_000 });

const FINANCE_HEADER = 'product_code,period,premium_income,upr_opening,upr_closing,claims_paid,ocr_opening,ocr_closing';

/** A data folder of one accident product whose four quarters each take in 89,999,999,999,999.99 yuan. */
function hugePremiums(): string {
  const dir = tempDir('awb-huge-');
  writeFileSync(join(dir, 'products.csv'), 'product_code,product_name,line,term_months\nACC01,意外,accident,12\n');
  const quarters = [1, 2, 3, 4].map((q) => `ACC01,2025Q${q},89999999999999.99,0,0,0,0,0`);
  writeFileSync(join(dir, 'finance.csv'), [FINANCE_HEADER, ...quarters].join('\n') + '\n');
  return dir;
}

describe('inputs that crashed with a stack trace are bad input: exit 2, a clear message, nothing written', () => {
  it('four quarters of 89,999,999,999,999.99 yuan (a year of 359,999,999,999,999.96, beyond the 2^53 fen that add exactly)', async () => {
    const data = hugePremiums();
    for (const command of [['lossratio', '--year', '2025'], ['expense']]) {
      const r = await awb(command[0], '--data', data, ...command.slice(1));
      expect(r.code, command[0]).toBe(2);
      expect(r.stderr).toContain('finance.csv, row 5, column premium_income: expected amounts whose sum over the quarters of ACC01 2025 (rows 2, 3, 4, 5) stays within ±90 trillion yuan');
      expect(r.stderr).not.toContain('    at ');
    }
  });

  it('a year whose premium income and opening reserve (89,999,999,999,999.99 each) add beyond the range is refused at its row', async () => {
    const data = hugePremiums();
    writeFileSync(join(data, 'finance.csv'), [FINANCE_HEADER, 'ACC01,2025,89999999999999.99,89999999999999.99,0,0,0,0'].join('\n') + '\n');
    const r = await awb('lossratio', '--data', data, '--year', '2025');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('finance.csv, row 2: expected amounts of ACC01 2025 (row 2) whose earned premium and incurred claims stay within ±90 trillion yuan');
  });

  it('a triangle value near 1e305 (its development factors would overflow to Infinity) is refused at its row', async () => {
    const dir = tempDir('awb-tri-');
    const triangle = join(dir, 'triangle.csv');
    writeFileSync(triangle, 'origin,development,value\n2021,1,1\n2021,2,2\n2022,1,3e305\n');
    const r = await awb('reserve', '--triangle', triangle, '--out', join(dir, 'bundle'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 4, column value: expected a number of at most 1000000000000000, found "3e305"');
    expect(existsSync(join(dir, 'bundle'))).toBe(false);
  });

  it('--out under a file is refused before the computation (its error comes before that of a bad input)', async () => {
    const dir = tempDir('awb-out-file-');
    writeFileSync(join(dir, 'a-file'), 'x');
    const triangle = join(dir, 'triangle.csv');
    writeFileSync(triangle, 'origin,development,value\n2021,1,-5\n');
    const r = await awb('reserve', '--triangle', triangle, '--out', join(dir, 'a-file', 'bundle'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^awb: argument --out, .*a-file\/bundle: expected a folder path; .*a-file is a file, not a folder\n$/);
  });

  it('three concurrent bundles to the same --out: with suffix each takes its own folder (DIR, DIR-2, DIR-3); without, one is filed and two refused', async () => {
    const dir = tempDir('awb-concurrent-');
    const output: CommandOutput = { json: { answer: 42 }, text: '42', inputs: [], tables: { t: [{ a: 1 }] } };
    const command = { name: 'cash-value', parameters: {}, argv: ['cash-value'] };
    const suffixed = await Promise.all([1, 2, 3].map(() => fileBundle(join(dir, 'Z'), command, output, 'suffix')));
    expect([...suffixed].sort()).toEqual([join(dir, 'Z'), join(dir, 'Z-2'), join(dir, 'Z-3')]);
    for (const b of suffixed) expect(JSON.parse(readFileSync(join(b, 'result.json'), 'utf8'))).toEqual({ answer: 42 });
    const settled = await Promise.allSettled([1, 2, 3].map(() => fileBundle(join(dir, 'Y'), command, output, 'error')));
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(refused).toHaveLength(2);
    for (const s of refused) expect(s.reason).toBeInstanceOf(InputError);
    expect(readdirSync(dir).sort()).toEqual(['Y', 'Z', 'Z-2', 'Z-3']);
  });

  it('an as-of date of 9999-12-31 (a study window of 8,000 years that exhausted memory) is refused', async () => {
    const data = tempDir('awb-as-of-9999-');
    cpSync(join(__dirname, '..', 'fixtures', 'tiny-company'), data, { recursive: true });
    writeFileSync(join(data, 'assumptions.csv'), 'indicator,product_code,policy_year,rate\nlapse,TL01,,0.10\n');
    const r = await awb('backtest', '--data', data, '--basis', 'policy-year', '--as-of', '9999-12-31');
    expect(r.code).toBe(2);
    // The tiny company's earliest issue date: P0008's 2022-04-01.
    expect(r.stderr).toBe('awb: argument --as-of: expected a study window of at most 200 years (it starts 2022-04-01, the earliest issue date), found "9999-12-31"\n');
  });

  it('a rulebook with years: 0 is refused naming the parameter', async () => {
    const dir = tempDir('awb-years0-');
    const rules = join(dir, 'rules.yaml');
    expect((await awb('rules', '--export', rules)).code).toBe(0);
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('      years: 3\n', '      years: 0\n'));
    const data = hugePremiums();
    writeFileSync(join(data, 'finance.csv'), [FINANCE_HEADER, 'ACC01,2025,1000.00,0,0,100.00,0,0'].join('\n') + '\n');
    const r = await awb('lossratio', '--data', data, '--year', '2025', '--rules', rules);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('column ACC-LR-REPRICE.parameters.years: expected a whole number from 1 to 100, found "0"');
  });
});

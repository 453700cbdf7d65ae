import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { declareOptions } from '../../src/commands/commandOptions';
import { findCommand } from '../../src/commandRegistry';
import { readManifest, verifyBundle } from '../../src/evidence/verify';
import { awb } from '../cli/run';
import { shareChromiumInFile } from '../support/sharedChromium';

vi.setConfig({ testTimeout: 120_000 });

shareChromiumInFile();

const COMPANY = path.resolve(__dirname, '..', 'fixtures', 'lossratio-company');

/** GBK bytes of 旅游意外险 (checked with iconv: 旅 = C2C3, 游 = D3CE, 意 = D2E2, 外 = CDE2, 险 = CFD5). */
const GBK_NAME = Buffer.from([0xc2, 0xc3, 0xd3, 0xce, 0xd2, 0xe2, 0xcd, 0xe2, 0xcf, 0xd5]);

/** The fixture company with its products table in GBK (ACC01's name in Chinese) and a title line above the finance header. */
function gbkCompanyWithTitle(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'awb-read-'));
  const products = readFileSync(path.join(COMPANY, 'products.csv'), 'utf8').replace('Travel accident (planted stop-sale)', '\u0000');
  const [before, after] = products.split('\u0000');
  writeFileSync(path.join(dir, 'products.csv'), Buffer.concat([Buffer.from(before), GBK_NAME, Buffer.from(after)]));
  const finance = readFileSync(path.join(COMPANY, 'finance.csv'), 'utf8');
  writeFileSync(path.join(dir, 'finance.csv'), `Finance ledger 2022-2025,,,,,,,,,,\n${finance}`);
  return dir;
}

describe('--encoding and --header-row on every command that reads tables', () => {
  it('every such command declares both options', async () => {
    for (const name of ['backtest', 'lossratio', 'expense', 'eligibility', 'reserve', 'icsi', 'review']) {
      const spec = (await findCommand(name))!;
      const longs = declareOptions(new Command(name), spec).options.map((o) => o.long);
      expect(longs, name).toEqual(expect.arrayContaining(['--encoding', '--header-row']));
    }
  });

  it('without them a GBK file and a title row are refused with the option to use; with them the command runs', async () => {
    const dir = gbkCompanyWithTitle();
    const plain = await awb('lossratio', '--data', dir, '--json');
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('products.csv, row 2: expected text encoded as UTF-8 (the bytes look like GBK/GB18030: save the file as UTF-8 or pass --encoding gb18030)');
    const encoded = await awb('lossratio', '--data', dir, '--encoding', 'gbk', '--json');
    expect(encoded.code).toBe(2);
    expect(encoded.stderr).toContain("finance.csv, row 1: expected the finance table's header in row 1 (row 1 reads \"Finance ledger 2022-2025\", a title?), but it looks like row 2: delete the rows above the header or pass --header-row 2");
    // --header-row applies to every table of the folder: give products the same title line.
    const products = readFileSync(path.join(dir, 'products.csv'));
    writeFileSync(path.join(dir, 'products.csv'), Buffer.concat([Buffer.from('Products,,,,,,\n'), products]));
    const both = await awb('lossratio', '--data', dir, '--encoding', 'gbk', '--header-row', '2', '--json');
    expect(both.stderr).toBe('');
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout).findings.map((f: { rule_id: string; product_code: string }) => `${f.rule_id} ${f.product_code}`)).toContain('ACC-LR-STOP ACC01');
  });

  it('a bundle filed with --encoding records it, and verify reproduces it (the confidentiality scan reads the file as the command did)', async () => {
    const dir = gbkCompanyWithTitle();
    writeFileSync(path.join(dir, 'finance.csv'), readFileSync(path.join(COMPANY, 'finance.csv')));
    const out = path.join(dir, 'bundle');
    const run = await awb('lossratio', '--data', dir, '--encoding', 'gbk', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readManifest(out).command.parameters).toMatchObject({ encoding: 'gbk', header_row: null });
    expect(readFileSync(path.join(out, 'tables', 'loss_ratios.csv'), 'utf8').startsWith('\uFEFFproduct_code,')).toBe(true);
    expect((await verifyBundle(out, { commands: findCommand })).reproduced).toBe(true);
  });

  it('--header-row reads a table whose header sits below a title', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'awb-read-'));
    const triangle = 'origin,development,value\n2020,1,100\n2020,2,150\n2020,3,165\n2020,4,170\n2021,1,110\n2021,2,170\n2021,3,189\n2022,1,120\n2022,2,174\n2023,1,130\n';
    writeFileSync(path.join(dir, 'triangle.csv'), `Paid claims triangle,,\n${triangle}`);
    const run = await awb('reserve', '--triangle', path.join(dir, 'triangle.csv'), '--header-row', '2', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Chain ladder by hand: f1 = (150 + 170 + 174) / (100 + 110 + 120) = 494/330, f2 = (165 + 189) / (150 + 170) = 354/320,
    // f3 = 170/165; origin 2023's ultimate = 130 × 494/330 × 354/320 × 170/165 = 221.8067… → 221.81.
    expect(JSON.parse(run.stdout).origins[3]).toMatchObject({ origin: 2023, ultimate: 221.81 });
  });

  it('an unknown encoding or a header row of 0 is refused, naming the option', async () => {
    const bad = await awb('lossratio', '--data', COMPANY, '--encoding', 'latin1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('argument --encoding: expected one of utf-8, gb18030, gbk, utf-16, utf-16le, utf-16be, found "latin1"');
    const zero = await awb('lossratio', '--data', COMPANY, '--header-row', '0');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('argument --header-row: expected a whole number of at least 1');
  });
});

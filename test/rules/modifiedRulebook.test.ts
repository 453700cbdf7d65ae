import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULEBOOK_PATH, loadRulebook } from '../../src/rules/rulebook';
import { awb } from '../cli/run';
import { tempDir } from '../data/helpers';
import { shareChromiumInFile } from '../support/sharedChromium';

vi.setConfig({ testTimeout: 120_000 });

shareChromiumInFile();

const SAMPLE = resolve(__dirname, '..', '..', 'data', 'sample');
const SHIPPED = readFileSync(DEFAULT_RULEBOOK_PATH, 'utf8');
const shipped = loadRulebook();

/** A copy of the shipped rulebook with `edit` applied to its text. */
function copy(name: string, edit: (text: string) => string): string {
  const file = join(tempDir('awb-modified-rules-'), name);
  writeFileSync(file, edit(SHIPPED));
  return file;
}

/** The stop-sale threshold moved from 0.30 to 0.20, id and version kept. */
const lowerStopSale = (text: string) => {
  expect(text).toContain('      threshold: 0.30\n');
  return text.replace('      threshold: 0.30\n', '      threshold: 0.20\n');
};

describe('an edited rulebook that keeps the shipped id and version is marked modified everywhere', () => {
  it('loadRulebook() marks it modified and its version says so; an unedited copy and a renamed edit are not', () => {
    const edited = loadRulebook(copy('edited.yaml', lowerStopSale));
    expect(edited.modified).toBe(true);
    expect(edited.version).toBe(`${shipped.version} (modified)`);
    expect(edited.sha256).not.toBe(shipped.sha256);
    const same = loadRulebook(copy('same.yaml', (t) => t));
    expect([same.modified, same.version]).toEqual([false, shipped.version]);
    const renamed = loadRulebook(copy('renamed.yaml', (t) => lowerStopSale(t).replace(/^id: .*$/m, 'id: my-company')));
    expect([renamed.id, renamed.modified, renamed.version]).toEqual(['my-company', false, shipped.version]);
  });

  it('the terminal header, the JSON and the filed manifest of awb lossratio say "modified"', async () => {
    const rules = copy('edited.yaml', lowerStopSale);
    const text = await awb('lossratio', '--data', SAMPLE, '--year', '2025', '--rules', rules);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`rulebook awb-default ${shipped.version} (modified)`);
    const out = join(tempDir('awb-modified-bundle-'), 'bundle');
    const json = await awb('lossratio', '--data', SAMPLE, '--year', '2025', '--rules', rules, '--json', '--out', out);
    expect(JSON.parse(json.stdout).rulebook.version).toBe(`${shipped.version} (modified)`);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).rulebook.version).toBe(`${shipped.version} (modified)`);
    expect((await awb('rules', '--rules', rules)).stdout).toContain(`Rulebook awb-default ${shipped.version} (modified)`);
  });
});

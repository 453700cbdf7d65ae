import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_RULEBOOK_PATH, loadRulebook } from '../../src/rules/rulebook';

const RULES = resolve(__dirname, '..', '..', 'src', 'rules');
const yamlBytes = () => readFileSync(join(RULES, 'default-rulebook.yaml'));
const compiled = () => JSON.parse(readFileSync(join(RULES, 'default-rulebook.json'), 'utf8')) as { source_sha256: string; document: unknown };

describe('the shipped rulebook precompiled to JSON (scripts/compileRulebook.js) agrees with its YAML source', () => {
  it('was compiled from the YAML as it is now (run `node scripts/compileRulebook.js` after editing the YAML)', () => {
    expect(compiled().source_sha256).toBe(createHash('sha256').update(yamlBytes()).digest('hex'));
  });

  it('holds exactly the document the YAML parses to', () => {
    expect(compiled().document).toEqual(parse(yamlBytes().toString('utf8')));
  });

  it('loadRulebook() gives the same rules whether it reads the JSON (shipped path) or parses the YAML (a copy)', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'awb-rulebook-')), 'copy.yaml');
    copyFileSync(DEFAULT_RULEBOOK_PATH, copy);
    const shipped = loadRulebook();
    const parsed = loadRulebook(copy);
    expect(shipped.rules).toEqual(parsed.rules);
    expect([shipped.id, shipped.version, shipped.description, shipped.sha256]).toEqual([parsed.id, parsed.version, parsed.description, parsed.sha256]);
    expect(parsed.modified).toBe(false);
  });

  it('an edited copy of the rulebook is parsed from its own YAML, never taken for the shipped JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awb-rulebook-'));
    const edited = join(dir, 'edited.yaml');
    writeFileSync(edited, yamlBytes().toString('utf8').replace(/\bcap: 0\.35\b/, 'cap: 0.36'));
    const book = loadRulebook(edited);
    expect(book.modified).toBe(true);
    expect(book.rules.some((r) => String(r.parameters.cap) === '0.36')).toBe(true);
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULEBOOK_PATH } from '../../src/rules/rulebook';
import { awb } from './run';

describe('awb rules', () => {
  it('lists the rules with their citations and parameters', async () => {
    const json = JSON.parse((await awb('rules', '--json')).stdout);
    const reprice = json.rules.find((r: { id: string }) => r.id === 'ACC-LR-REPRICE');
    expect(reprice.citation.quote).toContain('过去三年平均赔付率低于50%');
    expect(reprice.parameters).toMatchObject({ threshold: 0.5, comparison: 'lt', averaging: 'pooled' });
  });

  it('exports a copy of the default rulebook, and never overwrites a file', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'awb-rules-')), 'my-rules.yaml');
    expect((await awb('rules', '--export', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(DEFAULT_RULEBOOK_PATH, 'utf8'));
    const again = await awb('rules', '--export', file);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('expected a new file');
  });
});

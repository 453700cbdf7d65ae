import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaMarkdown } from '../../src/data/schemaMarkdown';

describe('the README documents every table and column', () => {
  it('the data-folder section equals the schema (regenerate with: node dist/cli/main.js tables)', () => {
    const readme = readFileSync(resolve(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = /<!-- tables:start -->\n([\s\S]*?)<!-- tables:end -->/.exec(readme);
    expect(section, 'README.md lacks the tables:start/tables:end markers').not.toBeNull();
    expect(section![1]).toBe(schemaMarkdown());
  });
});

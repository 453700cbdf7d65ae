import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { sha256 } from '../../src/evidence/hash';
import { narrativeHtml, readNarrative } from '../../src/report/narrative';

const dir = mkdtempSync(join(tmpdir(), 'awb-narrative-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('readNarrative()', () => {
  it('splits the two top-level headings into parts 四 and 五, keeping the text and hashing the bytes', () => {
    const text = '\n# Risks\n\nLapse is rising.\n\n## Detail\n\nMore.\n\n# Plans\n\n- Reprice.\n';
    const n = readNarrative(file('ok.md', text));
    expect(n.sha256).toBe(sha256(text));
    expect(n.text).toBe(text);
    expect(n.risks).toEqual({ heading: 'Risks', markdown: '# Risks\n\nLapse is rising.\n\n## Detail\n\nMore.\n', line: 2 });
    expect(n.plans).toEqual({ heading: 'Plans', markdown: '# Plans\n\n- Reprice.\n', line: 10 });
  });

  it('a "#" line inside a code block is not a heading', () => {
    const n = readNarrative(file('code.md', '# Risks\n\n```\n# not a heading\n```\n\n# Plans\n'));
    expect(n.risks.markdown).toContain('# not a heading');
    expect(n.plans.line).toBe(7);
  });

  it('refuses one heading, three headings, text before the first, and bytes that are not UTF-8, naming file and line', () => {
    expect(() => readNarrative(file('one.md', '# Risks\n\ntext\n'))).toThrow(/one\.md: expected two top-level headings.*found "1 top-level heading"/);
    expect(() => readNarrative(file('three.md', '# A\n# B\n# C\n'))).toThrow(/three\.md, row 3: expected two top-level headings/);
    expect(() => readNarrative(file('before.md', 'Preamble\n# A\n# B\n'))).toThrow(/before\.md, row 1: .*nothing before the first heading, found "Preamble"/);
    expect(() => readNarrative(file('gbk.md', new Uint8Array([0x23, 0x20, 0xb7, 0xe7, 0xcf, 0xd5])))).toThrow(InputError);
    expect(() => readNarrative(join(dir, 'absent.md'))).toThrow(/argument --narrative, .*absent\.md: expected a Markdown file/);
  });
});

describe('narrativeHtml()', () => {
  it('escapes raw HTML, shows links as text and sets headings below the report’s own', () => {
    const html = narrativeHtml({ heading: 'R', markdown: '# R\n\n<script>alert(1)</script> <b>x</b> [site](javascript:alert(1))\n\n## Sub\n', line: 1 });
    expect(html).toBe('<h3>R</h3>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;x&lt;/b&gt; [site](javascript:alert(1))</p>\n<h4>Sub</h4>\n');
  });
});

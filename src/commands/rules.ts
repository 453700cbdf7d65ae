import { SEVERITY, valueWord } from '../present/words';
import { copyFileSync, existsSync } from 'node:fs';
import { InputError } from '../data/InputError';
import { DEFAULT_RULEBOOK_PATH, loadRulebook } from '../rules/rulebook';
import { optionalText } from './args';
import { defineCommand } from './command';
import { textTable } from '../present/textTable';

/** `awb rules`: what the rulebook checks, and a copy of the default to edit. */
export const rulesCommand = defineCommand({
  name: 'rules',
  summary: 'Show the rulebook (rules, citations, parameters); --export writes a copy of the default rulebook to edit',
  examples: ['awb rules', 'awb rules --export my-rules.yaml', 'awb rules --rules my-rules.yaml --json'],
  files: false,
  configure: (c) =>
    c
      .option('--rules <file>', 'rulebook to show (default: the shipped rulebook)')
      .option('--export <file>', 'write a copy of the default rulebook to this new file, to edit and pass with --rules'),
  parse: (o) => ({ rules: optionalText(o, 'rules'), export: optionalText(o, 'export') }),
  run: async (p, { lang = 'en' }) => {
    if (p.export !== null) {
      if (existsSync(p.export)) throw new InputError({ argument: '--export', file: p.export }, 'a new file (an existing file is never overwritten)');
      copyFileSync(DEFAULT_RULEBOOK_PATH, p.export);
    }
    const book = loadRulebook(p.rules ?? undefined);
    const rules = book.rules.map((r) => ({
      id: r.id,
      severity: r.severity,
      status: r.status,
      title: r.title,
      title_zh: r.title_zh,
      citation: r.citation,
      scope: r.scope,
      parameters: r.parameters,
    }));
    const text = (
      lang === 'zh'
        ? [
            `规则库 ${book.id} ${book.version}（${book.file}，sha256 ${book.sha256.slice(0, 12)}…）`,
            '',
            textTable(book.rules.map((r) => ({ 规则: r.id, 严重程度: SEVERITY[r.severity]?.zh ?? r.severity, 状态: valueWord(r.status, 'zh'), 依据: `${r.citation.source} ${r.citation.article}`, 名称: r.title_zh }))),
            ...(p.export !== null ? ['', `已将默认规则库复制到 ${p.export}；修改后以 --rules ${p.export} 使用。`] : []),
          ]
        : [
            `Rulebook ${book.id} ${book.version} (${book.file}, sha256 ${book.sha256.slice(0, 12)}…)`,
            book.description,
            '',
            textTable(book.rules.map((r) => ({ id: r.id, severity: r.severity, status: r.status, source: `${r.citation.source} ${r.citation.article}`, title: r.title }))),
            ...(p.export !== null ? ['', `Wrote a copy of the default rulebook to ${p.export}; edit it and pass --rules ${p.export}.`] : []),
          ]
    ).join('\n');
    return {
      json: { id: book.id, version: book.version, description: book.description, file: book.file, sha256: book.sha256, rules, ...(p.export !== null ? { exported: p.export } : {}) },
      text,
      inputs: [book.file],
      rulebook: book,
    };
  },
});

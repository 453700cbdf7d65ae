import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import type { Notebook, NotebookCell } from '../../src/notebook/ipynb';
import { sourceText } from '../../src/notebook/ipynb';
import { declaredParameters, injectParameters, parameterLiteral, parseParameterAssignment } from '../../src/notebook/parameters';

const code = (source: string, tags: string[] = []): NotebookCell => ({ cell_type: 'code', source, metadata: { tags }, outputs: [], execution_count: null });
const markdown = (source: string): NotebookCell => ({ cell_type: 'markdown', source, metadata: {} });
const notebook = (...cells: NotebookCell[]): Notebook => ({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 });

const review = notebook(
  markdown('# Review'),
  code("const dataDir = '../data/sample';\nexport let quarter: string = \"2025Q4\";\nconst bootstrap = 200;\nconst flags = [1, 2];", ['parameters']),
  code('console.log(quarter);'),
);

describe('notebook parameters (papermill convention)', () => {
  it('declaredParameters() reads one const/let/var declaration per line, with or without a type', () => {
    expect(declaredParameters(review.cells[1])).toEqual([
      { keyword: 'const', name: 'dataDir', initializer: "'../data/sample'" },
      { keyword: 'let', name: 'quarter', initializer: '"2025Q4"' },
      { keyword: 'const', name: 'bootstrap', initializer: '200' },
      { keyword: 'const', name: 'flags', initializer: '[1, 2]' },
    ]);
  });

  it('injectParameters() adds an injected-parameters cell right after the parameters cell, keeping the keyword', () => {
    const out = injectParameters(review, { quarter: '2025Q3', bootstrap: '500' }, 'review.ipynb');
    expect(out.cells).toHaveLength(4);
    expect(out.cells[2].metadata.tags).toEqual(['injected-parameters']);
    expect(sourceText(out.cells[2].source)).toBe('// Parameters injected by `npm run notebooks -- --param …`\nlet quarter = "2025Q3";\nconst bootstrap = 500;');
    expect(out.cells[3]).toBe(review.cells[2]);
  });

  it('a value stays text when the declared value is a string literal, even if it looks like a number', () => {
    expect(parameterLiteral('2024', "'2025'")).toBe('"2024"');
    expect(parameterLiteral('2024', '2025')).toBe('2024');
    expect(parameterLiteral('true', 'false')).toBe('true');
    expect(parameterLiteral('[3,4]', '[1, 2]')).toBe('[3,4]');
    expect(parameterLiteral('data/other', 'someDefault()')).toBe('"data/other"');
    expect(parameterLiteral('it\'s "quoted"', "'x'")).toBe('"it\'s \\"quoted\\""');
  });

  it('a second injection replaces the earlier injected cell instead of stacking another', () => {
    const once = injectParameters(review, { quarter: '2025Q3' }, 'review.ipynb');
    const twice = injectParameters(once, { quarter: '2025Q2' }, 'review.ipynb');
    expect(twice.cells.filter((c) => c.metadata.tags?.includes('injected-parameters'))).toHaveLength(1);
    expect(sourceText(twice.cells[2].source)).toContain('let quarter = "2025Q2";');
  });

  it('without overrides the notebook is returned unchanged', () => {
    expect(injectParameters(review, {}, 'review.ipynb')).toBe(review);
  });

  it('an override of an undeclared name is an InputError naming the declared ones', () => {
    expect(() => injectParameters(review, { quater: '2025Q3' }, 'review.ipynb')).toThrow(InputError);
    expect(() => injectParameters(review, { quater: '2025Q3' }, 'review.ipynb')).toThrow(
      'argument --param, review.ipynb: expected a parameter declared in the "parameters" cell (dataDir, quarter, bootstrap, flags), found "quater"',
    );
  });

  it('a notebook without a parameters cell cannot take overrides', () => {
    expect(() => injectParameters(notebook(code('1')), { quarter: '2025Q3' }, 'x.ipynb')).toThrow('x.ipynb: expected a code cell tagged "parameters" declaring quarter');
  });

  it('parseParameterAssignment() splits at the first "=" and rejects names that are not identifiers', () => {
    expect(parseParameterAssignment('quarter=2025Q3')).toEqual(['quarter', '2025Q3']);
    expect(parseParameterAssignment('filter=a=b')).toEqual(['filter', 'a=b']);
    expect(parseParameterAssignment('empty=')).toEqual(['empty', '']);
    expect(() => parseParameterAssignment('quarter')).toThrow('argument --param: expected name=value with name a TypeScript identifier, found "quarter"');
    expect(() => parseParameterAssignment('2x=1')).toThrow(InputError);
  });
});

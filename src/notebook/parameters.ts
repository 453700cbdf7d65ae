import { InputError } from '../data/InputError';
import { hasTag, type Notebook, type NotebookCell, sourceText } from './ipynb';

/** A parameter declared in a notebook's `parameters` cell. */
export interface DeclaredParameter {
  readonly name: string;
  /** The declaration keyword, reused by the injected cell so the override has the same kind. */
  readonly keyword: 'const' | 'let' | 'var';
  /** The initializer as written on the declaration line (decides whether a value is text). */
  readonly initializer: string;
}

/** The failure index that names the injected parameters cell (it is not in the notebook file). */
export const INJECTED_CELL = -2;

const DECLARATION = /^\s*(?:export\s+)?(const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=\s*(.*?);?\s*$/;

/**
 * The parameters declared in a cell: one `const|let|var name = value` per line, the
 * papermill convention transposed to TypeScript.
 * @example declaredParameters(cell) // for "const quarter = '2025Q4';": [{ name: 'quarter', keyword: 'const', initializer: "'2025Q4'" }]
 */
export function declaredParameters(cell: NotebookCell): DeclaredParameter[] {
  const out: DeclaredParameter[] = [];
  for (const line of sourceText(cell.source).split('\n')) {
    const m = DECLARATION.exec(line);
    if (m) out.push({ keyword: m[1] as DeclaredParameter['keyword'], name: m[2], initializer: m[3] });
  }
  return out;
}

/**
 * Splits a `name=value` command-line assignment.
 * @throws InputError (argument --param) when there is no `=` or the name is not an identifier.
 * @example parseParameterAssignment('quarter=2025Q3') // ['quarter', '2025Q3']
 */
export function parseParameterAssignment(text: string): [string, string] {
  const at = text.indexOf('=');
  const name = at < 0 ? '' : text.slice(0, at).trim();
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new InputError({ argument: '--param' }, 'name=value with name a TypeScript identifier', text);
  return [name, text.slice(at + 1)];
}

/**
 * The TypeScript literal for an override: text when the declared value is a string literal,
 * otherwise the JSON value the text spells (number, boolean, null, array, object), else text.
 * @example parameterLiteral('2024', "'2025'") // '"2024"'; parameterLiteral('2024', '2025') // '2024'
 */
export function parameterLiteral(value: string, declaredInitializer: string): string {
  if (/^['"`]/.test(declaredInitializer.trim())) return JSON.stringify(value);
  try {
    return JSON.stringify(JSON.parse(value));
  } catch {
    return JSON.stringify(value);
  }
}

/**
 * Returns a copy of the notebook with an `injected-parameters` cell right after the cell
 * tagged `parameters`, redeclaring each overridden parameter (papermill's convention; an
 * injected cell left by an earlier run is replaced). Without overrides the notebook is unchanged.
 * @param file the notebook's path, for error messages
 * @throws InputError when the notebook has no `parameters` cell or does not declare a name.
 * @example injectParameters(nb, { quarter: '2025Q3' }, '05-quarterly-review.ipynb') // adds: const quarter = "2025Q3";
 */
export function injectParameters(notebook: Notebook, overrides: Readonly<Record<string, string>>, file: string): Notebook {
  const names = Object.keys(overrides);
  if (names.length === 0) return notebook;
  const cells = notebook.cells.filter((c) => !hasTag(c, 'injected-parameters'));
  const at = cells.findIndex((c) => c.cell_type === 'code' && hasTag(c, 'parameters'));
  if (at < 0) throw new InputError({ file }, `a code cell tagged "parameters" declaring ${names.join(', ')}`);
  const declared = new Map(declaredParameters(cells[at]).map((p) => [p.name, p]));
  const lines = names.map((name) => {
    const p = declared.get(name);
    if (!p) {
      const known = [...declared.keys()];
      throw new InputError({ argument: '--param', file }, `a parameter declared in the "parameters" cell (${known.length > 0 ? known.join(', ') : 'none declared'})`, name);
    }
    return `${p.keyword} ${name} = ${parameterLiteral(overrides[name], p.initializer)};`;
  });
  const injected: NotebookCell = {
    cell_type: 'code',
    id: 'injected-parameters',
    metadata: { tags: ['injected-parameters'] },
    execution_count: null,
    outputs: [],
    source: ['// Parameters injected by `npm run notebooks -- --param …`\n', lines.join('\n')],
  };
  return { ...notebook, cells: [...cells.slice(0, at + 1), injected, ...cells.slice(at + 1)] };
}

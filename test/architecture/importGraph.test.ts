import { join } from 'node:path';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

/** The import graph of src/ (paths relative to src/, like 'evidence/verify.ts'), with or without type-only imports. */
async function importGraph(types: boolean): Promise<{ graph: Record<string, string[]>; cycles: string[][] }> {
  const result = await madge(join(ROOT, 'src'), {
    fileExtensions: ['ts'],
    tsConfig: join(ROOT, 'tsconfig.json'),
    detectiveOptions: { ts: { skipTypeImports: !types } },
  });
  return { graph: result.obj(), cycles: result.circular() };
}

/** Every file reachable from `start` through imports. */
function reachable(graph: Record<string, string[]>, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const file = stack.pop()!;
    for (const next of graph[file] ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file);

describe('the import graph of src/', () => {
  let withTypes: Awaited<ReturnType<typeof importGraph>>;
  let runtime: Awaited<ReturnType<typeof importGraph>>;
  beforeAll(async () => {
    [withTypes, runtime] = await Promise.all([importGraph(true), importGraph(false)]);
  }, 60_000);

  it('sees the modules it checks (the scan is not empty)', () => {
    expect(withTypes.graph['evidence/verify.ts']).toContain('commands/command.ts');
    expect(withTypes.graph['cli/runCli.ts']).toContain('commandRegistry.ts');
  });

  it('evidence/ and report/ import no file of cli/, directly or through other modules', () => {
    const offending: string[] = [];
    for (const file of Object.keys(withTypes.graph).filter((f) => f.startsWith('evidence/') || f.startsWith('report/'))) {
      for (const dep of reachable(withTypes.graph, file)) if (dep.startsWith('cli/')) offending.push(`${file} → ${dep}`);
    }
    expect(offending).toEqual([]);
  });

  it('has no import cycle at run time anywhere in src/', () => {
    expect(runtime.cycles.map((c) => c.join(' → '))).toEqual([]);
  });

  it('has no import cycle, type imports included, that passes through cli/, commands/, evidence/ or report/ and crosses folders', () => {
    const watched = new Set(['cli', 'commands', 'evidence', 'report', 'commandRegistry.ts']);
    const crossing = withTypes.cycles.filter((cycle) => cycle.some((f) => watched.has(folderOf(f))) && new Set(cycle.map(folderOf)).size > 1);
    expect(crossing.map((c) => c.join(' → '))).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index';

const ROOT = join(__dirname, '../..');

describe('the public API (src/index.ts)', () => {
  it('exports the data folder, the studies and their result types, charts and evidence', () => {
    for (const name of ['openData', 'backtest', 'summariseCells', 'expenseCaps', 'eligibility', 'lossRatios', 'reserve', 'review', 'icsi', 'fileIcsiReport', 'loadTable', 'aeByGroupFigure', 'showFigure', 'fileEvidence', 'verifyBundle', 'composeReview']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('exports no command-line internals', () => {
    for (const name of ['runCli', 'EXIT', 'COMMANDS', 'optionsToArgv', 'terminalProgress', 'declareOptions']) {
      expect(name in api, name).toBe(false);
    }
  });

  it('package.json maps the package to the built index and its types, and nothing deeper', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; types: string };
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './package.json']);
    expect(pkg.types).toBe('dist/index.d.ts');
  });
});

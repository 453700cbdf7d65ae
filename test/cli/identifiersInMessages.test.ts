import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../data/helpers';
import { syntheticSurvey } from '../satisfaction/syntheticSurvey';
import { awb } from './run';

vi.setConfig({ testTimeout: 120_000 });

const MODEL = resolve(__dirname, '..', '..', 'src', 'satisfaction', 'icsi-model.json');

/** The synthetic survey (200 respondents R00001…) with each line's cells rewritten by `edit`. */
function survey(edit: (cells: string[], row: number) => void): string {
  const [head, ...rows] = syntheticSurvey(200, 3).trim().split('\n');
  const lines = rows.map((line, i) => {
    const cells = line.split(',');
    edit(cells, i);
    return cells.join(',');
  });
  const file = join(tempDir('awb-identifiers-'), 'survey.csv');
  writeFileSync(file, [head, ...lines].join('\n') + '\n');
  return file;
}

describe('messages and grouped output name rows, never identifiers', () => {
  it('a repeated respondent id is named by its two rows, not by the id', async () => {
    // Data row 5 (spreadsheet row 6) takes the id of data row 3 (spreadsheet row 4): R00003.
    const file = survey((cells, i) => {
      if (i === 4) cells[0] = 'R00003';
    });
    const r = await awb('icsi', '--survey', file, '--model', MODEL);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`awb: ${file}, row 6, column respondent_id: expected a unique key, but row 6 repeats the respondent_id of row 4\n`);
  });

  it('grouping by a column that holds respondent ids is refused, printing none of them, whatever --min-group says', async () => {
    const file = survey((cells) => {
      cells[3] = cells[0];
    });
    for (const extra of [[], ['--min-group', '1']]) {
      const r = await awb('icsi', '--survey', file, '--model', MODEL, '--by', 'region', ...extra);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('argument --by, ' + file + ', column region: expected a grouping column shared by respondents; 200 of its 200 respondents are alone in their group');
      expect(r.stdout + r.stderr).not.toMatch(/R\d{5}/);
    }
  });
});

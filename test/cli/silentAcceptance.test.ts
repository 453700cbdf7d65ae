import { cpSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../data/helpers';
import { syntheticSurvey } from '../satisfaction/syntheticSurvey';
import { awb } from './run';

vi.setConfig({ testTimeout: 180_000 });

const MODEL = resolve(__dirname, '..', '..', 'src', 'satisfaction', 'icsi-model.json');
const TINY = resolve(__dirname, '..', 'fixtures', 'tiny-company');

/** The synthetic survey (400 respondents, 100 per region) with its CSV cells rewritten by `edit(cells, row)`. */
function survey(edit: (cells: string[], header: readonly string[], row: number) => void): string {
  const [head, ...rows] = syntheticSurvey(400, 11).trim().split('\n');
  const header = head.split(',');
  const out = [head, ...rows.map((line, i) => {
    const cells = line.split(',');
    edit(cells, header, i);
    return cells.join(',');
  })];
  const file = join(tempDir('awb-survey-checks-'), 'survey.csv');
  writeFileSync(file, out.join('\n') + '\n');
  return file;
}

type Warning = { measure: string; subject: string; message: string };

describe('what was silently accepted is refused (exit 2) or warned about', () => {
  it('a claim before its policy was issued is refused at its row', async () => {
    const data = tempDir('awb-claim-before-issue-');
    cpSync(TINY, data, { recursive: true });
    writeFileSync(join(data, 'assumptions.csv'), 'indicator,product_code,policy_year,rate\nincidence,TL01,,0.01\n');
    writeFileSync(join(data, 'claims.csv'), 'claim_id,policy_id,product_code,incident_date,paid_amount\nK1,P0008,TL01,2021-05-01,1000.00\n');
    const r = await awb('backtest', '--data', data, '--basis', 'calendar-quarter', '--as-of', '2025-12-31');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('claims.csv, row 2, column incident_date: expected an incident date within the cover of policy P0008 (2022-04-01 to now), found "2021-05-01"');
  });

  it('--from after --as-of is refused instead of filing "0 cells"', async () => {
    const data = tempDir('awb-from-after-');
    cpSync(TINY, data, { recursive: true });
    writeFileSync(join(data, 'assumptions.csv'), 'indicator,product_code,policy_year,rate\nlapse,TL01,,0.10\n');
    const r = await awb('backtest', '--data', data, '--basis', 'calendar-quarter', '--from', '2026-01-01', '--as-of', '2025-12-31');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('argument --from: expected a study start on or before the study end 2025-12-31, found "2026-01-01"');
  });

  it('a group of fewer than 30 respondents is not shown (counted in a warning, never named); --min-group lowers the minimum', async () => {
    // Five respondents of 华东 moved to a region of their own.
    const file = survey((cells, header, i) => {
      if (i < 20 && i % 4 === 0) cells[header.indexOf('region')] = '西藏';
    });
    const r = await awb('icsi', '--survey', file, '--model', MODEL, '--by', 'region', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { groups: { group: string; n: number; index: Record<string, number> }[]; groups_suppressed: unknown; warnings: Warning[] };
    expect(out.groups.map((g) => [g.group, g.n])).toEqual([['华东', 95], ['华北', 100], ['华南', 100], ['西北', 100]]);
    expect(out.groups_suppressed).toEqual({ minimum: 30, groups: 1, respondents: 5 });
    expect(out.warnings.find((w) => w.measure === 'group_size')?.message).toBe(
      '1 region group with fewer than 30 respondents (5 respondents in all) is not shown: an index of so few people would describe individuals (--min-group to change the minimum)',
    );
    expect(r.stdout).not.toContain('西藏');
    const text = await awb('icsi', '--survey', file, '--model', MODEL, '--by', 'region');
    expect(text.stdout).not.toContain('西藏');
    const compare = await awb('icsi', '--survey', file, '--model', MODEL, '--by', 'region', '--compare', '西藏,华东');
    expect(compare.code).toBe(2);
    expect(compare.stderr).toContain('argument --compare: expected groups of at least 30 respondents');

    const all = JSON.parse((await awb('icsi', '--survey', file, '--model', MODEL, '--by', 'region', '--min-group', '5', '--json')).stdout) as typeof out;
    expect(all.groups.map((g) => [g.group, g.n])).toEqual([['华东', 95], ['华北', 100], ['华南', 100], ['西北', 100], ['西藏', 5]]);
    // Leaving a group out changes no other group's index: the model is fitted on every respondent either way.
    expect(all.groups.slice(0, 4).map((g) => g.index)).toEqual(out.groups.map((g) => g.index));
  });

  it('an item every respondent of a group answered alike is warned about, naming the group and item', async () => {
    const file = survey((cells, header) => {
      if (cells[header.indexOf('region')] === '华北') cells[header.indexOf('QUAL3')] = '7';
    });
    const r = await awb('icsi', '--survey', file, '--model', MODEL, '--by', 'region', '--json');
    expect(r.code).toBe(0);
    const warnings = (JSON.parse(r.stdout) as { warnings: Warning[] }).warnings.filter((w) => w.measure === 'constant_in_group');
    expect(warnings.map((w) => w.subject)).toEqual(['QUAL3 in region 华北']);
    expect(warnings[0].message).toContain('Every respondent of region 华北 who answered QUAL3 gave 7');
  });

  it('a declared scale of 1–10 whose top no answer reaches (answers on 1–5) is warned about', async () => {
    const file = survey((cells, header) => {
      for (let h = header.indexOf('IMAG1'); h < cells.length; h++) cells[h] = String(Math.ceil(Number(cells[h]) / 2));
    });
    const r = await awb('icsi', '--survey', file, '--model', MODEL, '--json');
    expect(r.code).toBe(0);
    const warning = (JSON.parse(r.stdout) as { warnings: Warning[] }).warnings.find((w) => w.measure === 'scale_use');
    expect(warning?.message).toBe(
      'No answer reaches the top of the declared answer scale 1–10 (the highest is 5): if the survey used another scale, the 0–100 indices are wrong (declare the right one in the model or with --scale)',
    );
  });
});

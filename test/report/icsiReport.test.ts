import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../src/commandRegistry';
import { readManifest } from '../../src/evidence/verify';
import { awb } from '../cli/run';
import { shareChromiumInFile } from '../support/sharedChromium';

shareChromiumInFile();

const SAMPLE = resolve(__dirname, '..', '..', 'data', 'sample');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The visible text of a report page: no scripts, styles or tags, entities decoded. */
function visibleText(html: string): string {
  const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
  return text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('awb icsi-report on the sample company (2025 against 2024)', () => {
  let dir: string;
  let survey: string;
  let previous: string;
  let model: string;
  const argv = (lang: string, out: string) => ['icsi-report', '--survey', survey, '--model', model, '--previous', previous, '--year', '2025', '--lang', lang, '--bootstrap', '200', '--permutations', '200', '--out', out];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'awb-icsi-report-'));
    survey = join(dir, 'survey.csv');
    previous = join(dir, 'survey_2024.csv');
    model = join(dir, 'survey_model.json');
    copyFileSync(join(SAMPLE, 'survey.csv'), survey);
    copyFileSync(join(SAMPLE, 'survey_2024.csv'), previous);
    copyFileSync(join(SAMPLE, 'survey_model.json'), model);
  });

  it('files the report in English and Chinese, each reproduced byte for byte by verify', async () => {
    for (const lang of ['en', 'zh']) {
      const out = join(dir, `report-${lang}`);
      const { code, stderr } = await awb(...argv(lang, out));
      expect(code, stderr).toBe(0);
      const names = filesUnder(out).map((f) => f.slice(out.length + 1)).sort();
      expect(names).toEqual(expect.arrayContaining(['manifest.json', 'report.html', 'result.json', 'tables.xlsx', 'tables/gaps.csv', 'tables/changes.csv', 'tables/micom.csv', 'tables/group_indices.csv']));
      const report = await verifyBundle(out);
      expect(report.outputs.filter((o) => o.status !== 'reproduced')).toEqual([]);
      expect(report.reproduced).toBe(true);
    }
  }, 400_000);

  it("states 西北's planted gap and its opening since 2024 in words, in both languages", () => {
    const en = visibleText(readFileSync(join(dir, 'report-en', 'report.html'), 'utf8'));
    expect(en).toMatch(/西北's complaint handling is 1\d\.\d points below the rest \(5\d\.\d against 6\d\.\d\), p < 0\.001\./);
    expect(en).toMatch(/西北: complaint handling fell \d+\.\d points since 2024 \(95% interval -\d+\.\d to -\d+\.\d\)\./);
    const zh = visibleText(readFileSync(join(dir, 'report-zh', 'report.html'), 'utf8'));
    expect(zh).toMatch(/西北的客户关系管理指数比其他受访者低 1\d\.\d 分/);
    expect(zh).toMatch(/西北：客户关系管理指数较2024年下降 \d+\.\d 分/);
    // No English construct name or section word in the Chinese report's text.
    for (const word of ['Complaints', 'Satisfaction', 'Loyalty', 'Summary', 'points', 'interval', 'Respondents']) expect(zh, word).not.toContain(word);
  });

  it('files no respondent identifier or phone number anywhere in either bundle (S3 art. 34)', () => {
    for (const file of filesUnder(dir).filter((f) => /report-(en|zh)/.test(f) && !/\.(pdf|xlsx)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/RSP-\d{6}|R24-\d{6}/);
      expect(text, file).not.toMatch(/000-\d{4}-\d{4}/);
    }
  });

  it('shows in the report the indices it files, and the group indices of awb icsi --by region', async () => {
    const filed = JSON.parse(readFileSync(join(dir, 'report-en', 'tables', 'group_indices.json'), 'utf8')) as { column: string; group: string; n: number; Complaints: number }[];
    const { stdout } = await awb('icsi', '--survey', survey, '--model', model, '--by', 'region', '--json');
    const icsi = JSON.parse(stdout) as { groups: { group: string; n: number; index: Record<string, number> }[] };
    for (const g of icsi.groups) {
      const row = filed.find((r) => r.column === 'region' && r.group === g.group)!;
      expect(row.n).toBe(g.n);
      expect(row.Complaints).toBe(g.index.Complaints);
    }
  });

  it('fails verify, naming the input, when the previous wave changes after filing', async () => {
    // The English report filed and verified above (reproduced byte for byte there).
    const bundle = join(dir, 'report-en');
    expect(readManifest(bundle).command.name).toBe('icsi-report');
    const text = readFileSync(previous, 'utf8').split('\n');
    text[1] = text[1].replace(/,(\d+)$/, (_, last) => `,${last === '1' ? 2 : 1}`);
    writeFileSync(previous, text.join('\n'));
    const changed = await verifyBundle(bundle);
    expect(changed.reproduced).toBe(false);
    expect(changed.inputs.find((i) => i.path === previous)?.status).toBe('changed');
  }, 300_000);

  it('refuses a previous wave without the model\'s items: exit 2, one message naming the file and column, nothing written', async () => {
    const bad = join(dir, 'bad_2024.csv');
    const lines = readFileSync(join(SAMPLE, 'survey_2024.csv'), 'utf8').split('\n');
    writeFileSync(bad, lines.map((l) => l.split(',').slice(0, -1).join(',')).join('\n'));
    const out = join(dir, 'report-bad');
    const { code, stderr } = await awb('icsi-report', '--survey', survey, '--model', model, '--previous', bad, '--bootstrap', '100', '--permutations', '100', '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain('bad_2024.csv');
    expect(stderr).toContain('LOYA3');
    expect(() => statSync(out)).toThrow();
  });
});

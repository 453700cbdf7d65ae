import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { awb } from '../cli/run';
import { syntheticSurvey } from './syntheticSurvey';
import { shareChromiumInFile } from '../support/sharedChromium';

shareChromiumInFile();

const MODEL = path.resolve(__dirname, '..', '..', 'src', 'satisfaction', 'icsi-model.json');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

let dir: string;
let survey: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'awb-icsi-'));
  survey = path.join(dir, 'survey.csv');
  writeFileSync(survey, syntheticSurvey(800, 17, 53));
});

describe('awb icsi', () => {
  it('prints the JSON of DOMAIN.md: paths, r_squared, weights, loadings, reliability, htmt, index, groups, iterations', async () => {
    const { code, stdout } = await awb('icsi', '--survey', survey, '--model', MODEL, '--by', 'region', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.paths).toHaveLength(12);
    expect(Object.keys(json.paths[0])).toEqual(['from', 'to', 'estimate']);
    expect(Object.keys(json.r_squared)).toEqual(['Expectation', 'Quality', 'Value', 'Satisfaction', 'Complaints', 'Loyalty']);
    expect(Object.keys(json.weights)).toHaveLength(24);
    expect(Object.keys(json.loadings)).toHaveLength(24);
    expect(Object.keys(json.reliability.Quality)).toEqual(['alpha', 'rho_a', 'rho_c', 'ave']);
    expect(json.htmt).toHaveLength(21);
    expect(Object.keys(json.index)).toHaveLength(7);
    expect(json.groups.map((g: { group: string }) => g.group)).toEqual(['华东', '华北', '华南', '西北']);
    expect(json.groups.reduce((s: number, g: { n: number }) => s + g.n, 0)).toBe(800);
    expect(json.iterations).toBeGreaterThan(1);
    expect(json.missing.answers_missing).toBe(Math.floor((800 * 24) / 53));
  });

  it('finds the planted lagging region: 西北 trails the others on Complaints and Quality', async () => {
    const { stdout } = await awb('icsi', '--survey', survey, '--model', MODEL, '--by', 'region', '--json');
    const groups = JSON.parse(stdout).groups as { group: string; index: Record<string, number> }[];
    const others = groups.filter((g) => g.group !== '西北');
    const lagging = groups.find((g) => g.group === '西北')!;
    for (const construct of ['Complaints', 'Quality']) {
      for (const g of others) expect(g.index[construct] - lagging.index[construct]).toBeGreaterThan(5);
    }
  });

  it('adds std_error, ci_low and ci_high to every path under --bootstrap, and the same seed gives the same bytes whatever the threads', { timeout: 240_000 }, async () => {
    const small = path.join(dir, 'small.csv');
    writeFileSync(small, syntheticSurvey(300, 5, 41));
    const one = await awb('icsi', '--survey', small, '--model', MODEL, '--by', 'region', '--bootstrap', '50', '--seed', '9', '--threads', '1', '--out', path.join(dir, 'b1'));
    const two = await awb('icsi', '--survey', small, '--model', MODEL, '--by', 'region', '--bootstrap', '50', '--seed', '9', '--threads', '2', '--out', path.join(dir, 'b2'));
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const result = JSON.parse(readFileSync(path.join(dir, 'b1', 'result.json'), 'utf8'));
    for (const p of result.paths) {
      expect(p.std_error).toBeGreaterThan(0);
      expect(p.ci_low).toBeLessThan(p.estimate);
      expect(p.ci_high).toBeGreaterThan(p.estimate);
    }
    expect(result.groups[0].index_ci_low.Satisfaction).toBeLessThan(result.groups[0].index.Satisfaction);
    // Buffer.equals: toEqual compares byte by byte in JavaScript, seconds for charts.html (it inlines plotly.js).
    for (const file of filesUnder(path.join(dir, 'b1')).filter((f) => !f.endsWith('manifest.json'))) {
      expect(readFileSync(file.replace(`${path.sep}b1${path.sep}`, `${path.sep}b2${path.sep}`)).equals(readFileSync(file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(path.join(dir, 'b1', 'manifest.json'), 'utf8'));
    expect(manifest.seeds).toEqual({ icsi: 9 });
  });

  it('never files a respondent identifier or a personal column (S3 art. 34)', async () => {
    const out = path.join(dir, 'confidential');
    const { code, stdout } = await awb('icsi', '--survey', survey, '--model', MODEL, '--by', 'region', '--compare', '西北,华东', '--permutations', '20', '--bootstrap', '20', '--threads', '1', '--out', out, '--json');
    expect(code).toBe(0);
    const rows = readFileSync(survey, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const personal = rows.flatMap(([id, phone]) => [id, phone]);
    const files = filesUnder(out);
    expect(files.length).toBeGreaterThan(10);
    for (const file of ['stdout', ...files]) {
      const text = file === 'stdout' ? stdout : readFileSync(file, 'utf8');
      const tokens = new Set(text.split(/[^0-9A-Za-z]+/));
      expect(personal.filter((value) => tokens.has(value))).toEqual([]);
      // charts.html inlines plotly.js, whose own source mentions telephones; the filed data never names the columns.
      if (!file.endsWith('.html')) {
        expect(text).not.toContain('phone');
        expect(text).not.toContain('respondent_id');
      }
    }
  });

  it('refuses to group by anything but company, region or stage', async () => {
    const { code, stderr } = await awb('icsi', '--survey', survey, '--model', MODEL, '--by', 'phone');
    expect(code).toBe(2);
    expect(stderr).toContain('--by');
  });

  it('refuses a comparison without --by, of a group the survey lacks, or of a group with itself (before any bootstrap)', async () => {
    const run = (...args: string[]) => awb('icsi', '--survey', survey, '--model', MODEL, '--bootstrap', '5000', ...args);
    const withoutBy = await run('--compare', '西北,华东');
    expect(withoutBy.code).toBe(2);
    expect(withoutBy.stderr).toContain('argument --compare: expected a grouping column given with --by');
    const unknown = await run('--by', 'region', '--compare', '西北,东部');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('东部');
    const same = await run('--by', 'region', '--compare', '西北,西北');
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('two different groups');
  });

  it('an answer outside the scale is bad input naming the file, the respondent row and the item', async () => {
    const bad = path.join(dir, 'bad.csv');
    const lines = readFileSync(survey, 'utf8').split('\n');
    const cells = lines[5].split(',');
    cells[lines[0].split(',').indexOf('QUAL3')] = '11';
    lines[5] = cells.join(',');
    writeFileSync(bad, lines.join('\n'));
    const { code, stderr } = await awb('icsi', '--survey', bad, '--model', MODEL);
    expect(code).toBe(2);
    expect(stderr).toContain('bad.csv, row 6, column QUAL3');
    expect(stderr).toContain('1–10');
  });

  it('a model item the survey lacks is bad input naming the model file and the entry', async () => {
    const model = JSON.parse(readFileSync(MODEL, 'utf8'));
    model.constructs.Quality.items.push('QUAL7');
    const file = path.join(dir, 'model-qual7.json');
    writeFileSync(file, JSON.stringify(model));
    const { code, stderr } = await awb('icsi', '--survey', survey, '--model', file);
    expect(code).toBe(2);
    expect(stderr).toContain('model-qual7.json, column constructs.Quality.items[6]');
  });

  it('casewise deletion drops every respondent with a missing answer and says so', async () => {
    const { stdout } = await awb('icsi', '--survey', survey, '--model', MODEL, '--missing', 'casewise', '--json');
    const json = JSON.parse(stdout);
    expect(json.missing.respondents_dropped).toBeGreaterThan(0);
    expect(json.respondents.analysed).toBe(800 - json.missing.respondents_dropped);
  });
});

describe('awb icsi: missing-value codes, the answer scale, PLSc and the bootstrapped diagnostics', () => {
  const CORP = path.resolve(__dirname, '..', 'fixtures', 'reference', 'corp_rep_data.csv');
  const CORP_MODEL = path.resolve(__dirname, '..', 'fixtures', 'reference', 'corp_rep_model.json');

  it('reports formative assessment, HTMT upper bounds, indirect-effect intervals, construct correlations and cross-loadings', { timeout: 120_000 }, async () => {
    const { code, stdout } = await awb('icsi', '--survey', CORP, '--model', CORP_MODEL, '--missing-code', '-99', '--bootstrap', '60', '--seed', '5', '--threads', '1', '--consistent', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.options).toMatchObject({ missing_codes: [-99], consistent: true });
    expect(json.measurement.QUAL).toBe('formative');
    expect(json.formative.redundancy.map((r: { construct: string }) => r.construct)).toEqual(['QUAL', 'PERF', 'CSOR', 'ATTR']);
    expect(json.formative.indicators[0]).toEqual(expect.objectContaining({ item: 'qual_1', weight_t: expect.any(Number), weight_p: expect.any(Number) }));
    const like = json.htmt.find((x: { a: string; b: string }) => x.a === 'COMP' && x.b === 'LIKE');
    expect(like.upper_95).toBeGreaterThan(like.value);
    expect(typeof like.below_0_90).toBe('boolean');
    const indirect = json.effects.find((e: { from: string; to: string }) => e.from === 'QUAL' && e.to === 'CUSL');
    expect(indirect.indirect_ci_low).toBeLessThan(indirect.indirect_ci_high);
    expect(json.construct_correlations.COMP.LIKE).toBeCloseTo(json.construct_correlations.LIKE.COMP, 12);
    expect(json.cross_loadings.comp_1.COMP).toBeCloseTo(json.loadings.comp_1, 12);
    expect(json.consistent.paths).toHaveLength(13);
    expect(json.consistent.paths[0].std_error).toBeGreaterThan(0);
    expect(json.f_squared[0]).toEqual(expect.objectContaining({ f2: expect.any(Number), f2_reestimated: expect.any(Number) }));
  });

  it('takes --scale and refuses a malformed one', async () => {
    const bad = await awb('icsi', '--survey', CORP, '--model', CORP_MODEL, '--missing-code', '-99', '--scale', '7-1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('argument --scale: expected the answer scale as MIN-MAX with MAX above MIN, e.g. 1-10');
    const narrow = await awb('icsi', '--survey', CORP, '--model', CORP_MODEL, '--missing-code', '-99', '--scale', '1-5');
    expect(narrow.code).toBe(2);
    expect(narrow.stderr).toMatch(/expected an answer on the model's answer scale 1–5/);
  });
});

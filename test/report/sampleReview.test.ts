import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { awb } from '../cli/run';
import { shareChromiumInFile } from '../support/sharedChromium';

// One Chromium prints every PDF of this file.
shareChromiumInFile();

// The whole review of the sample company: every section command on 200,000 policies, then the
// PDF through Chromium, then verify recomputes all of it; and its look, checked on the printed
// pages rather than assumed: the PDF's text (pdftotext) and its pages as images (pdftoppm), in
// English (the review `npm start` files) and in Chinese (with a signatory). Minutes on a loaded
// two-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 900_000 });

const ROOT = resolve(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'data', 'sample');

/** Pages the sample's review may take: fewer would mean sections or appendices went missing, more a table or chart gone wild. */
const PAGE_BOUNDS = { min: 40, max: 130 } as const;
/** The page margin in points (14 mm); nothing but the running footer is printed closer to the edge. */
const MARGIN_PT = (14 / 25.4) * 72;

type Finding = { rule_id: string; product_code?: string; period?: string; values: Record<string, unknown> };
type ReviewJson = { sections: { id: string; status: string }[]; findings: Finding[] };

let work: string;
let bundle: string;
let filed: { code: number; stdout: string; stderr: string };
let review: ReviewJson;
const pdfs: Record<'en' | 'zh', string> = { en: '', zh: '' };

function has(rule: string, product?: string, period?: string): boolean {
  return review.findings.some((f) => f.rule_id === rule && (product === undefined || f.product_code === product) && (period === undefined || f.period === period));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'awb-sample-review-'));
  // `npm start`'s arguments (package.json), with the bundle in a temporary folder.
  bundle = join(work, 'review-2025Q4');
  filed = await awb('review', '--data', SAMPLE, '--quarter', '2025Q4', '--out', bundle);
  review = JSON.parse(readFileSync(join(bundle, 'result.json'), 'utf8')) as ReviewJson;
  pdfs.en = join(bundle, 'report.pdf');
  const zh = join(work, 'review-zh');
  const filedZh = await awb('review', '--data', SAMPLE, '--quarter', '2025Q4', '--lang', 'zh', '--signatory', 'Li Ming', '--out', zh);
  expect(filedZh.code, filedZh.stderr).toBe(0);
  pdfs.zh = join(zh, 'report.pdf');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the quarterly review of the sample company (npm start)', () => {
  it('files the report and evidence and says where they went', () => {
    expect(filed.stderr).toBe('');
    expect(filed.code).toBe(0);
    expect(filed.stdout).toContain(`Filed: ${join(bundle, 'report.html')}`);
    expect(filed.stdout).toContain(`Filed: ${join(bundle, 'report.pdf')}`);
    expect(filed.stdout).toContain(`Evidence bundle: ${bundle}`);
  });

  it('computes every section, the satisfaction index and sales conduct included', () => {
    expect(review.sections.map((s) => [s.id, s.status])).toEqual([
      ['backtest', 'complete'],
      ['lossratio', 'complete'],
      ['expense', 'complete'],
      ['eligibility', 'complete'],
      ['satisfaction', 'complete'],
      ['service', 'complete'],
      ['conduct', 'complete'],
    ]);
  });

  it('has the Service standards section with the planted lapses (S1 §6) and the branch that misses the surrender limit', () => {
    expect(has('ILI-SVC-POLICY-SERVICE', undefined, '2025Q4')).toBe(true);
    expect(review.findings.find((f) => f.rule_id === 'ILI-SVC-BRANCH')!.values).toMatchObject({ branch: '陕西分公司', event_type: 'surrender_decision', judged: 65, on_time: 47 });
    const html = readFileSync(join(bundle, 'report.html'), 'utf8');
    expect(html).toContain('id="sec-service"');
    expect(html).toContain('Late and overdue events by day received');
  });

  it('finds the planted sales-conduct findings: 陕西分公司 12% apart, 四川分公司 7% missing, the agency channel’s unrecorded sales to the over-60s', () => {
    const branches = (rule: string) => review.findings.filter((f) => f.rule_id === rule).map((f) => f.values.branch);
    expect(branches('S5-REG-MISMATCH')).toEqual(['陕西分公司']);
    expect(branches('S5-REG-MISSING')).toEqual(['四川分公司']);
    expect(review.findings.filter((f) => f.rule_id === 'S4-REC-SENIOR').map((f) => [f.period, f.values.channel])).toEqual([['2025Q4', 'agency']]);
  });

  // The findings planted in the sample company, as data/README.md documents them.
  it('finds the planted stop-sale, repricing, expense-cap, eligibility and lapse findings', () => {
    expect(has('ACC-LR-STOP', 'ACC01', '2025')).toBe(true);
    expect(has('ACC-LR-REPRICE', 'ACC02', '2025')).toBe(true);
    expect(has('ACC-LR-STOP', 'ACC02')).toBe(false);
    expect(has('ACC-LR-REPRICE', 'ACC04')).toBe(false);
    expect(has('ILI-EXP-AVG', 'CI01')).toBe(true);
    expect(has('ILI-ELIG', undefined, '2025Q4')).toBe(true);
    expect(review.findings.find((f) => f.rule_id === 'ILI-ELIG')!.values).toMatchObject({ failed_quarters: '2025Q2', failed_conditions: 'reserve_coverage' });
    expect(review.findings.some((f) => f.rule_id === 'BT-MEASURE' && f.product_code === 'TRM01' && f.values.indicator === 'lapse' && (f.values.ae as number) > 1)).toBe(true);
  });

  it('shows the lagging region (西北) lowest on quality and complaints', () => {
    const region = JSON.parse(readFileSync(join(bundle, 'results', 'icsi_region.json'), 'utf8')) as { groups: { group: string; index: Record<string, number> }[] };
    for (const construct of ['Quality', 'Complaints']) {
      const lowest = [...region.groups].sort((a, b) => a.index[construct]! - b.index[construct]!)[0]!;
      expect(lowest.group, construct).toBe('西北');
    }
  });

  it('awb verify reproduces the filed review byte for byte', async () => {
    const verified = await awb('verify', bundle, '--json');
    expect(verified.stderr).toBe('');
    const report = JSON.parse(verified.stdout) as { reproduced: boolean };
    expect(report.reproduced).toBe(true);
    expect(verified.code).toBe(0);
  });
});

/** The words of every page with their boxes (pdftotext -bbox), in points. */
function words(pdf: string): { page: number; width: number; height: number; word: string; xMin: number; xMax: number; yMin: number; yMax: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const out: ReturnType<typeof words> = [];
  let page = 0;
  let width = 0;
  let height = 0;
  for (const line of xml.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) {
      page++;
      width = Number(p[1]);
      height = Number(p[2]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) out.push({ page, width, height, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), word: w[5] });
  }
  return out;
}

/** The pages as grey images (pdftoppm -gray, PGM), at `dpi`. */
function pageImages(pdf: string, dpi: number): { width: number; height: number; pixels: Uint8Array }[] {
  const dir = mkdtempSync(join(work, 'pages-'));
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', pdf, join(dir, 'p')]);
  return readdirSync(dir)
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'))!;
      return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
    });
}

describe.each(['en', 'zh'] as const)('the printed review of the sample company (%s)', (lang) => {
  it('holds no raw JSON and no year printed with a thousands separator', () => {
    const text = execFileSync('pdftotext', ['-layout', pdfs[lang], '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(text).not.toContain('{"');
    expect(text.match(/(?<![\d,.])(19|20)\d,\d{3}(?![\d,.])/g) ?? []).toEqual([]);
  });

  it('titles every table in words, never with its sheet name (lossratio_ultimate_loss_ratios, service_rows, …)', () => {
    const html = readFileSync(pdfs[lang].replace(/report\.pdf$/, 'report.html'), 'utf8');
    const captions = [...html.matchAll(/<p class="caption"><b>([^<]*)<\/b>/g)].map((m) => m[1]);
    expect(captions.length).toBeGreaterThan(20);
    expect(captions.filter((c) => /^[a-z0-9]+(_[A-Za-z0-9]+)+$/.test(c.trim()))).toEqual([]);
    // The tables no command declares, with their titles (one per construct for the IPMA).
    const expected = lang === 'en' ? ['Ultimate loss ratios of the book the triangle covers', 'On-time rates by branch', 'Importance–performance analysis: Loyalty'] : ['最终赔付率', '各分支机构时效', '重要性—绩效分析（客户忠诚度）'];
    expect(captions).toEqual(expect.arrayContaining(expected));
    // Column headers too: an English header begins with a capital letter (importance → Importance), a symbol such as f² excepted.
    if (lang === 'en') {
      const headers = new Set([...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]));
      expect([...headers].filter((h) => /^[a-z]{2}/.test(h))).toEqual([]);
      // Abbreviations in capitals: the ICSI tables' VIF and HTMT, the sales-staff check's HR system.
      expect([...headers].filter((h) => /^(Vif|Htmt|Hr)\b/.test(h))).toEqual([]);
      expect([...headers]).toEqual(expect.arrayContaining(['VIF', 'HTMT2']));
    }
  });

  it(`has between ${PAGE_BOUNDS.min} and ${PAGE_BOUNDS.max} pages`, () => {
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdfs[lang]], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(PAGE_BOUNDS.min);
    expect(pages).toBeLessThanOrEqual(PAGE_BOUNDS.max);
  });

  it('prints every word of every table inside the page box, within the side margins', () => {
    const outside = words(pdfs[lang]).filter((w) => w.xMin < MARGIN_PT - 2 || w.xMax > w.width - MARGIN_PT + 2 || w.yMax > w.height);
    expect(outside.slice(0, 5).map((w) => `page ${w.page}: ${w.word} at x ${w.xMin}–${w.xMax} of ${w.width}`)).toEqual([]);
  });

  it('leaves the side margins of every page image blank (no table or chart runs off the page)', () => {
    const images = pageImages(pdfs[lang], 30);
    const inked: string[] = [];
    images.forEach((img, i) => {
      const strip = Math.floor((img.width * 10) / 210); // 10 mm of 210
      for (let y = 0; y < img.height; y++) {
        for (const x of [...Array(strip).keys(), ...Array.from({ length: strip }, (_, k) => img.width - 1 - k)]) {
          if (img.pixels[y * img.width + x] < 200) {
            inked.push(`page ${i + 1} at (${x}, ${y})`);
            return;
          }
        }
      }
    });
    expect(inked).toEqual([]);
  });
});

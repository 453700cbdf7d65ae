import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { awb } from '../cli/run';
import { shareChromiumInFile } from '../support/sharedChromium';

// One Chromium prints every PDF of this file.
shareChromiumInFile();

// The look of the sample company's review, checked on the printed pages rather than assumed: the
// PDF's text (pdftotext) and its pages as images (pdftoppm). Two reviews of the sample: minutes.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 900_000 });

const SAMPLE = resolve(__dirname, '..', '..', 'data', 'sample');
/** Pages the sample's review may take: fewer would mean sections or appendices went missing, more a table or chart gone wild. */
const PAGE_BOUNDS = { min: 40, max: 130 } as const;
/** The page margin in points (14 mm); nothing but the running footer is printed closer to the edge. */
const MARGIN_PT = (14 / 25.4) * 72;

let work: string;
const pdfs: Record<'en' | 'zh', string> = { en: '', zh: '' };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'awb-review-look-'));
  for (const lang of ['en', 'zh'] as const) {
    const out = join(work, lang);
    const filed = await awb('review', '--data', SAMPLE, '--quarter', '2025Q4', '--lang', lang, '--signatory', 'Li Ming', '--out', out);
    expect(filed.code, filed.stderr).toBe(0);
    pdfs[lang] = join(out, 'report.pdf');
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

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

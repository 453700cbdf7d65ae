import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, rgb, StandardFonts } from 'pdf-lib';
import { CHROMIUM_PATH, chromiumAvailable, PINNED_PAGE, withChromium } from '../charts/chromium';
import { escapeHtml } from '../charts/html';
import { withoutPdfDates } from '../charts/pdfDates';
import type { Lang } from '../present/column';
import { say } from '../present/words';
import type { Progress } from '../progress';

/** Options of `printPdf`: the running footer's text, and how long charts may take to draw. */
export interface PrintOptions {
  /** Left part of the footer on every page (the report's title). */
  readonly footer: string;
  /** Page-number wording: `{page}` and `{pages}` are replaced (`Page {page} of {pages}`, `第 {page} 页，共 {pages} 页`). */
  readonly pageNumber: string;
  /** Milliseconds to wait for `data-charts="ready"` (default 120 000). */
  readonly timeoutMs?: number;
}

/** Page-side expression of the charts' state (evaluated in the browser, where `document` exists). */
const CHART_STATE = "document.documentElement.getAttribute('data-charts')";

/** Width of the A4 text block (210 mm − 2 × 14 mm) in CSS pixels, so charts are drawn at the width they print. */
const PRINT_WIDTH_PX = Math.round(((210 - 28) / 25.4) * 96);

/**
 * Prints an HTML document to PDF with headless Chromium in the pinned locale and time zone
 * (`PINNED_PAGE`, whatever the machine's LANG and TZ): A4, the page's own print styles, CJK
 * fonts (Noto Sans CJK), the footer with page numbers on every page, after the document's charts
 * are drawn (it waits for `data-charts="ready"` on the root element). The creation and
 * modification dates Chromium writes are removed (`withoutPdfDates`), so the same HTML printed
 * by the same Chromium gives the same bytes.
 * @throws Error when Chromium cannot be launched, the page reports a script error, or the charts fail or time out.
 * @example const pdf = await printPdf(html, { footer: 'Quarterly actuarial review 2025Q4', pageNumber: 'Page {page} of {pages}' });
 */
export async function printPdf(html: string, options: PrintOptions): Promise<Uint8Array> {
  return withChromium(async (browser) => {
    const page = await browser.newPage({ ...PINNED_PAGE, viewport: { width: PRINT_WIDTH_PX, height: 1123 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.waitForFunction(`${CHART_STATE} !== 'pending'`, undefined, { timeout: options.timeoutMs ?? 120_000 });
      const state = (await page.evaluate(CHART_STATE)) as string | null;
      if (state !== 'ready' || errors.length > 0) throw new Error(`printPdf: the page did not render (${errors.join('; ') || `charts ${state}`})`);
      await page.emulateMedia({ media: 'print' });
      const numbers = escapeHtml(options.pageNumber).replace('{page}', '<span class="pageNumber"></span>').replace('{pages}', '<span class="totalPages"></span>');
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-family:'Noto Sans CJK SC',sans-serif;font-size:7.5px;color:#555;width:100%;margin:0 14mm;display:flex;justify-content:space-between"><span>${escapeHtml(options.footer)}</span><span>${numbers}</span></div>`,
        tagged: false,
        outline: false,
      });
      return withoutPdfDates(pdf);
    } finally {
      await page.close();
    }
  });
}

/**
 * The page (1-based) on which each named destination of a PDF lies: Chromium names one for every
 * element an internal link points to (`<a href="#sec-summary">` → `sec-summary`).
 * @example await destinationPages(pdf) // Map { 'sec-summary' => 3, 'sec-backtest' => 5, … }
 */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const pages = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const target = value instanceof PDFRef ? doc.context.lookup(value) : value;
    const page = target instanceof PDFArray ? target.get(0) : undefined;
    const n = page instanceof PDFRef ? pageOf.get(page.toString()) : undefined;
    if (n !== undefined) pages.set(name.decodeText(), n);
  }
  return pages;
}

/** Size of the contents' page numbers, in points: the contents' own size (`nav.contents ol`, 10.5pt). */
const CONTENTS_POINTS = 10.5;

/** The named destination of a link annotation (`/Dest (name)` or a GoTo action's `/D`), or undefined. */
function linkTarget(annot: PDFDict): string | undefined {
  const dest = annot.lookup(PDFName.of('Dest')) ?? annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('D'));
  if (dest instanceof PDFString || dest instanceof PDFHexString) return dest.decodeText();
  if (dest instanceof PDFName) return dest.decodeText();
  return undefined;
}

/**
 * Prints a document whose contents give page numbers, in one printing: prints the HTML
 * (`printPdf`), reads on which page each linked part begins (`destinationPages`), and writes each
 * number at the right end of the first link to that part (the contents' row, a whole-row link
 * with room for the number; see `documentHtml`) in Helvetica, one of the PDF standard fonts, so
 * nothing is embedded. Deterministic like `printPdf`.
 * @throws Error as `printPdf`.
 * @example const pdf = await printDocument(documentHtml(spec), { footer: 'Review 2025Q4', pageNumber: 'Page {page} of {pages}' });
 */
export async function printDocument(html: string, options: PrintOptions): Promise<Uint8Array> {
  const printed = await printPdf(html, options);
  const pages = await destinationPages(printed);
  const doc = await PDFDocument.load(printed, { updateMetadata: false });
  const font = doc.embedStandardFont(StandardFonts.Helvetica);
  const numbered = new Set<string>();
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i);
      if (!(annot instanceof PDFDict) || annot.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const name = linkTarget(annot);
      const number = name === undefined ? undefined : pages.get(name);
      if (name === undefined || number === undefined || numbered.has(name)) continue;
      numbered.add(name);
      const [, y1, x2, y2] = annot.lookup(PDFName.of('Rect'), PDFArray).asArray().map((v) => (v as PDFNumber).asNumber());
      const text = String(number);
      // Vertically centred on the row: the digits' height is about 0.72 of the size in Helvetica.
      page.drawText(text, { x: x2 - font.widthOfTextAtSize(text, CONTENTS_POINTS), y: (y1 + y2) / 2 - 0.36 * CONTENTS_POINTS, size: CONTENTS_POINTS, font, color: rgb(0.106, 0.106, 0.106) });
    }
  }
  return withoutPdfDates(await doc.save({ useObjectStreams: false }));
}

/**
 * The documents of a report's bundle: its HTML and, when Chromium is installed, the PDF printed
 * from it once (`printDocument`); without Chromium the HTML alone, which is complete.
 * @param what the report, for the progress line ('review' → 'review: printing the PDF')
 */
export async function reportDocuments(html: string, options: PrintOptions, what: string, progress: Progress): Promise<Record<string, string | Uint8Array>> {
  if (!chromiumAvailable()) return { 'report.html': html };
  progress.start(`${what}: printing the PDF`, 1);
  const pdf = await printDocument(html, options);
  progress.tick();
  progress.stop();
  return { 'report.html': html, 'report.pdf': pdf };
}

/** The terminal line saying a report's PDF was not printed (no Chromium), when `files` hold no report.pdf. */
export function pdfNotPrinted(files: readonly string[], lang: Lang): string[] {
  if (files.includes('report.pdf')) return [];
  return [
    say(
      lang,
      `The PDF was not printed: no Chromium at ${CHROMIUM_PATH} (install Debian's chromium and fonts-noto-cjk, or set AWB_CHROMIUM); the HTML report is complete.`,
      `未打印 PDF：${CHROMIUM_PATH} 处没有 Chromium（请安装 Debian 的 chromium 和 fonts-noto-cjk，或设置 AWB_CHROMIUM）；HTML 报告是完整的。`,
    ),
  ];
}

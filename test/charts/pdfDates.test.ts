import { describe, expect, it } from 'vitest';
import { withoutPdfDates } from '../../src/charts/pdfDates';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('withoutPdfDates()', () => {
  it("blanks Skia's creation and modification dates with spaces of the same length", () => {
    // The information dictionary as Chromium 156 writes it (copied from a printed page).
    const info = "<</Creator (HeadlessChrome/156.0.0.0)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261122031655+00'00')\n/ModDate (D:20261122031655+00'00')>>";
    const out = Buffer.from(withoutPdfDates(latin1(info))).toString('latin1');
    expect(out.length).toBe(info.length);
    expect(out).toBe(`<</Creator (HeadlessChrome/156.0.0.0)\n/Producer (Skia/PDF m156)\n${' '.repeat(39)}\n${' '.repeat(34)}>>`);
  });

  it('gives the same bytes for PDFs that differ only in their dates', () => {
    const a = withoutPdfDates(latin1("%PDF-1.4 /CreationDate (D:20261122031655+00'00') stream\u00ff\u0000"));
    const b = withoutPdfDates(latin1("%PDF-1.4 /CreationDate (D:20301231235959+00'00') stream\u00ff\u0000"));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // Binary bytes (stream data) pass through unchanged.
    expect([...a.slice(-2)]).toEqual([0xff, 0x00]);
  });
});

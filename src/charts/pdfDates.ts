/** `/CreationDate (D:…)` and `/ModDate (D:…)` entries of a PDF's document information dictionary. */
const DATE_ENTRY = /\/(CreationDate|ModDate)\s*\(D:[0-9Z+\-']*\)/g;

/**
 * Removes the creation and modification dates that Chromium (Skia/PDF) writes into a PDF's
 * document information dictionary, so that the same document prints to the same bytes. Each
 * entry is overwritten with spaces of the same length, so every byte offset in the cross-reference
 * table stays valid; the PDF simply has no dates (both entries are optional, ISO 32000-1 §14.3.3).
 * Nothing else in Chromium's PDF output depends on the clock (checked by printing twice).
 * @example new TextDecoder().decode(withoutPdfDates(new TextEncoder().encode("<</CreationDate (D:20261122031655+00'00')>>")))
 * // '<<                                        >>'
 */
export function withoutPdfDates(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const cleaned = text.replace(DATE_ENTRY, (entry) => ' '.repeat(entry.length));
  return new Uint8Array(Buffer.from(cleaned, 'latin1'));
}

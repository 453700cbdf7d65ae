/** A Jupyter MIME bundle: MIME type → content (text, or base64 for binary types such as image/png). */
export type MimeBundle = Readonly<Record<string, string>>;

interface TslabJupyter {
  lastWriteDisplayData?: (message: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;
}

/**
 * Shows a MIME bundle as one display_data output of the running tslab cell, so a front end
 * picks the richest type it can show (text/html where HTML is rendered, image/png where it is
 * not). tslab's public `display` sends one type per output; a bundle needs its writer.
 * @throws Error outside a tslab notebook kernel.
 * @example displayBundle({ 'text/html': '<b>hi</b>', 'text/plain': 'hi' })
 */
export function displayBundle(bundle: MimeBundle): void {
  let kernel: TslabJupyter | null = null;
  try {
    kernel = require('tslab/dist/jupyter') as TslabJupyter;
  } catch {
    kernel = null;
  }
  if (!kernel?.lastWriteDisplayData) {
    throw new Error('display: not running in a tslab notebook kernel (use the pure functions figureOutputHtml / frameHtml to get the HTML instead)');
  }
  kernel.lastWriteDisplayData({ data: bundle, metadata: {}, transient: {} }, false);
}

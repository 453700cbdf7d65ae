import type { TableRow } from '../evidence/csv';

/**
 * What a review section shows, independent of how it is rendered: headings, paragraphs and
 * tables, in order. A section built from a library result (sales conduct) gives its content this
 * way; the HTML report renders it ({@link reviewHtml}).
 */
export type ContentBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly note?: boolean }
  | {
      readonly kind: 'table';
      readonly caption: string;
      readonly rows: readonly TableRow[];
      /** Columns holding fractions shown as percentages (0.12 → 12.00%). */
      readonly percent?: readonly string[];
    };

export type SectionContent = readonly ContentBlock[];

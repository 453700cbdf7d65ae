import { existsSync, readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { InputError } from '../data/InputError';
import { sha256 } from '../evidence/hash';

/** One part of the chief actuary's narrative: its heading and its Markdown exactly as written. */
export interface NarrativePart {
  /** The text of the part's `# ` heading. */
  readonly heading: string;
  /** The Markdown of the part, from its heading line to the line before the next heading, verbatim. */
  readonly markdown: string;
  /** Line of the heading in the file (1 = first). */
  readonly line: number;
}

/** The chief actuary's own text for parts 四 and 五 of the annual report, read from a Markdown file. */
export interface Narrative {
  readonly file: string;
  /** SHA-256 of the file's bytes. */
  readonly sha256: string;
  /** The file's text, exactly as read (filed in the bundle as `narrative.md`). */
  readonly text: string;
  /** Part 四: risks and main problems. */
  readonly risks: NarrativePart;
  /** Part 五: business plan and policy suggestions. */
  readonly plans: NarrativePart;
}

/**
 * The Markdown renderer of the narrative: CommonMark with raw HTML disabled (written `<script>` or
 * `<b>` is shown as text, escaped), no link auto-detection and no typographic replacements, so the
 * words on the page are the words in the file.
 */
const MARKDOWN = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });

/** Links are shown as text with their address; no `javascript:` or other scheme is followed in a filed report. */
MARKDOWN.validateLink = () => false;

/**
 * Reads the chief actuary's narrative (S1 annex 2 parts 四 and 五): a UTF-8 Markdown file with
 * exactly two top-level headings (`# …`), the first opening the risks and main problems, the
 * second the business plan and policy suggestions. Nothing may precede the first heading but
 * blank lines. The text is kept as written; its SHA-256 is taken from the bytes read.
 * @throws InputError when the file is missing, is not UTF-8, or does not have exactly two
 * top-level headings with nothing before the first (naming the file and the line).
 * @example readNarrative('narrative.md').risks.heading // 'Risks and main problems'
 */
export function readNarrative(file: string): Narrative {
  if (!existsSync(file)) throw new InputError({ argument: '--narrative', file }, 'a Markdown file with the chief actuary’s text for parts 四 and 五');
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError({ file }, 'a UTF-8 text file (the narrative is Markdown)');
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const tokens = MARKDOWN.parse(lines.join('\n'), {});
  const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' && t.tag === 'h1' && t.map ? [{ line: t.map[0], text: tokens[i + 1].content }] : []));
  const expected = 'two top-level headings (# …): the risks and main problems (part 四), then the business plan and policy suggestions (part 五)';
  if (headings.length !== 2) throw new InputError({ file, ...(headings[2] ? { row: headings[2].line + 1 } : {}) }, expected, `${headings.length} top-level heading${headings.length === 1 ? '' : 's'}`);
  const before = lines.slice(0, headings[0].line).findIndex((l) => l.trim() !== '');
  if (before >= 0) throw new InputError({ file, row: before + 1 }, `${expected}, with nothing before the first heading`, lines[before]);
  const part = (k: 0 | 1): NarrativePart => ({
    heading: headings[k].text,
    markdown: lines.slice(headings[k].line, k === 0 ? headings[1].line : lines.length).join('\n').replace(/\n+$/, '\n'),
    line: headings[k].line + 1,
  });
  return { file, sha256: sha256(bytes), text, risks: part(0), plans: part(1) };
}

/**
 * A part of the narrative as HTML: its Markdown rendered by CommonMark with raw HTML escaped and
 * links shown as text; headings are set one level below the report's own (`#` → h3).
 * @example narrativeHtml({ heading: 'Risks', markdown: '# Risks\n\n<script>x</script>\n', line: 1 }) // '<h3>Risks</h3>\n<p>&lt;script&gt;x&lt;/script&gt;</p>\n'
 */
export function narrativeHtml(part: NarrativePart): string {
  const tokens = MARKDOWN.parse(part.markdown, {});
  for (const t of tokens) {
    if ((t.type === 'heading_open' || t.type === 'heading_close') && /^h[1-6]$/.test(t.tag)) t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + 2)}`;
  }
  return MARKDOWN.renderer.render(tokens, MARKDOWN.options, {});
}

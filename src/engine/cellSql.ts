/**
 * DuckDB SQL that reads a text cell exactly as the row path's cell parsers do
 * (`src/data/parseCell.ts`, `src/data/dates.ts`): the same accepted spellings, the same values,
 * and NULL where the row path finds no value. A cell the row path would refuse gives the
 * expression's "bad" flag, never a value, so the engine can tell that the file needs the row
 * path's diagnosis (which names the file, row and column). The tests compare both readers on a
 * corpus of cell texts.
 */

/** Whitespace that JavaScript's String.prototype.trim removes, as an RE2 class. */
const JS_SPACE = '[\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]';

/** Code points of that whitespace, for a cheap test of a text's first and last character. */
const JS_SPACE_CODES = `[${[9, 10, 11, 12, 13, 32, 0xa0, 0x1680, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff].join(', ')}]`;

/**
 * Text trimmed as JavaScript's trim() trims it (only values with whitespace at an edge pay for the
 * regular expression). Lists are tested with list_contains: DuckDB plans a long `IN (…)` as a join.
 */
export function jsTrimSql(x: string): string {
  return `(CASE WHEN list_contains(${JS_SPACE_CODES}, ascii(${x})) OR list_contains(${JS_SPACE_CODES}, ascii(right(${x}, 1))) THEN regexp_replace(${x}, '^${JS_SPACE}+|${JS_SPACE}+$', '', 'g') ELSE ${x} END)`;
}

/** The words that mean "no value" (parseCell's isMissingCell), after trimming and lower-casing. */
const MISSING_WORDS = `['', 'na', 'n/a', 'null', 'nan', '-', '—']`;

/** Whether a trimmed text is a missing word (or NULL). */
function missingSql(t: string): string {
  return `(${t} IS NULL OR (strlen(${t}) <= 4 AND list_contains(${MISSING_WORDS}, lower(${t}))))`;
}

/**
 * True when a cell holds no value: NULL, empty, NA, N/A, NULL, NaN, a lone dash (any case, any
 * surrounding space). Every missing word starts with n, N or a dash once trimmed, so a text whose
 * first character is any other printable ASCII character is a value (one cheap test for nearly
 * every cell); the others are trimmed and compared.
 */
export function isMissingSql(x: string): string {
  return `(${x} IS NULL OR (CASE WHEN ascii(${x}) BETWEEN 33 AND 126 AND ascii(${x}) NOT IN (45, 78, 110) THEN FALSE WHEN strlen(${x}) > 4 AND ${plainEdgesSql(x)} THEN FALSE ELSE list_contains(${MISSING_WORDS}, lower(${jsTrimSql(x)})) END))`;
}

/** ASCII whitespace that JavaScript's trim removes, tested as a text's first and last character with LIKE. */
const ASCII_EDGES = ['\t', '\n', '\u000b', '\f', '\r', ' '];

/**
 * TRUE when a text is plain ASCII with no whitespace at either end, so JavaScript's trim leaves it
 * as it is: a printable first character (ascii), no character beyond ASCII (bytes = characters),
 * and no ASCII whitespace last (LIKE suffix tests; each is a cheap comparison).
 */
function plainEdgesSql(x: string): string {
  const last = ASCII_EDGES.map((c) => `${x} LIKE '%${c}'`).join(' OR ');
  return `(ascii(${x}) BETWEEN 33 AND 126 AND strlen(${x}) = length(${x}) AND NOT (${last}))`;
}

/** parseMoneyText's and parseNumberText's normalizeDigits: full-width digits, %, ., +, − to ASCII. */
function normalizeDigitsSql(x: string): string {
  return `translate(${x}, '０１２３４５６７８９％．＋－', '0123456789%.+-')`;
}

/** Days in month m of year y, in SQL. */
function daysInMonthSql(y: string, m: string): string {
  const leap = `((${y}) % 4 = 0 AND ((${y}) % 100 <> 0 OR (${y}) % 400 = 0))`;
  return `(CASE WHEN (${m}) = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN (${m}) IN (4, 6, 9, 11) THEN 30 ELSE 31 END)`;
}

/** The spellings parseDayText accepts, as one RE2 pattern with the year, month and day of each. */
const DATE_PATTERN =
  '^(\\d{4})(?:-(\\d{1,2})-(\\d{1,2})(?:[T ]00:00(?::00(?:\\.0+)?)?Z?)?|/(\\d{1,2})/(\\d{1,2})|(\\d{2})(\\d{2})|年(\\d{1,2})月(\\d{1,2})日)$';

/**
 * A SQL reading of one cell in layers: each layer's expressions may use the names of earlier
 * layers (and the source column), so every intermediate value is computed once per row; the
 * slow spellings are only worked on for rows the fast path does not take (a CASE evaluates its
 * branch only for the rows that reach it).
 */
export interface CellSql {
  /** Named intermediate expressions, layer by layer. */
  readonly layers: readonly Readonly<Record<string, string>>[];
  /** The value (NULL when the cell is missing or bad), over the names of the layers. */
  readonly value: string;
  /** TRUE when the cell holds something the row path refuses, over the names of the layers. */
  readonly bad: string;
  /**
   * The reading of the canonical spelling alone, in the first `layers`: the value when the cell
   * is written canonically (and in range), else NULL. Where it is not NULL it is `value`; a cell
   * where it is NULL but the source is not needs the full reading.
   */
  readonly canonical: { readonly layers: readonly Readonly<Record<string, string>>[]; readonly value: string };
}

/** Names local to one column's reading (`n` is the column's prefix). */
const local = (n: string, name: string) => `"${n}_${name}"`;

/**
 * A date cell as a day number (days since 1970-01-01), the reading of parseDayText: ISO
 * `YYYY-MM-DD` (optionally with a midnight time), `YYYY/M/D`, `YYYYMMDD`, `YYYY年M月D日`, real
 * calendar dates only. The common ISO spelling takes a cast; the others a regular expression.
 * @param x the source column; `n` a prefix for the intermediate names
 */
export function dateTextSql(x: string, n: string): CellSql {
  const [iso, t, miss, fast, parts, y, m, d] = ['iso', 't', 'miss', 'fast', 'parts', 'y', 'm', 'd'].map((name) => local(n, name));
  // The canonical ISO spelling: ten characters with dashes at 5 and 8 that DuckDB reads as a date
  // from year 1000 on. A year below 1000 in four characters (' 021', '-021', '0999') goes to the
  // full reading; what else fits the pattern and DuckDB reads ('2021-01-5 ') the row path reads alike.
  const canonical = [{ [iso]: `(CASE WHEN ${x} LIKE '____-__-__' THEN TRY_CAST(${x} AS DATE) END)` }, { [fast]: `(CASE WHEN ${iso} >= DATE '1000-01-01' THEN (${iso} - DATE '1970-01-01') END)` }];
  return {
    canonical: { layers: canonical, value: fast },
    layers: [
      ...canonical,
      { [t]: `(CASE WHEN ${fast} IS NULL THEN ${jsTrimSql(x)} END)` },
      { [miss]: missingSql(t) },
      { [parts]: `(CASE WHEN ${fast} IS NULL AND NOT ${miss} THEN regexp_extract(${t}, '${DATE_PATTERN}', ['y', 'm1', 'd1', 'm2', 'd2', 'm3', 'd3', 'm4', 'd4']) END)` },
      {
        [y]: `TRY_CAST(nullif(${parts}.y, '') AS INTEGER)`,
        [m]: `TRY_CAST(coalesce(nullif(${parts}.m1, ''), nullif(${parts}.m2, ''), nullif(${parts}.m3, ''), nullif(${parts}.m4, '')) AS INTEGER)`,
        [d]: `TRY_CAST(coalesce(nullif(${parts}.d1, ''), nullif(${parts}.d2, ''), nullif(${parts}.d3, ''), nullif(${parts}.d4, '')) AS INTEGER)`,
      },
    ],
    value: `(CASE WHEN ${fast} IS NOT NULL THEN ${fast} WHEN ${miss} THEN NULL WHEN ${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${daysInMonthSql(y, m)} THEN (make_date(${y}, ${m}, ${d}) - DATE '1970-01-01') END)`,
    bad: `(${fast} IS NULL AND NOT ${miss} AND NOT coalesce(${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${daysInMonthSql(y, m)}, FALSE))`,
  };
}

/** Largest whole number of fen that adds exactly in binary floating point (2⁵³ − 1). */
const MAX_FEN = '9007199254740991';

/** SQL conditions that a value lies in a column's range (`min`, `max` in the column's unit, `scale` to the value's). */
function rangeSql(value: string, range: { min?: number; max?: number }, scale = 1): string[] {
  return [range.min === undefined ? null : `${value} >= ${Math.round(range.min * scale)}`, range.max === undefined ? null : `${value} <= ${Math.round(range.max * scale)}`].filter((c): c is string => c !== null);
}

/**
 * A money cell as whole fen (BIGINT), the reading of parseMoneyText: an optional sign, digits with
 * optional thousands separators and at most two decimals, an optional leading ¥/￥ and trailing 元,
 * full-width digits; `min`/`max` in yuan as the column's range.
 */
export function moneyTextSql(x: string, n: string, range: { min?: number; max?: number } = {}): CellSql {
  const [dec, t, miss, fast, norm, parts, ok, fen] = ['dec', 't', 'miss', 'fast', 'norm', 'parts', 'ok', 'fen'].map((name) => local(n, name));
  const stripped = `regexp_replace(regexp_replace(${jsTrimSql(normalizeDigitsSql(x))}, '^[¥￥]${JS_SPACE}*', ''), '${JS_SPACE}*元$', '')`;
  const inRangeOf = (v: string) => [`abs(${v}) <= ${MAX_FEN}`, ...rangeSql(v, range, 100)].join(' AND ');
  const inRange = inRangeOf(`coalesce(${fast}, ${fen})`);
  const magnitude = `(TRY_CAST(coalesce(nullif(replace(${parts}.whole, ',', ''), ''), '0') AS HUGEINT) * 100 + TRY_CAST(rpad(coalesce(nullif(${parts}.f1, ''), ${parts}.f2, ''), 2, '0') AS INTEGER))`;
  // Canonical decimals ('180.00', '-5.25') and whole numbers ('180'): kept only when DuckDB's
  // value prints back as the same text, so nothing the row path refuses gets through (DECIMAL(18,2):
  // wider decimals parse a hundred times slower). The decimal is cast once, in its own layer, and
  // gives the fen by exact decimal arithmetic.
  const decimal = { [dec]: `(CASE WHEN strlen(${x}) <= 19 THEN TRY_CAST(${x} AS DECIMAL(18,2)) END)` };
  const canonicalFen = `(CASE WHEN CAST(${dec} AS VARCHAR) = ${x} THEN CAST(${dec} * 100 AS BIGINT) WHEN strlen(${x}) <= 16 AND CAST(TRY_CAST(${x} AS BIGINT) AS VARCHAR) = ${x} THEN CAST(${x} AS BIGINT) * 100 END)`;
  return {
    canonical: { layers: [decimal, { [fast]: canonicalFen }], value: `(CASE WHEN ${inRangeOf(fast)} THEN ${fast} END)` },
    layers: [
      decimal,
      { [fast]: canonicalFen },
      { [t]: `(CASE WHEN ${fast} IS NULL THEN ${jsTrimSql(x)} END)` },
      { [miss]: missingSql(t) },
      { [norm]: `(CASE WHEN ${fast} IS NULL AND NOT ${miss} THEN ${stripped} END)` },
      {
        [parts]: `regexp_extract(${norm}, '^([+-]?)(?:(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{0,2}))?|\\.(\\d{1,2}))$', ['sign', 'whole', 'f1', 'f2'])`,
        [ok]: `regexp_full_match(${norm}, '[+-]?(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d{0,2})?|\\.\\d{1,2})')`,
      },
      { [fen]: `(CASE WHEN ${ok} AND ${magnitude} <= ${MAX_FEN} THEN CAST(CASE WHEN ${parts}.sign = '-' THEN -${magnitude} ELSE ${magnitude} END AS BIGINT) END)` },
    ],
    value: `(CASE WHEN ${fast} IS NULL AND ${miss} THEN NULL WHEN ${inRange} THEN coalesce(${fast}, ${fen}) END)`,
    bad: `((${fast} IS NOT NULL OR NOT ${miss}) AND NOT coalesce(${inRange}, FALSE))`,
  };
}

/**
 * A whole-number cell, the reading of parseNumberText(…, integer): an optional sign, digits, an
 * optional decimal point followed only by zeros, full-width digits; `min`/`max` as the range.
 */
export function integerTextSql(x: string, n: string, range: { min?: number; max?: number } = {}): CellSql {
  const [whole, fast, t, miss, slow, num] = ['whole', 'fast', 't', 'miss', 'slow', 'num'].map((name) => local(n, name));
  const okOf = (v: string) => `coalesce(${v} IS NOT NULL AND isfinite(${v}) AND ${['TRUE', ...rangeSql(v, range)].join(' AND ')}, FALSE)`;
  const ok = okOf(num);
  // Canonical whole numbers: DuckDB's cast (once, in its own layer), kept only when the value
  // prints back as the same text.
  const cast = { [whole]: `(CASE WHEN strlen(${x}) <= 18 THEN TRY_CAST(${x} AS BIGINT) END)` };
  const canonicalNumber = `(CASE WHEN CAST(${whole} AS VARCHAR) = ${x} THEN CAST(${whole} AS DOUBLE) END)`;
  return {
    canonical: { layers: [cast, { [fast]: canonicalNumber }], value: `(CASE WHEN ${okOf(fast)} THEN ${fast} END)` },
    layers: [
      cast,
      { [fast]: canonicalNumber },
      { [t]: `(CASE WHEN ${fast} IS NULL THEN ${jsTrimSql(normalizeDigitsSql(x))} END)` },
      { [miss]: missingSql(t), [slow]: `(CASE WHEN ${fast} IS NULL AND regexp_full_match(${t}, '[+-]?\\d+(?:\\.0*)?') THEN TRY_CAST(${t} AS DOUBLE) END)` },
      { [num]: `coalesce(${fast}, ${slow})` },
    ],
    value: `(CASE WHEN ${fast} IS NULL AND ${miss} THEN NULL WHEN ${ok} THEN ${num} END)`,
    bad: `((${fast} IS NOT NULL OR NOT ${miss}) AND NOT ${ok})`,
  };
}

/**
 * A text cell as the row path keeps it: trimmed, NULL when missing. Plain ASCII text with no
 * whitespace at either end (every policy number of a clean file) is kept as it is, cheaply.
 */
export function stringTextSql(x: string): string {
  return `(CASE WHEN strlen(${x}) > 4 AND ${plainEdgesSql(x)} THEN ${x} WHEN ${isMissingSql(x)} THEN NULL ELSE ${jsTrimSql(x)} END)`;
}

/** The part of wrap-ansi 7 (npm `wrap-ansi`, no bundled types) the terminal uses: wrapping text to a display width. */
declare module 'wrap-ansi' {
  /** Wraps `text` to lines of at most `columns` display columns (CJK counts two); `hard` breaks words longer than a line. */
  function wrapAnsi(text: string, columns: number, options?: { readonly hard?: boolean; readonly trim?: boolean; readonly wordWrap?: boolean }): string;
  export = wrapAnsi;
}

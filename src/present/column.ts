import type { ColumnKind } from './columnKind';

/** The languages a table is presented in. */
export type Lang = 'en' | 'zh';

/** Every language a table can be presented in. */
export const LANGUAGES: readonly Lang[] = ['en', 'zh'];

/** A text in each language. */
export interface Label {
  readonly en: string;
  readonly zh: string;
}

/** One column of an output table: its key in the rows, what it holds and its header in each language. */
export interface ColumnDeclaration {
  readonly key: string;
  readonly kind: ColumnKind;
  readonly label: Label;
}

/**
 * What a command declares about one of the tables it files: its title and the columns it knows.
 * Columns of the rows that are not declared (a `--by` column, a construct of the survey model)
 * are typed by `inferColumn`.
 */
export interface TableDeclaration {
  readonly title: Label;
  readonly columns: readonly ColumnDeclaration[];
}

/**
 * Declares a column: `column('premium_income', 'money', 'Premium income', '保费收入')`.
 * @example column('ae', 'ae', 'A/E', '实际/预期').label.zh // '实际/预期'
 */
export function column(key: string, kind: ColumnKind, en: string, zh: string): ColumnDeclaration {
  return { key, kind, label: { en, zh } };
}

/** Declares a table: a title and its columns. */
export function tableDeclaration(en: string, zh: string, columns: readonly ColumnDeclaration[]): TableDeclaration {
  return { title: { en, zh }, columns };
}

import type { TableCell } from '../evidence/csv';
import { type ColumnDeclaration, column } from './column';
import type { ColumnKind } from './columnKind';
import { KNOWN_COLUMNS } from './knownColumns';

/** A header from a key when nothing better is known: `loss_ratio_2024` → `loss ratio 2024`. */
export function keyLabel(key: string): string {
  return key.replace(/_/g, ' ');
}

const isYear = (v: number) => Number.isInteger(v) && v >= 1900 && v <= 2200;

/** The kind of a numeric column from its key's words, else from its values. */
function numericKind(key: string, values: readonly number[]): ColumnKind {
  const words = key.toLowerCase().split(/[^a-z0-9]+/);
  const has = (...w: string[]) => w.some((x) => words.includes(x));
  if (has('year', 'origin') && values.every(isYear)) return 'year';
  if (has('pp')) return 'points';
  if (has('ae')) return 'ae';
  if (has('factor')) return 'ratio';
  if (has('ratio', 'rate', 'share')) return 'rate';
  if (has('premium', 'claims', 'income', 'amount', 'yuan', 'surplus', 'assets', 'liabilities', 'reserves', 'expenses')) return 'money';
  if (has('threshold', 'cap')) return 'rate';
  if (has('exposure')) return 'exposure';
  return values.every(Number.isInteger) ? 'count' : 'number';
}

/**
 * Types a column that no declaration names: a known column (`KNOWN_COLUMNS`) as declared there
 * (a rule's value `value_<name>` is headed "value: …", "触发值：…");
 * otherwise from its values (booleans; ISO dates, years and quarters as text; numbers) and, for
 * numbers, from the words of its key (`…_year` of whole years, `…_pp`, `ae`, `factor`, then `ratio`,
 * `rate`, `share`; money words such as `premium`, `claims`; then `threshold`, `cap`).
 * @example inferColumn('loss_ratio_2024', [0.2007]).kind // 'rate'
 * @example inferColumn('channel', ['online', 'agency']).kind // 'text'
 */
export function inferColumn(key: string, values: readonly TableCell[]): ColumnDeclaration {
  const known = KNOWN_COLUMNS.get(key);
  if (known) return known;
  const present = values.filter((v): v is string | number | boolean => v !== null && v !== undefined);
  const label = keyLabel(key);
  const value = /^value_(.+)$/.exec(key);
  const labels = value ? valueLabels(value[1]) : { en: label, zh: label };
  let kind: ColumnKind = 'text';
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) kind = 'boolean';
  else if (present.length > 0 && present.every((v) => typeof v === 'number')) kind = numericKind(key, present as number[]);
  else if (present.length > 0 && present.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))) kind = 'date';
  else if (present.length > 0 && present.every((v) => typeof v === 'string' && /^\d{4}(Q[1-4])?$/.test(v))) kind = 'period';
  return column(key, kind, labels.en, labels.zh);
}

/**
 * Headers of a rule's recorded value (`value_<name>`, see `valueColumns`): "value: …" and
 * "触发值：…", with the known column's words when the name is one.
 * @example valueLabels('earned_premium') // { en: 'value: Earned premium', zh: '触发值：已赚保费' }
 */
export function valueLabels(name: string): { en: string; zh: string } {
  const known = KNOWN_COLUMNS.get(name);
  return { en: `value: ${known?.label.en ?? keyLabel(name)}`, zh: `触发值：${known?.label.zh ?? keyLabel(name)}` };
}

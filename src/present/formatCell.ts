import type { TableCell } from '../evidence/csv';
import { Dec } from '../money/decimal';
import { groupThousands } from '../money/groupThousands';
import type { Lang } from './column';
import { type ColumnKind, KIND_DECIMALS } from './columnKind';

/** Fixed decimals of a number, rounded half-up in decimal (never through the binary float), without '-0'. */
function fixed(value: number, decimals: number): string {
  const text = new Dec(value).toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

const YES_NO: Readonly<Record<Lang, readonly [string, string]>> = { en: ['yes', 'no'], zh: ['是', '否'] };
const POINTS: Readonly<Record<Lang, string>> = { en: ' pp', zh: '个百分点' };

/**
 * The text of one cell as every presenter shows it (terminal, report, notebook): money with
 * thousands separators and two decimals, rates as percentages with two decimals, A/E with three,
 * years without a separator, booleans as yes/no (是/否), missing values as an empty text. Rounding is
 * half-up on the decimal value; the machine's locale plays no part.
 * @param lang the language of the words (yes/no, percentage points); digits are the same in both
 * @example formatCell(1234567.891, 'money', 'en') // '1,234,567.89'
 * @example formatCell(0.26999942, 'rate', 'en') // '27.00%'
 * @example formatCell(2025, 'year', 'zh') // '2025'
 * @example formatCell(1.999942, 'points', 'zh') // '2.00个百分点'
 * @example formatCell(true, 'boolean', 'zh') // '是'
 * @example formatCell(0.00004, 'p', 'en') // '< 0.001'
 */
export function formatCell(value: TableCell | undefined, kind: ColumnKind, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return YES_NO[lang][value ? 0 : 1];
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '';
  switch (kind) {
    case 'money':
    case 'exposure':
    case 'count':
    case 'number':
      return groupThousands(fixed(value, KIND_DECIMALS[kind]!));
    case 'rate':
      return `${fixed(new Dec(value).times(100).toNumber(), 2)}%`;
    case 'points':
      return `${fixed(value, 2)}${POINTS[lang]}`;
    case 'ratio':
    case 'ae':
    case 'index':
      return fixed(value, KIND_DECIMALS[kind]!);
    case 'p':
      return value < 0.001 ? '< 0.001' : fixed(value, 3);
    case 'year':
      return String(value);
    default:
      return String(value);
  }
}

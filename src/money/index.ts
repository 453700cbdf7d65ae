export { Dec, type DecLike, toDec, sumDec } from './decimal';
export { type Cents, asCents, sumCents, centsToYuan, roundYuan, yuanToCents, formatYuan, formatCents } from './cents';
export { type Comparison, COMPARISON_SYMBOL, compare, ratio, parseRateText, formatPercent, normalizeDigits } from './ratio';

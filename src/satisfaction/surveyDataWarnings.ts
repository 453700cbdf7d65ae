import type { QualityWarning } from './qualityWarnings';
import type { Grouping } from './surveyMatrix';
import type { ItemScale } from './surveyModel';

/**
 * The fewest respondents whose group index is published by default. Below it a group's index
 * describes a handful of people (a group of one publishes one person's answers) and its sampling
 * error is large; 30 is the usual minimum cell size of survey reporting.
 */
export const MIN_GROUP_RESPONDENTS = 30;

/** Groups left out of the published indices for having too few respondents (counted, never named). */
export interface SuppressedGroups {
  readonly minimum: number;
  readonly groups: number;
  readonly respondents: number;
}

/**
 * The grouping whose indices may be published: groups of at least `minimum` respondents keep
 * their labels (renumbered in the same order); respondents of smaller groups get code −1 (no
 * group), so no figure of theirs is computed by group.
 * @returns the published grouping, the labels left out (for checking options, never for output)
 * and their count, and how many respondents are alone in their group.
 * @example publishedGrouping({ column: 'region', labels: ['A', 'B'], codes: Int32Array.from([0, 0, 1]) }, 2).grouping.labels // ['A']
 */
export function publishedGrouping(grouping: Grouping, minimum: number): { grouping: Grouping; hidden: ReadonlySet<string>; suppressed: SuppressedGroups; alone: number } {
  const counts = new Array<number>(grouping.labels.length).fill(0);
  for (const c of grouping.codes) counts[c]++;
  const renumber = new Int32Array(grouping.labels.length).fill(-1);
  const labels: string[] = [];
  const hidden = new Set<string>();
  let respondents = 0;
  grouping.labels.forEach((label, g) => {
    if (counts[g] >= minimum) {
      renumber[g] = labels.length;
      labels.push(label);
    } else {
      hidden.add(label);
      respondents += counts[g];
    }
  });
  return {
    grouping: { column: grouping.column, labels, codes: Int32Array.from(grouping.codes, (c) => renumber[c]) },
    hidden,
    suppressed: { minimum, groups: hidden.size, respondents },
    alone: counts.filter((c) => c === 1).length,
  };
}

/**
 * Warnings about the survey data rather than the model: groups left out for their size, items
 * every respondent of a published group answered alike (the item says nothing about that group),
 * and a declared answer scale whose top no answer reaches (a survey on 1–5 declared as 1–10 would
 * give wrong 0–100 indices).
 * @param answers row-major n×p, NaN for no answer
 * @example surveyDataWarnings(answers, ['Q1'], null, null, { min: 1, max: 10 }) // [{ measure: 'scale_use', … }] when no answer is 10
 */
export function surveyDataWarnings(answers: Float64Array, items: readonly string[], grouping: Grouping | null, suppressed: SuppressedGroups | null, scale: ItemScale | null): QualityWarning[] {
  const p = items.length;
  const n = p === 0 ? 0 : answers.length / p;
  const out: QualityWarning[] = [];
  if (suppressed !== null && suppressed.groups > 0 && grouping !== null) {
    const s = suppressed;
    out.push({
      subject: grouping.column,
      measure: 'group_size',
      value: s.groups,
      threshold: s.minimum,
      message: `${s.groups} ${grouping.column} group${s.groups === 1 ? '' : 's'} with fewer than ${s.minimum} respondents (${s.respondents} respondent${s.respondents === 1 ? '' : 's'} in all) ${s.groups === 1 ? 'is' : 'are'} not shown: an index of so few people would describe individuals (--min-group to change the minimum)`,
      source: 'minimum group size of survey reporting (default 30); S3 art. 34 on personal information',
    });
  }
  if (grouping !== null) {
    const low = new Float64Array(grouping.labels.length * p).fill(Number.POSITIVE_INFINITY);
    const high = new Float64Array(grouping.labels.length * p).fill(Number.NEGATIVE_INFINITY);
    for (let i = 0; i < n; i++) {
      const g = grouping.codes[i];
      if (g < 0) continue;
      for (let h = 0; h < p; h++) {
        const v = answers[i * p + h];
        if (v !== v) continue;
        if (v < low[g * p + h]) low[g * p + h] = v;
        if (v > high[g * p + h]) high[g * p + h] = v;
      }
    }
    grouping.labels.forEach((label, g) => {
      items.forEach((item, h) => {
        const k = g * p + h;
        if (low[k] === high[k]) {
          out.push({
            subject: `${item} in ${grouping.column} ${label}`,
            measure: 'constant_in_group',
            value: low[k],
            threshold: null,
            message: `Every respondent of ${grouping.column} ${label} who answered ${item} gave ${low[k]}: the item does not vary in that group, so it says nothing about differences there`,
            source: 'survey data check',
          });
        }
      });
    });
  }
  if (scale !== null) {
    let top = Number.NEGATIVE_INFINITY;
    for (const v of answers) if (v === v && v > top) top = v;
    if (top !== Number.NEGATIVE_INFINITY && top < scale.max) {
      out.push({
        subject: 'answer scale',
        measure: 'scale_use',
        value: top,
        threshold: scale.max,
        message: `No answer reaches the top of the declared answer scale ${scale.min}–${scale.max} (the highest is ${top}): if the survey used another scale, the 0–100 indices are wrong (declare the right one in the model or with --scale)`,
        source: 'survey data check',
      });
    }
  }
  return out;
}

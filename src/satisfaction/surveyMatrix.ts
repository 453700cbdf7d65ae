import { InputError } from '../data/InputError';
import { isMissingCell } from '../data/parseCell';
import type { Table } from '../data/parseTable';
import type { SurveyRow } from '../data/rows';
import { normaliseKey } from '../data/schema';
import { normalizeDigits } from '../money/ratio';
import type { PathDesign } from './pathDesign';
import type { SurveyModel } from './surveyModel';

/** How missing answers are treated: replaced by the item's (weighted) mean, or the respondent dropped. */
export type MissingTreatment = 'mean' | 'casewise';

/** Columns a survey may be grouped by. Only these: never an identifier or a personal column (S3 art. 34). */
export type GroupColumn = 'company' | 'region' | 'stage';

/** The grouping columns, for option validation. */
export const GROUP_COLUMNS: readonly GroupColumn[] = ['company', 'region', 'stage'];

/** Label of a respondent whose grouping cell is empty. */
export const NO_GROUP = '(none)';

/** A grouping of the analysed respondents: a label per code, a code per respondent. */
export interface Grouping {
  readonly column: GroupColumn;
  /** Distinct labels, sorted. */
  readonly labels: readonly string[];
  readonly codes: Int32Array;
}

/** How many answers were missing and what was done about them. */
export interface MissingReport {
  readonly treatment: MissingTreatment;
  readonly respondents: number;
  readonly respondents_analysed: number;
  /** Respondents dropped because an answer was missing (casewise only). */
  readonly respondents_dropped: number;
  /** Missing answers among all respondents read, in total and per item. */
  readonly answers_missing: number;
  readonly by_item: Readonly<Record<string, number>>;
  /** Answers replaced by the item mean (mean replacement only). */
  readonly answers_replaced: number;
  /** The declared missing-value codes (seminr's `missing_value`), e.g. [-99]; answers equal to one count as missing. */
  readonly missing_codes: readonly number[];
}

/**
 * The survey as the engine reads it: one row per analysed respondent, items in `design.items`
 * order. Holds no identifier and no personal column: only item answers, survey weights and the
 * three grouping columns.
 */
export interface SurveyMatrix {
  readonly file: string;
  readonly items: readonly string[];
  readonly n: number;
  readonly p: number;
  /** Answers as given, NaN where missing (row-major n×p). */
  readonly answers: Float64Array;
  /** Answers with missing ones replaced by the item mean (row-major n×p); equal to `answers` after casewise deletion. */
  readonly values: Float64Array;
  /** Survey weight of each respondent (1 when the survey has no weight column). */
  readonly weights: Float64Array;
  readonly weighted: boolean;
  /** Groupings by company, region and stage, for the columns the survey has. */
  readonly groupings: Readonly<Partial<Record<GroupColumn, Grouping>>>;
  readonly missing: MissingReport;
  /** The global item of each construct that names one (length n, missing answers replaced by the item's mean), for redundancy analysis. */
  readonly globals: Readonly<Record<string, { readonly item: string; readonly values: Float64Array }>>;
}

function findItemColumn(table: Table<SurveyRow>, item: string): string | undefined {
  return table.attributeColumns.find((h) => h === item) ?? table.attributeColumns.find((h) => normaliseKey(h) === normaliseKey(item));
}

/**
 * Builds the engine's matrix from a survey table and a model: finds each model item among the
 * survey's columns, parses every answer, checks it against the model's scale, reads survey
 * weights, and treats missing answers (mean replacement by the weighted item mean of the answers
 * given, or casewise deletion), counting them. An empty cell, `NA`, `NULL`, or an answer equal to a
 * declared missing-value code (`-99`, seminr's `missing_value`) is a missing answer. The global
 * items the model names are read the same way, for redundancy analysis.
 *
 * @param missingCodes numbers that mean "no answer" (checked before the scale)
 * @throws InputError naming the model file and entry for an item the survey lacks; naming the
 * survey file, the respondent's spreadsheet row and the item for an answer that is not a number
 * or lies outside the scale; for a missing survey weight; when no respondent or no answer remains.
 * @example surveyMatrix(await loadTable('survey.csv', 'survey'), model, pathDesign(model), 'mean').missing.answers_missing
 */
export function surveyMatrix(table: Table<SurveyRow>, model: SurveyModel, design: PathDesign, treatment: MissingTreatment, missingCodes: readonly number[] = []): SurveyMatrix {
  const file = table.file;
  const p = design.items.length;
  const headers = design.items.map((item) => {
    const header = findItemColumn(table, item);
    if (header === undefined) {
      const j = model.constructs.findIndex((c) => c.items.includes(item));
      const i = model.constructs[j].items.indexOf(item);
      throw new InputError({ file: model.file, column: `constructs.${model.constructs[j].name}.items[${i}]` }, `an item that is a column of the survey ${file}`, item);
    }
    return header;
  });
  const scale = model.scale;
  const rows = table.rows;
  const weighted = table.columns.includes('weight');
  const allAnswers = new Float64Array(rows.length * p);
  const allWeights = new Float64Array(rows.length);
  const byItem = new Array<number>(p).fill(0);
  const complete: boolean[] = [];
  rows.forEach((row, i) => {
    if (weighted) {
      if (row.weight === null) throw new InputError({ file, row: row.source_row, column: 'weight' }, 'a survey weight for every respondent (the survey has a weight column)', '');
      allWeights[i] = row.weight;
    } else {
      allWeights[i] = 1;
    }
    let whole = true;
    for (let h = 0; h < p; h++) {
      const text = row.attributes[headers[h]] ?? '';
      if (isMissingCell(text)) {
        allAnswers[i * p + h] = Number.NaN;
        byItem[h]++;
        whole = false;
        continue;
      }
      const value = Number(normalizeDigits(text.trim()));
      if (missingCodes.includes(value)) {
        allAnswers[i * p + h] = Number.NaN;
        byItem[h]++;
        whole = false;
        continue;
      }
      const range = scale ? ` on the model's answer scale ${scale.min}–${scale.max}` : '';
      if (!Number.isFinite(value)) throw new InputError({ file, row: row.source_row, column: headers[h] }, `an answer as a number${range} (or an empty cell for no answer)`, text);
      if (scale && (value < scale.min || value > scale.max)) throw new InputError({ file, row: row.source_row, column: headers[h] }, `an answer${range}`, text);
      allAnswers[i * p + h] = value;
    }
    complete.push(whole);
  });
  const keep = rows.map((_, i) => treatment === 'mean' || complete[i]);
  const n = keep.filter(Boolean).length;
  if (n === 0) throw new InputError({ file }, 'at least one respondent who answered every item (casewise deletion dropped them all; try --missing mean)');
  const answers = new Float64Array(n * p);
  const weights = new Float64Array(n);
  const kept: number[] = [];
  rows.forEach((_, i) => {
    if (!keep[i]) return;
    answers.set(allAnswers.subarray(i * p, (i + 1) * p), kept.length * p);
    weights[kept.length] = allWeights[i];
    kept.push(i);
  });
  if (!(weights.reduce((a, b) => a + b, 0) > 0)) throw new InputError({ file, column: 'weight' }, 'survey weights whose sum is positive');
  const values = Float64Array.from(answers);
  let replaced = 0;
  for (let h = 0; h < p; h++) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const v = answers[i * p + h];
      if (!Number.isNaN(v)) {
        sum += weights[i] * v;
        total += weights[i];
      }
    }
    if (!(total > 0)) throw new InputError({ file, column: headers[h] }, `at least one answer to item ${design.items[h]}`);
    const mean = sum / total;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(values[i * p + h])) {
        values[i * p + h] = mean;
        replaced++;
      }
    }
  }
  const groupings: Partial<Record<GroupColumn, Grouping>> = {};
  for (const column of GROUP_COLUMNS) {
    if (!table.columns.includes(column)) continue;
    const label = (i: number) => rows[i][column] ?? NO_GROUP;
    const labels = [...new Set(kept.map(label))].sort();
    const index = new Map(labels.map((l, c) => [l, c]));
    groupings[column] = { column, labels, codes: Int32Array.from(kept.map((i) => index.get(label(i))!)) };
  }
  const globals: Record<string, { item: string; values: Float64Array }> = {};
  for (const construct of model.constructs) {
    if (construct.global_item === null) continue;
    const header = findItemColumn(table, construct.global_item);
    if (header === undefined) throw new InputError({ file: model.file, column: `constructs.${construct.name}.global_item` }, `a global item that is a column of the survey ${file}`, construct.global_item);
    const column = new Float64Array(n);
    let sum = 0;
    let total = 0;
    kept.forEach((row, k) => {
      const text = rows[row].attributes[header] ?? '';
      let value = Number.NaN;
      if (!isMissingCell(text)) {
        value = Number(normalizeDigits(text.trim()));
        if (missingCodes.includes(value)) value = Number.NaN;
        else if (!Number.isFinite(value) || (scale && (value < scale.min || value > scale.max))) {
          throw new InputError({ file, row: rows[row].source_row, column: header }, `an answer as a number${scale ? ` on the model's answer scale ${scale.min}–${scale.max}` : ''} (or an empty cell for no answer)`, text);
        }
      }
      column[k] = value;
      if (!Number.isNaN(value)) {
        sum += weights[k] * value;
        total += weights[k];
      }
    });
    if (!(total > 0)) throw new InputError({ file, column: header }, `at least one answer to the global item ${construct.global_item}`);
    for (let k = 0; k < n; k++) if (Number.isNaN(column[k])) column[k] = sum / total;
    globals[construct.name] = { item: construct.global_item, values: column };
  }
  const answersMissing = byItem.reduce((a, b) => a + b, 0);
  return {
    file,
    items: design.items,
    n,
    p,
    answers,
    values,
    weights,
    weighted,
    groupings,
    missing: {
      treatment,
      respondents: rows.length,
      respondents_analysed: n,
      respondents_dropped: rows.length - n,
      answers_missing: answersMissing,
      by_item: Object.fromEntries(design.items.map((item, h) => [item, byItem[h]])),
      answers_replaced: replaced,
      missing_codes: missingCodes,
    },
    globals,
  };
}

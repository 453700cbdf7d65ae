import { readFileSync } from 'node:fs';
import { InputError } from '../data/InputError';

/** How a construct's outer weights are estimated: A (reflective, correlation weights) or B (formative, regression weights). */
export type MeasurementMode = 'A' | 'B';

/** One latent variable (construct) of a survey model and the survey items that measure it. */
export interface Construct {
  readonly name: string;
  readonly items: readonly string[];
  readonly mode: MeasurementMode;
  /** Chinese name shown in reports (企业形象 …), when the model gives one. */
  readonly name_zh: string | null;
  /** English label shown in reports, when the model gives one (defaults to `name`). */
  readonly name_en: string | null;
  /**
   * A survey item measuring the construct as a whole ("overall, how would you rate …"), kept out
   * of the model: for a formative (mode B) construct, the redundancy analysis correlates the
   * construct with it (Chin 1998; Hair et al. 2019). Null when the model names none.
   */
  readonly global_item: string | null;
}

/** The answer scale of the items: every answer must lie in [min, max]; indices rescale from it to 0–100. */
export interface ItemScale {
  readonly min: number;
  readonly max: number;
}

/**
 * A survey model: constructs with their items and the directed paths between constructs
 * (DOMAIN.md, survey model file). Constructs keep the order of the file.
 */
export interface SurveyModel {
  readonly name: string;
  /** Where the model came from, for error messages. */
  readonly file: string;
  /** The items' answer scale, or null when the file declares none (then no 0–100 index can be computed). */
  readonly scale: ItemScale | null;
  readonly constructs: readonly Construct[];
  /** Directed paths [from, to]. */
  readonly paths: readonly (readonly [string, string])[];
}

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function modelError(file: string, entry: string, expected: string, found?: Json): InputError {
  return new InputError({ file, column: entry }, expected, found === undefined ? undefined : typeof found === 'string' ? found : JSON.stringify(found));
}

function parseScale(file: string, raw: Json): ItemScale | null {
  if (raw === undefined || raw === null) return null;
  if (!isRecord(raw) || typeof raw.min !== 'number' || typeof raw.max !== 'number' || !Number.isFinite(raw.min) || !Number.isFinite(raw.max)) {
    throw modelError(file, 'scale', 'an object {"min": number, "max": number}', raw);
  }
  if (!(raw.max > raw.min)) throw modelError(file, 'scale', 'a scale whose max is greater than its min', raw);
  return { min: raw.min, max: raw.max };
}

function parseConstruct(file: string, name: string, raw: Json, owner: Map<string, string>): Construct {
  const entry = `constructs.${name}`;
  const spec = Array.isArray(raw) ? { items: raw } : raw;
  if (!isRecord(spec)) throw modelError(file, entry, 'a list of items or an object {"items": [...], "mode": "A"|"B"}', raw);
  const items = spec.items;
  if (!Array.isArray(items) || items.length === 0) throw modelError(file, `${entry}.items`, 'a non-empty list of item names (a construct needs at least one item)', items);
  const names: string[] = [];
  items.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') throw modelError(file, `${entry}.items[${i}]`, 'an item name (text)', item);
    const previous = owner.get(item);
    if (previous !== undefined) throw modelError(file, `${entry}.items[${i}]`, `an item measuring one construct only, but ${item} already measures ${previous}`, item);
    owner.set(item, name);
    names.push(item);
  });
  const mode = spec.mode ?? 'A';
  if (mode !== 'A' && mode !== 'B') throw modelError(file, `${entry}.mode`, 'mode "A" (reflective) or "B" (formative)', mode);
  const text = (key: string): string | null => {
    const v = spec[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw modelError(file, `${entry}.${key}`, 'text', v);
    return v;
  };
  const global = text('global_item');
  if (global !== null) {
    if (owner.has(global)) throw modelError(file, `${entry}.global_item`, `a survey item outside the model's blocks, but ${global} measures ${owner.get(global)}`, global);
    if (mode !== 'B') throw modelError(file, `${entry}.global_item`, 'a global item for a formative (mode "B") construct only (redundancy analysis)', global);
  }
  return { name, items: names, mode, name_zh: text('name_zh'), name_en: text('name_en'), global_item: global };
}

/** Index of the path that closes a cycle, or -1 when the paths form a directed acyclic graph. */
function firstCycle(names: readonly string[], paths: readonly (readonly [string, string])[]): number {
  const successors = new Map<string, string[]>(names.map((n) => [n, []]));
  for (let i = 0; i < paths.length; i++) {
    const [from, to] = paths[i];
    successors.get(from)!.push(to);
    // Adding from → to closes a cycle when `from` is reachable from `to`.
    const seen = new Set<string>();
    const stack = [to];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === from) return i;
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push(...successors.get(node)!);
    }
  }
  return -1;
}

/**
 * Validates a survey model given as parsed JSON: `{"name", "scale": {"min", "max"},
 * "constructs": {"Image": {"items": [...], "mode": "A", "name_zh": "企业形象"} | [...items], …},
 * "paths": [["Image", "Expectation"], …]}`. A bare item list means mode A. A formative construct
 * may name a `global_item` (a survey column outside the model) for its redundancy analysis:
 * `{"items": ["qual_1", …], "mode": "B", "global_item": "qual_global"}`.
 *
 * @param file where the JSON came from, named in every error
 * @throws InputError naming the file and the entry (`constructs.Quality.items`, `paths[3]`) for a
 * construct without items, an item in two constructs, an unknown mode, a path naming an unknown
 * construct, a repeated or self path, a construct no path reaches, or a cycle.
 * @example parseSurveyModel({ constructs: { A: ['a1', 'a2'], B: ['b1'] }, paths: [['A', 'B']] }, 'model.json').paths
 * // [['A', 'B']]
 */
export function parseSurveyModel(json: Json, file: string): SurveyModel {
  if (!isRecord(json)) throw modelError(file, '(top level)', 'a JSON object with "constructs" and "paths"');
  if (!isRecord(json.constructs) || Object.keys(json.constructs).length < 2) {
    throw modelError(file, 'constructs', 'an object with at least two constructs, each a list of items or {"items": [...]}', json.constructs);
  }
  const owner = new Map<string, string>();
  const constructs = Object.entries(json.constructs).map(([name, raw]) => parseConstruct(file, name, raw, owner));
  const names = constructs.map((c) => c.name);
  if (!Array.isArray(json.paths) || json.paths.length === 0) throw modelError(file, 'paths', 'a non-empty list of [from, to] pairs', json.paths);
  const paths: (readonly [string, string])[] = [];
  const seen = new Set<string>();
  json.paths.forEach((raw: Json, i: number) => {
    const entry = `paths[${i}]`;
    if (!Array.isArray(raw) || raw.length !== 2 || typeof raw[0] !== 'string' || typeof raw[1] !== 'string') {
      throw modelError(file, entry, 'a pair ["from construct", "to construct"]', raw);
    }
    const [from, to] = raw as [string, string];
    for (const end of [from, to]) {
      if (!names.includes(end)) throw modelError(file, entry, `a path between declared constructs (${names.join(', ')})`, end);
    }
    if (from === to) throw modelError(file, entry, 'a path between two different constructs', raw);
    const key = `${from}\u0000${to}`;
    if (seen.has(key)) throw modelError(file, entry, 'each path once', raw);
    seen.add(key);
    paths.push([from, to]);
  });
  const cycle = firstCycle(names, paths);
  if (cycle >= 0) throw modelError(file, `paths[${cycle}]`, 'paths without a cycle (PLS path models are recursive)', paths[cycle]);
  for (const name of names) {
    if (!paths.some(([from, to]) => from === name || to === name)) {
      throw modelError(file, `constructs.${name}`, 'a construct connected to the others by at least one path', name);
    }
  }
  const title = json.name === undefined ? 'model' : json.name;
  if (typeof title !== 'string') throw modelError(file, 'name', 'text', title);
  return { name: title, file, scale: parseScale(file, json.scale), constructs, paths };
}

/**
 * Reads and validates a survey model file (JSON).
 * @throws InputError when the file is missing, is not JSON, or fails `parseSurveyModel`.
 * @example loadSurveyModel('data/sample/survey_model.json').constructs.length // 7
 */
export function loadSurveyModel(path: string): SurveyModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError({ file: path }, 'an existing survey model file (JSON)');
  }
  let json: Json;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError({ file: path }, `valid JSON (${(error as Error).message})`);
  }
  return parseSurveyModel(json, path);
}

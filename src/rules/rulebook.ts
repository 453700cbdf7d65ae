import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../data/InputError';
import { Dec } from '../money/decimal';
import type { Comparison } from '../money/ratio';
import { SEVERITIES, type Severity } from './finding';

/** Where a rule comes from: seed id (S1…S5), document, article and the quoted text. */
export interface RuleCitation {
  readonly source: string;
  readonly document: string;
  readonly article: string;
  readonly quote: string;
}

/** One rule of the rulebook: what it checks, where it comes from and its parameters. */
export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly title_zh: string;
  readonly severity: Severity;
  /** 'draft' for rules from a consultation draft (S2) whose final text may differ. */
  readonly status: 'in_force' | 'draft';
  readonly citation: RuleCitation;
  /** Which products the rule applies to (lines, internet, business, term bounds, premium mode). */
  readonly scope: Readonly<Record<string, unknown>>;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** A loaded rulebook with its provenance (recorded in every evidence bundle). */
export interface Rulebook {
  readonly id: string;
  readonly version: string;
  readonly description: string;
  readonly rules: readonly Rule[];
  /** The file it was read from. */
  readonly file: string;
  /** SHA-256 of the file's bytes. */
  readonly sha256: string;
  /**
   * True when the file claims the shipped rulebook's id and version but its bytes differ (an
   * edited copy); its `version` then ends in " (modified)", so every output that names the
   * rulebook says so.
   */
  readonly modified: boolean;
}

/** The rulebook shipped with the workbench (works from both src/ and dist/). */
export const DEFAULT_RULEBOOK_PATH = resolve(__dirname, '..', '..', 'src', 'rules', 'default-rulebook.yaml');

/** The shipped rulebook parsed at build time (`scripts/compileRulebook.js`), beside its YAML source. */
const PRECOMPILED_PATH = resolve(__dirname, '..', '..', 'src', 'rules', 'default-rulebook.json');

/**
 * The shipped rulebook's document from its precompiled JSON, when that JSON was compiled from the
 * YAML as it is now (same SHA-256); undefined otherwise, and the YAML is parsed.
 */
function precompiled(sha256: string): unknown {
  if (!existsSync(PRECOMPILED_PATH)) return undefined;
  const compiled = JSON.parse(readFileSync(PRECOMPILED_PATH, 'utf8')) as { readonly source_sha256?: unknown; readonly document?: unknown };
  return compiled.source_sha256 === sha256 ? compiled.document : undefined;
}

/** Parses YAML text; the parser is loaded on first use (the shipped rulebook is read from its precompiled JSON). */
function parseYaml(text: string): unknown {
  return (require('yaml') as typeof import('yaml')).parse(text);
}

/**
 * Loads and checks a rulebook file (YAML or JSON). A file that claims the shipped rulebook's id
 * and version with other bytes is marked `modified` (its version reads "2026.11.2 (modified)").
 * @param path a rulebook file; the shipped default when omitted
 * @throws InputError when the file is missing, not YAML, or a rule lacks an id, citation or parameters,
 * or two rules share an id.
 * @example loadRulebook('my-rules.yaml').version // '2026.11.2 (modified)' for an edited export of the shipped one
 */
export function loadRulebook(path: string = DEFAULT_RULEBOOK_PATH): Rulebook {
  if (!existsSync(path)) throw new InputError({ file: path }, 'an existing rulebook file (YAML)');
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let doc = path === DEFAULT_RULEBOOK_PATH ? precompiled(sha256) : undefined;
  if (doc === undefined) {
    try {
      doc = parseYaml(bytes.toString('utf8'));
    } catch (error) {
      throw new InputError({ file: path }, `a YAML rulebook (${(error as Error).message.split('\n')[0]})`);
    }
  }
  const d = doc as Record<string, unknown> | null;
  if (!d || typeof d !== 'object' || !Array.isArray(d.rules)) throw new InputError({ file: path }, 'a rulebook with id, version and a list of rules');
  for (const key of ['id', 'version'] as const) {
    if (typeof d[key] !== 'string' && typeof d[key] !== 'number') throw new InputError({ file: path, column: key }, `the rulebook's ${key}`);
  }
  const seen = new Set<string>();
  const rules = (d.rules as unknown[]).map((raw, index) => {
    const r = raw as Record<string, unknown>;
    const where = { file: path, row: index + 1, column: 'rules' };
    if (!r || typeof r.id !== 'string') throw new InputError(where, 'each rule to have an id');
    if (seen.has(r.id)) throw new InputError({ ...where, column: r.id }, 'rule ids to be unique');
    seen.add(r.id);
    const c = r.citation as Record<string, unknown> | undefined;
    if (!c || typeof c.source !== 'string' || typeof c.quote !== 'string') {
      throw new InputError({ ...where, column: `${r.id}.citation` }, 'a citation with source, document, article and quote');
    }
    const severity = (r.severity ?? 'major') as Severity;
    if (!SEVERITIES.includes(severity)) throw new InputError({ ...where, column: `${r.id}.severity` }, `one of ${SEVERITIES.join(', ')}`, String(r.severity));
    const status = r.status ?? 'in_force';
    if (status !== 'in_force' && status !== 'draft') throw new InputError({ ...where, column: `${r.id}.status` }, 'in_force or draft', String(status));
    return {
      id: r.id,
      title: String(r.title ?? r.id),
      title_zh: String(r.title_zh ?? r.title ?? r.id),
      severity,
      status,
      citation: { source: c.source, document: String(c.document ?? ''), article: String(c.article ?? ''), quote: c.quote },
      scope: (r.scope ?? {}) as Record<string, unknown>,
      parameters: (r.parameters ?? {}) as Record<string, unknown>,
    } satisfies Rule;
  });
  const shipped = path === DEFAULT_RULEBOOK_PATH ? null : shippedIdentity();
  const modified = shipped !== null && shipped.id === String(d.id) && shipped.version === String(d.version) && shipped.sha256 !== sha256;
  return {
    id: String(d.id),
    version: modified ? `${String(d.version)}${MODIFIED}` : String(d.version),
    description: String(d.description ?? ''),
    rules,
    file: path,
    sha256,
    modified,
  };
}

/** What the version of an edited copy of the shipped rulebook ends in. */
export const MODIFIED = ' (modified)';

let shipped: { readonly id: string; readonly version: string; readonly sha256: string } | undefined;

/** The shipped rulebook's id, version and hash, read once. */
function shippedIdentity(): { readonly id: string; readonly version: string; readonly sha256: string } {
  if (shipped === undefined) {
    const book = loadRulebook(DEFAULT_RULEBOOK_PATH);
    shipped = { id: book.id, version: book.version, sha256: book.sha256 };
  }
  return shipped;
}

/**
 * A rule by id.
 * @throws InputError when the rulebook does not define it.
 */
export function getRule(rulebook: Rulebook, id: string): Rule {
  const rule = rulebook.rules.find((r) => r.id === id);
  if (!rule) throw new InputError({ file: rulebook.file, column: id }, `a rule ${id} in the rulebook`);
  return rule;
}

function paramError(rulebook: Rulebook | undefined, rule: Rule, name: string, expected: string, found: unknown): InputError {
  return new InputError({ file: rulebook?.file, column: `${rule.id}.parameters.${name}` }, expected, found === undefined ? undefined : String(found));
}

/**
 * A numeric parameter as an exact decimal (YAML numbers are read from their text, so 0.35 is exact).
 * @throws InputError when it is missing or not a number.
 */
export function decimalParam(rule: Rule, name: string, rulebook?: Rulebook): Dec {
  const value = rule.parameters[name];
  if (typeof value !== 'number' && typeof value !== 'string') throw paramError(rulebook, rule, name, 'a number', value);
  try {
    return new Dec(String(value));
  } catch {
    throw paramError(rulebook, rule, name, 'a number', value);
  }
}

/**
 * A whole-number parameter, optionally within bounds (inclusive).
 * @throws InputError when missing, not an integer, or out of bounds.
 * @example integerParam(rule, 'years', rulebook, { min: 1, max: 100 }) // 3
 */
export function integerParam(rule: Rule, name: string, rulebook?: Rulebook, bounds: { readonly min?: number; readonly max?: number } = {}): number {
  const value = rule.parameters[name];
  const { min, max } = bounds;
  const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : max !== undefined ? ` of at most ${max}` : '';
  if (typeof value !== 'number' || !Number.isInteger(value) || (min !== undefined && value < min) || (max !== undefined && value > max)) {
    throw paramError(rulebook, rule, name, `a whole number${range}`, value);
  }
  return value;
}

/** A parameter restricted to listed values. @throws InputError when missing or not one of them. */
export function choiceParam<T extends string>(rule: Rule, name: string, choices: readonly T[], rulebook?: Rulebook): T {
  const value = rule.parameters[name];
  if (typeof value !== 'string' || !choices.includes(value as T)) throw paramError(rulebook, rule, name, `one of ${choices.join(', ')}`, value);
  return value as T;
}

/** A comparison parameter (ge, gt, lt, le). */
export function comparisonParam(rule: Rule, name: string, rulebook?: Rulebook): Comparison {
  return choiceParam(rule, name, ['ge', 'gt', 'lt', 'le'] as const, rulebook);
}

/** A boolean parameter. @throws InputError when missing or not true/false. */
export function booleanParam(rule: Rule, name: string, rulebook?: Rulebook): boolean {
  const value = rule.parameters[name];
  if (typeof value !== 'boolean') throw paramError(rulebook, rule, name, 'true or false', value);
  return value;
}

/**
 * A list-of-text parameter, optionally restricted to listed values.
 * @throws InputError when it is missing, not a list of text, or holds a value not allowed.
 * @example stringListParam(rule, 'channel_types', ['bancassurance', 'agency']) // ['bancassurance']
 */
export function stringListParam<T extends string = string>(rule: Rule, name: string, allowed?: readonly T[], rulebook?: Rulebook): T[] {
  const value = rule.parameters[name];
  const expected = allowed ? `a list of values among ${allowed.join(', ')}` : 'a list of text values';
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && (allowed === undefined || allowed.includes(v as T)))) {
    throw paramError(rulebook, rule, name, expected, JSON.stringify(value));
  }
  return value as T[];
}

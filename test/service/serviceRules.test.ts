import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulebook } from '../../src/rules/rulebook';
import { serviceStandardsRules, TIME_LIMIT_RULES } from '../../src/service/serviceLimits';

/** S1 §6 as the seed writes it, in traditional characters (test/fixtures/service/s1-article6.txt). */
const SEED = readFileSync(join(__dirname, '..', 'fixtures', 'service', 's1-article6.txt'), 'utf8');

/**
 * The simplified characters of the rulebook's quotes whose traditional form the seed uses, and the
 * full-width punctuation the rulebook writes where the seed has ASCII. Written out by hand.
 */
const TRADITIONAL: Record<string, string> = Object.fromEntries(
  [...'与與业業个個为為体體偿償关關内內况況准準办辦务務单單处處复復导導将將尽盡应應开開断斷无無时時机機杂雜构構标標检檢毕畢电電线線给給网網联聯补補规規认認设設访訪证證诉訴询詢说說请請调調费費资資赔賠载載达達进進间間险險项項'.matchAll(/(.)(.)/gu)].map((m) => [m[1], m[2]]).concat([['（', '('], ['）', ')'], ['，', ','], ['；', ';']]),
);
const traditional = (text: string) => [...text].map((c) => TRADITIONAL[c] ?? c).join('');

describe('the ILI-SVC rules quote S1 §6 in its own words', () => {
  const rulebook = loadRulebook();
  it.each(rulebook.rules.filter((r) => r.id.startsWith('ILI-SVC')).map((r) => [r.id, r.citation.quote]))('%s: every part of its quote is in the seed', (_, quote) => {
    for (const part of quote.split('……')) expect(SEED, part).toContain(traditional(part));
  });

  it('reads each limit of S1 §6 from the rulebook: the numbers of the seed', () => {
    const rules = serviceStandardsRules(rulebook);
    const limit = (id: string) => rules.limits.find((l) => l.rule.id === id)!;
    expect(rules.limits.map((l) => l.rule.id)).toEqual([...TIME_LIMIT_RULES]);
    expect(limit('ILI-SVC-UW-NOTICE').limit).toEqual({ amount: 1, unit: 'working_days' });
    expect(limit('ILI-SVC-EPOLICY').limit).toEqual({ amount: 2, unit: 'working_days' });
    expect(limit('ILI-SVC-POLICY-SERVICE').limit).toEqual({ amount: 2, unit: 'working_days' });
    expect(limit('ILI-SVC-CLAIM-GUIDANCE').limit).toEqual({ amount: 1, unit: 'working_days' });
    expect(limit('ILI-SVC-CLAIM-PAPERS').limit).toEqual({ amount: 2, unit: 'working_days' });
    expect(limit('ILI-SVC-CLAIM-DECISION')).toMatchObject({ limit: { amount: 5, unit: 'working_days' }, complex_limit: { amount: 30, unit: 'calendar_days' } });
    expect(limit('ILI-SVC-CLAIM-NOTICE').limit).toEqual({ amount: 1, unit: 'working_days' });
    expect(limit('ILI-SVC-SURRENDER')).toMatchObject({ limit: { amount: 1, unit: 'working_days' }, complex_limit: { amount: 3, unit: 'working_days' } });
    expect(limit('ILI-SVC-COMPLAINT').limit).toEqual({ amount: 1, unit: 'working_days' });
    expect(rules.connection.min_rate.toString()).toBe('0.95');
    expect(rules.connection.comparison).toBe('ge'); // 不低于
    expect(rules.convention).toEqual({ receipt_day_counted: false, calendar_limit_extends_to_working_day: false });
  });
});

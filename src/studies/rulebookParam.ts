import { loadRulebook, type Rulebook } from '../rules/rulebook';

/**
 * The rulebook a study uses: the one given, the file given, or the shipped one.
 * @throws InputError for a rulebook file that is missing or not a rulebook.
 * @example rulebookOf(undefined).id // 'awb-default'
 */
export function rulebookOf(rules: Rulebook | string | undefined | null): Rulebook {
  return typeof rules === 'object' && rules !== null ? rules : loadRulebook(rules ?? undefined);
}

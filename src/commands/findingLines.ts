import type { Lang } from '../present/column';
import { SEVERITY } from '../present/words';
import type { Finding } from '../rules/finding';

/**
 * Findings as terminal lines in the language: `  [major] ACC-LR-REPRICE ACC01: …` in English,
 * `  [重要] ACC-LR-REPRICE …` with the Chinese message (`message_zh`) in Chinese.
 * @example findingLines([finding], 'zh')[0] // '  [严重] ACC-LR-STOP 2025：ACC01：连续2年…'
 */
export function findingLines(findings: readonly Finding[], lang: Lang): string[] {
  return findings.map((f) => `  [${SEVERITY[f.severity][lang]}] ${f.rule_id} ${lang === 'zh' ? (f.message_zh ?? f.message) : f.message}`);
}

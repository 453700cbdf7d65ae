import type { CommandOutput } from '../commands/command';
import { type Finding, SEVERITIES } from '../rules/finding';

function isFinding(x: unknown): x is Finding {
  const f = x as Finding;
  return !!f && typeof f === 'object' && typeof f.rule_id === 'string' && SEVERITIES.includes(f.severity) && typeof f.message === 'string' && typeof f.citation === 'string';
}

/**
 * The findings a command reported: the entries of `findings[]` in its JSON (DOMAIN.md: every
 * finding has rule_id, severity, message, citation, values), in the command's order.
 * @example runFindings({ json: { findings: [] }, text: '', inputs: [] }) // []
 */
export function runFindings(output: CommandOutput): Finding[] {
  const list = output.json.findings;
  return Array.isArray(list) ? list.filter(isFinding) : [];
}

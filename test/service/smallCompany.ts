import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One service event of a hand-made folder: type, branch, received and completed dates. */
export type SmallEvent = readonly [type: string, branch: string, received: string, completed: string | null, extra?: { complex?: boolean; connected?: boolean; channel?: string }];

const REGION: Record<string, string> = { 甲分公司: '华东', 乙分公司: '华北' };

/**
 * Writes a data folder with a service_events table of the events given (and any other files),
 * for hand-worked tests.
 * @returns the folder
 */
export function smallServiceFolder(events: readonly SmallEvent[], other: Readonly<Record<string, string>> = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'awb-service-')), 'data');
  mkdirSync(dir);
  const lines = ['event_id,type,received_at,completed_at,channel,complex,connected,region,branch'];
  events.forEach(([type, branch, received, completed, extra], i) => {
    lines.push([`E${String(i + 1).padStart(4, '0')}`, type, received, completed ?? '', extra?.channel ?? 'online', extra?.complex ? 'true' : '', extra?.connected === undefined ? '' : String(extra.connected), REGION[branch] ?? '', branch].join(','));
  });
  writeFileSync(join(dir, 'service_events.csv'), lines.join('\n') + '\n');
  for (const [name, text] of Object.entries(other)) writeFileSync(join(dir, name), text);
  return dir;
}

/** n copies of an event. */
export function times(n: number, event: SmallEvent): SmallEvent[] {
  return Array.from({ length: n }, () => event);
}

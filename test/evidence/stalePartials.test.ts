import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awb } from '../cli/run';
import { tempDir } from '../data/helpers';

describe('the hidden folder of a run killed while filing is removed by the next run', () => {
  it('removes .DIR.partial-PID-TIME of a process that no longer runs, and keeps that of a running one', async () => {
    const parent = tempDir('awb-partials-');
    // A process that has exited: its pid names no running process (kill -9 while writing leaves such a folder).
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const stale = `.Z.partial-${dead}-1764921600000`;
    const live = `.other.partial-${process.ppid}-1764921600000`;
    for (const name of [stale, live]) {
      mkdirSync(join(parent, name, 'tables'), { recursive: true });
      writeFileSync(join(parent, name, 'tables', 'half.csv'), 'a\n');
    }
    const r = await awb('cash-value', '--net-premium', '365', '--term-days', '365', '--days-in-force', '100', '--out', join(parent, 'Z'));
    expect(r.code).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([live, 'Z'].sort());
    expect(existsSync(join(parent, 'Z', 'manifest.json'))).toBe(true);
  });
});

import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const AWB = resolve(__dirname, '..', '..', 'dist', 'cli', 'main.js');

describe('a reader that stops early (awb … | head)', () => {
  it('ends the command quietly, with exit 0 and no EPIPE trace', async () => {
    // `awb backtest --json` on the sample prints far more than a pipe's buffer holds.
    const child = spawn(process.execPath, [AWB, 'backtest', '--data', resolve(__dirname, '..', '..', 'data', 'sample'), '--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let first = '';
    await new Promise<void>((done) => {
      child.stdout.once('data', (chunk) => {
        first = String(chunk);
        child.stdout.destroy();
        done();
      });
    });
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(first.startsWith('{')).toBe(true);
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 60_000);
});

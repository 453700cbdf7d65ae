'use strict';
/**
 * Runs a command as its own process, as a user would type it, and measures it: wall time, and
 * peak resident memory read from /proc/<pid>/status (VmHWM, the high-water mark) while it runs.
 * Used by benchmarks whose sides are whole commands (`awb backtest …`), not library calls.
 */
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');

/** VmHWM of a process in MB, or 0 when it has gone. */
function peakMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs `command args…` and resolves with { wall_ms, max_rss_mb, stdout, code }.
 * @throws when the process exits with a code other than 0 (its stderr in the message).
 */
function runProcess(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { env: { ...process.env, TZ: 'UTC', ...(options.env ?? {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => (peak = Math.max(peak, peakMb(child.pid))), 20);
    child.on('exit', (code) => {
      clearInterval(poll);
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.slice(0, 2000)}`));
      else resolve({ wall_ms: wall, max_rss_mb: peak, stdout, code });
    });
  });
}

module.exports = { runProcess };

#!/usr/bin/env node
'use strict';
/**
 * The benchmark harness (`npm run bench`). Every `bench/*.bench.js` file is a benchmark: a
 * candidate (the workbench's way) and a baseline (an independent tool doing the same work),
 * run side by side in the same run, each in its own child process so that time and peak memory
 * are its own. Sides alternate for `--repeat` rounds; the median wall time of each is reported
 * with the ratio candidate ÷ baseline, CPU time, peak resident memory, the benchmark's targets,
 * and whether both sides produced the same result.
 *
 *   npm run bench                                  every benchmark, 10,000,000 policies
 *   npm run bench -- exposure-cells --repeat 5     one benchmark, five rounds
 *   npm run bench -- --rows 1000000                smaller generated inputs (cached per size)
 *
 * Adding a benchmark is adding a file `bench/<name>.bench.js` (see bench/README.md).
 */
const { execFileSync } = require('node:child_process');
const { mkdirSync, readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const os = require('node:os');

function parseArgs(argv) {
  const options = { names: [], repeat: 3, rows: 10_000_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--repeat') options.repeat = Number(argv[++i]);
    else if (a === '--rows') options.rows = Number(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`bench: unknown option ${a} (expected --repeat N, --rows N, or benchmark names)`);
    else options.names.push(a);
  }
  if (!Number.isInteger(options.repeat) || options.repeat < 1) throw new Error('bench: --repeat expects a whole number of at least 1');
  if (!Number.isInteger(options.rows) || options.rows < 1) throw new Error('bench: --rows expects a whole number of at least 1');
  return options;
}

/** Runs one side of a benchmark in a fresh Node process and returns its measurements. */
function runSide(file, side, input) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', join(__dirname, 'child.js'), file, side, JSON.stringify(input)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 30,
  });
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/** Where generated inputs and the last run's report are kept (git-ignored); made on first use. */
const CACHE = join(__dirname, '.cache');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (x) => `${Math.round(x)} MB`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(CACHE, { recursive: true });
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.js')).sort();
  const benches = files.map((f) => ({ file: join(__dirname, f), spec: require(join(__dirname, f)) }));
  const chosen = options.names.length === 0 ? benches : benches.filter((b) => options.names.includes(b.spec.name));
  if (chosen.length === 0) throw new Error(`bench: no benchmark named ${options.names.join(', ')} (have: ${benches.map((b) => b.spec.name).join(', ')})`);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`Benchmarks on ${os.cpus().length} cores, ${mb(os.totalmem() / 2 ** 20)} memory, Node ${process.version}; load average ${load}; ${options.repeat} rounds\n`);
  const report = [];
  let failed = false;
  for (const { file, spec } of chosen) {
    console.log(`${spec.name}: ${spec.description}`);
    const input = await spec.prepare({ rows: options.rows });
    const runs = { candidate: [], baseline: [] };
    for (let round = 0; round < options.repeat; round++) {
      for (const side of round % 2 === 0 ? ['candidate', 'baseline'] : ['baseline', 'candidate']) {
        const r = runSide(file, side, input);
        runs[side].push(r);
        const cpu = r.cpu_ms === null ? '' : `, ${seconds(r.cpu_ms)} CPU`;
        console.log(`  round ${round + 1} ${side.padEnd(9)} ${spec[side].label}: ${seconds(r.wall_ms)} wall${cpu}, peak ${mb(r.max_rss_mb)}`);
      }
    }
    const c = median(runs.candidate.map((r) => r.wall_ms));
    const b = median(runs.baseline.map((r) => r.wall_ms));
    const ratio = c / b;
    const cpuRatio = spec.measuresProcess ? null : median(runs.candidate.map((r) => r.cpu_ms)) / median(runs.baseline.map((r) => r.cpu_ms));
    const peak = Math.max(...runs.candidate.map((r) => r.max_rss_mb));
    const difference = spec.check ? spec.check(runs.candidate[0].output, runs.baseline[0].output) : null;
    const targets = [];
    if (spec.target?.maxRatio !== undefined) targets.push({ what: `ratio ≤ ${spec.target.maxRatio}`, ok: ratio <= spec.target.maxRatio });
    if (spec.target?.maxSeconds !== undefined) targets.push({ what: `candidate ≤ ${spec.target.maxSeconds} s wall`, ok: c <= spec.target.maxSeconds * 1000 });
    if (spec.target?.maxRssMb !== undefined) targets.push({ what: `peak ≤ ${mb(spec.target.maxRssMb)}`, ok: peak <= spec.target.maxRssMb });
    if (spec.check) targets.push({ what: 'same result', ok: difference === null });
    failed ||= targets.some((t) => !t.ok);
    const cpuText = cpuRatio === null ? '' : ` (CPU ${cpuRatio.toFixed(3)})`;
    console.log(`  median: candidate ${seconds(c)}, baseline ${seconds(b)}; ratio ${ratio.toFixed(3)}${cpuText}; candidate peak ${mb(peak)}`);
    for (const t of targets) console.log(`  ${t.ok ? 'PASS' : 'FAIL'} ${t.what}`);
    if (difference) console.log(`  difference: ${difference}`);
    console.log('');
    report.push({ name: spec.name, input, candidate: runs.candidate.map(({ output, ...r }) => r), baseline: runs.baseline.map(({ output, ...r }) => r), ratio, cpu_ratio: cpuRatio, peak_mb: peak, targets, difference });
  }
  writeFileSync(join(CACHE, 'last-run.json'), JSON.stringify({ load_average_start: load, load_average_end: os.loadavg(), report }, null, 2) + '\n');
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exitCode = 1;
});

'use strict';
/**
 * Runs one side of a benchmark (node child.js FILE candidate|baseline INPUT_JSON) and prints one
 * JSON line: wall and CPU time of `run(input)` in milliseconds, the process's peak resident
 * memory in MB (which includes DuckDB's native memory), and the side's output. A benchmark with
 * `measuresProcess` runs each side as a command of its own and reports that process's wall time and
 * peak memory (CPU time is not measured then).
 */
process.env.TZ = 'UTC';
const [file, side, inputJson] = process.argv.slice(2);
const spec = require(file);

(async () => {
  const input = JSON.parse(inputJson);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await spec[side].run(input);
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  if (spec.measuresProcess) {
    // The side ran a command as its own process (bench/process.js) and measured that process.
    process.stdout.write(JSON.stringify({ wall_ms: result.wall_ms, cpu_ms: null, max_rss_mb: result.max_rss_mb, output: result.output }) + '\n');
    return;
  }
  const maxRss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ wall_ms: wall, cpu_ms: (used.user + used.system) / 1000, max_rss_mb: maxRss, output: result }) + '\n');
})().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});

'use strict';
/**
 * Runs one side of a benchmark (node child.js FILE candidate|baseline INPUT_JSON) and prints one
 * JSON line: wall and CPU time of `run(input)` in milliseconds, the process's peak resident
 * memory in MB (which includes DuckDB's native memory), and the side's output.
 */
process.env.TZ = 'UTC';
const [file, side, inputJson] = process.argv.slice(2);
const spec = require(file);

(async () => {
  const input = JSON.parse(inputJson);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const output = await spec[side].run(input);
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  const maxRss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ wall_ms: wall, cpu_ms: (used.user + used.system) / 1000, max_rss_mb: maxRss, output }) + '\n');
})().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});

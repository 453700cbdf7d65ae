#!/usr/bin/env node
import { runCli } from './runCli';

// Results never depend on the machine's zone: dates are day numbers, and the zone is pinned.
process.env.TZ = 'UTC';

// A reader that stops early (`awb … | head`) closes the pipe: that ends the output, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

runCli(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`awb: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);

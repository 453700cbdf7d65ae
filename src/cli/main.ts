#!/usr/bin/env node
import { runCli } from './runCli';

// Results never depend on the machine's zone: dates are day numbers, and the zone is pinned.
process.env.TZ = 'UTC';

runCli(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`awb: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);

import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/longestFirst.mts';

/**
 * The slow tier: executing the notebooks through Jupyter, end-to-end reviews and reports (each
 * composes, prints a PDF with Chromium, files and verifies a review, the annual report or the
 * satisfaction report; the terminal-width test files and verifies them in both languages), and
 * the studies on the ClickHouse cluster (which .ci/run starts). `npm test` leaves them out; `npm run test:all`
 * (AWB_TESTS=all, what CI runs) includes them.
 */
const SLOW_TESTS = [
  'test/notebooks/**',
  'test/notebook/runNotebooks.test.ts',
  'test/notebook/failureFromStderr.test.ts',
  'test/report/sampleReview.test.ts',
  'test/evidence/withoutChromium.test.ts',
  'test/report/review.test.ts',
  'test/report/icsiReport.test.ts',
  'test/report/annualReport.test.ts',
  'test/cli/terminalWidth.test.ts',
  'test/report/pdfLocale.test.ts',
  'test/engine/clickhouse.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(process.env.AWB_TESTS === 'all' ? [] : SLOW_TESTS)],
    // Results must not depend on the machine's zone; pin it for every worker.
    env: { TZ: 'UTC' },
    // Temporary files under one folder per run, removed at its end; then the company generated once per run for end-to-end tests.
    globalSetup: ['test/support/temporaryFolder.ts', 'test/support/generatedCompany.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Both cores: vitest's default leaves one free, which on a 2-core machine runs the files one by one.
    maxWorkers: 2,
    // The longest files first, whatever vitest's cache holds (a fresh clone has none).
    sequence: { sequencer: LongestFirst },
  },
});

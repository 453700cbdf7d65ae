import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest, longest first (seconds in a full run with the ClickHouse
 * cluster up, 2026-12-06, on two cores). Vitest's own order starts the longest files first only
 * when its cache holds their last durations, which a fresh clone (and CI) does not have: it then
 * keeps the order of the file search, and the notebooks (340 s) started 728 s into a 1,068 s run,
 * alone for the last six minutes while the other worker stood idle.
 */
export const LONGEST_FILES: readonly string[] = [
  'test/notebooks/notebooks.test.ts', // 340 s
  'test/cli/terminalWidth.test.ts', // 210 s
  'test/engine/clickhouse.test.ts', // 119 s
  'test/report/icsiReport.test.ts', // 74 s
  'test/report/annualReport.test.ts', // 64 s
  'test/report/sampleReview.test.ts', // 50 s
  'test/exposure/oracle.test.ts', // 50 s
  'test/report/review.test.ts', // 45 s
  'test/exposure/oracleMonthly.test.ts', // 33 s
  'test/evidence/withoutChromium.test.ts', // 31 s
  'test/notebook/runNotebooks.test.ts', // 30 s
  'test/sample/generateSample.test.ts', // 24 s
  'test/report/pdfLocale.test.ts', // 22 s
];

/**
 * Runs the files of LONGEST_FILES first, in that order, then the others in vitest's order, so
 * that the two workers finish together whatever vitest's cache holds. Set as
 * `sequence.sequencer` in vitest.config.mts.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FILES.indexOf(relative(file.project.config.root, file.moduleId).split('\\').join('/'));
      return at === -1 ? LONGEST_FILES.length : at;
    };
    return [...ordered].sort((a, b) => rank(a) - rank(b));
  }
}

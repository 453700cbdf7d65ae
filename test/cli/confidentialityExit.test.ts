import { describe, expect, it, vi } from 'vitest';
import { ConfidentialityError } from '../../src/evidence/confidentiality';

// The bundle writer's refusal, as the CLI meets it when a command's output would file personal data.
vi.mock('../../src/evidence/fileBundle', () => ({
  fileBundle: async () => {
    throw new ConfidentialityError([{ file: 'tables/groups.csv', what: 'the value of survey.csv column phone in row 7' }]);
  },
}));

describe('awb when the bundle writer refuses personal data', () => {
  it('exits 1 with the refusal (file, column, row) and no stack trace', async () => {
    const { runCli } = await import('../../src/cli/runCli');
    let err = '';
    const code = await runCli(['node', 'awb', 'cash-value', '--net-premium', '1', '--term-days', '1', '--days-in-force', '1', '--out', 'never-written'], {
      stdout: () => undefined,
      stderr: (t) => (err += t),
    });
    expect(code).toBe(1);
    expect(err).toBe('awb: refusing to file the evidence bundle: it would contain personal data (S3 art. 34)\n  tables/groups.csv: the value of survey.csv column phone in row 7\n');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it, vi } from 'vitest';
import { fitLines } from '../../src/present/textTable';
import { fileEvidence } from '../../src/evidence/fileEvidence';
import { standInLookup } from './standIns';
import { shareChromiumInFile } from '../support/sharedChromium';

shareChromiumInFile();

// One review with the stand-in commands, printed through Chromium.
vi.setConfig({ testTimeout: 300_000 });

const FIXTURE = resolve(__dirname, '..', 'fixtures', 'review');

describe('the review’s terminal summary', () => {
  it('is in Chinese with --lang zh, and fits 100 columns', async () => {
    const work = mkdtempSync(join(tmpdir(), 'awb-review-terminal-'));
    try {
      const { output } = await fileEvidence(join(work, 'zh'), 'review', { data: FIXTURE, quarter: '2025Q4', lang: 'zh' }, { commands: standInLookup() });
      const text = output.text;
      expect(text.split('\n')[0]).toMatch(/^2025年第四季度精算审阅报告：/);
      expect(text).toMatch(/^各部分：定价回溯（已完成）；/m);
      expect(text).toMatch(/^发现：严重 \d+ 项，/m);
      expect(text).not.toMatch(/Sections:|Findings:|Report \(/);
      expect(Math.max(...fitLines(text, 100).split('\n').map((l) => stringWidth(l)))).toBeLessThanOrEqual(100);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

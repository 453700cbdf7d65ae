import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileEvidence } from '../../src/evidence/fileEvidence';
import { verifyBundle } from '../../src/evidence/verify';
import { standInLookup } from './standIns';

// Each review or verification runs the section commands and prints through Chromium.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

const FIXTURE = resolve(__dirname, '..', 'fixtures', 'review');
/** A Chinese desktop's environment: what a chief actuary in Shanghai runs verify under. */
const CHINESE_DESKTOP = { LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh', TZ: 'Asia/Shanghai' } as const;

let work: string;
const bundles: Record<'en' | 'zh', string> = { en: '', zh: '' };
const saved = new Map<string, string | undefined>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'awb-pdf-locale-'));
  for (const key of Object.keys(CHINESE_DESKTOP)) saved.set(key, process.env[key]);
  // Filed under the plain C locale in UTC, as a server would.
  Object.assign(process.env, { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', LANGUAGE: '', TZ: 'UTC' });
  for (const lang of ['en', 'zh'] as const) {
    bundles[lang] = (await fileEvidence(join(work, lang), 'review', { data: FIXTURE, quarter: '2025Q4', lang }, { commands: standInLookup() })).bundle;
  }
});
afterAll(() => {
  for (const [key, value] of saved) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(work, { recursive: true, force: true });
});

describe('the review PDF does not depend on the locale or time zone it is printed in', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`verify reproduces the ${lang} review, report.pdf included, under LANG=zh_CN.UTF-8 and TZ=Asia/Shanghai`, async () => {
      Object.assign(process.env, CHINESE_DESKTOP);
      const report = await verifyBundle(bundles[lang], { commands: standInLookup() });
      expect(report.error).toBeNull();
      expect(report.outputs.filter((o) => o.status !== 'reproduced').map((o) => `${o.path}: ${o.status}`)).toEqual([]);
      expect(report.reproduced).toBe(true);
    });
  }
});

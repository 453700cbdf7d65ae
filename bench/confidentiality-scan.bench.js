'use strict';
/**
 * The confidentiality guard of the bundle writer (S3 art. 34) scanning a bundle for the personal
 * data of the sample company's survey (3,000 respondent ids and phone numbers), against the
 * straightforward scan: String.includes of every personal value in every file. The bundle is a
 * review-sized one: a cells table as CSV and JSON (`--rows`, at most 200,000 rows) and a report
 * page, with three planted leaks. Both sides read the files and the survey, and must name the
 * same leaks.
 */
const { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { confidentialData, findPersonalData } = require('../dist/evidence/confidentiality');

const SURVEY = join(__dirname, '..', 'data', 'sample', 'survey.csv');

/** A bundle folder of `rows` backtest-like cells with three personal values planted in it. */
function bundleFolder(rows) {
  const dir = join(__dirname, '.cache', `confidential-bundle-${rows}`);
  if (existsSync(join(dir, 'done'))) return dir;
  mkdirSync(join(dir, 'tables'), { recursive: true });
  const lines = readFileSync(SURVEY, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const planted = [lines[17][0], lines[1234][1], lines[2999][1]];
  const cells = [];
  for (let i = 0; i < rows; i++) {
    cells.push({ indicator: ['lapse', 'death', 'loss_ratio'][i % 3], product_code: `P${String(i % 15).padStart(2, '0')}`, period: `${2021 + (i % 5)}Q${1 + (i % 4)}`, exposure: (i * 7919) % 100000 / 7, actual: i % 97, expected: ((i * 31) % 1000) / 13, ae: ((i * 17) % 2000) / 1000 });
  }
  cells[rows >> 1].note = `respondent ${planted[0]}`;
  const csv = ['indicator,product_code,period,exposure,actual,expected,ae,note', ...cells.map((c) => [c.indicator, c.product_code, c.period, c.exposure, c.actual, c.expected, c.ae, c.note ?? ''].join(','))].join('\n');
  writeFileSync(join(dir, 'tables', 'cells.csv'), csv + '\n');
  writeFileSync(join(dir, 'tables', 'cells.json'), JSON.stringify(cells, null, 2) + '\n');
  writeFileSync(join(dir, 'report.html'), `<html><body><p>Lowest score: ${planted[1]}</p><table>${cells.slice(0, 2000).map((c) => `<tr><td>${c.product_code}</td><td>${c.ae}</td></tr>`).join('')}</table><p>call ${planted[2]}</p></body></html>\n`);
  writeFileSync(join(dir, 'done'), '');
  return dir;
}

function readBundle(dir) {
  const files = new Map();
  const walk = (prefix) => {
    for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (e.name !== 'done') files.set(rel, new Uint8Array(readFileSync(join(dir, rel))));
    }
  };
  walk('');
  return files;
}

module.exports = {
  name: 'confidentiality-scan',
  description: 'bundle writer guard: token-set scan for 6,000 personal values vs String.includes of each value in each file',
  async prepare({ rows }) {
    return { dir: bundleFolder(Math.min(rows, 200_000)) };
  },
  candidate: {
    label: 'findPersonalData (one pass per file, token set)',
    async run({ dir }) {
      const data = await confidentialData([SURVEY]);
      return findPersonalData(readBundle(dir), data).map((l) => `${l.file}: ${l.what}`).sort();
    },
  },
  baseline: {
    label: 'String.includes of every value in every file',
    async run({ dir }) {
      const data = await confidentialData([SURVEY]);
      const leaks = [];
      for (const [path, bytes] of readBundle(dir)) {
        const text = Buffer.from(bytes).toString('utf8');
        for (const [value, source] of data.values) {
          if (text.includes(value)) leaks.push(`${path}: the value of ${source.column.file} column ${source.column.header} in row ${source.row}`);
        }
      }
      return leaks.sort();
    },
  },
  check(candidate, baseline) {
    const same = candidate.length === baseline.length && candidate.every((x, i) => x === baseline[i]);
    return same && candidate.length === 4 ? null : `candidate found ${JSON.stringify(candidate)}, baseline ${JSON.stringify(baseline)} (3 values planted in 4 places: one is in the cells as CSV and as JSON)`;
  },
};

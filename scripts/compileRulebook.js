#!/usr/bin/env node
'use strict';
/**
 * Precompiles the shipped rulebook (src/rules/default-rulebook.yaml, the source that people read
 * and edit) to src/rules/default-rulebook.json, which `loadRulebook` reads instead of parsing the
 * YAML when the JSON records the YAML's current SHA-256 (a YAML parse is most of `awb rules`'
 * start-up). `npm run build` runs it; test/rules/precompiledRulebook.test.ts checks that the two agree.
 */
const { createHash } = require('node:crypto');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require('yaml');

const RULES = join(__dirname, '..', 'src', 'rules');
const bytes = readFileSync(join(RULES, 'default-rulebook.yaml'));
const compiled = {
  source: 'default-rulebook.yaml',
  source_sha256: createHash('sha256').update(bytes).digest('hex'),
  document: parse(bytes.toString('utf8')),
};
const text = `${JSON.stringify(compiled, null, 1)}\n`;
const target = join(RULES, 'default-rulebook.json');
let previous = null;
try {
  previous = readFileSync(target, 'utf8');
} catch {
  // first compilation
}
if (previous !== text) writeFileSync(target, text);

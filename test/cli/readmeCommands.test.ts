import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commandRegistry';

const README = readFileSync(resolve(__dirname, '..', '..', 'README.md'), 'utf8');
/** Every line of the README's shell examples. */
const SHELL = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));

describe('the README documents every awb command', () => {
  it.each(COMMANDS.map((c) => c.name))('awb %s has a row in the command table and a shell example', (name) => {
    expect(README).toContain(`| \`awb ${name}\` |`);
    expect(SHELL.some((line) => new RegExp(`^npx awb ${name}( |$)`).test(line)), `no "npx awb ${name}" line in a sh block`).toBe(true);
  });
});

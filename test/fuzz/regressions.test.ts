/**
 * Every fuzz case that ever failed, replayed with the fuzzer's properties (fuzz-harness.ts):
 * `regressions/NAME.case` is the exact file content, `NAME.json` says which corpus file it sits
 * beside, its `--set` flags, whether it runs, what the fuzzer found and what fixed it.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCase, prepareScratch, readRegression, type Scratch } from './fuzz-harness.js';

const DIR = join(import.meta.dirname, 'regressions');
const NAMES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

let scratch: Scratch;
beforeAll(() => {
  scratch = prepareScratch();
});
afterAll(() => rmSync(scratch.root, { recursive: true, force: true }));

describe('fuzz regressions', () => {
  it('keeps every case the fuzzer found', () => {
    expect(NAMES.length).toBeGreaterThan(0);
  });

  it.each(NAMES)('%s', async (name) => {
    const { fixture, content } = readRegression(DIR, name);
    expect(scratch.corpus).toContain(fixture.base);
    await checkCase(scratch, fixture.base, content, fixture.sets, fixture.run);
  });
});

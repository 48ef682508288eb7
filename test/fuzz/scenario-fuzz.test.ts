/**
 * Property-based fuzzing of scenario input (fast-check): mutated shipped scenarios and bad-input
 * fixtures through `main(argv)`, checking the properties of fuzz-harness.ts. `npm test` runs a
 * fixed-seed batch of 2,000 cases: ≈ 4 % of them validate and half of those also run, shrunk
 * (≈ 30 runs, in the calling thread); the rest stop at validation with exit 2. Measured: 188 s
 * on the shared two-core machine at load average ≈ 10 (validation 103 s, the 30 runs 7 s);
 * proportionally less on an idle one. `npm run fuzz` runs 50,000 (FUZZ_RUNS and FUZZ_SEED
 * override both). A failing case prints its mutation plan and seed; once fixed it is kept in
 * regressions/ (regressions.test.ts replays every one).
 */

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkCase, prepareScratch, type Scratch, stats } from './fuzz-harness.js';
import { applyCase, caseArb } from './mutations.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 18_2025);
// Half of the cases that validate also run (shrunk); most cases stop at validation (exit 2).
const RUN_SHARE = 1 / 2;

let scratch: Scratch;
beforeAll(() => {
  scratch = prepareScratch();
});
afterAll(() => {
  rmSync(scratch.root, { recursive: true, force: true });
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `fuzz: ${stats.cases} case checks (${stats.valid} valid, ${stats.invalid} refused with exit 2); ` +
      `validate ${s(stats.validateMs)}; ${stats.runs} shrunk runs, ${s(stats.runMs)}`,
  );
});

describe('fuzzed scenarios through main(argv)', () => {
  it(
    `${RUNS} cases (seed ${SEED}): exit 0 or 2, located messages, nothing written outside --out, runs in budget`,
    async () => {
      await fc.assert(
        fc.asyncProperty(caseArb(scratch.corpus.length, RUN_SHARE), async (c) => {
          const base = scratch.corpus[c.base] as string;
          const source = readFileSync(join(scratch.root, base), 'utf8');
          const { content, sets } = applyCase(source, c);
          await checkCase(scratch, base, content, sets, c.run);
        }),
        { numRuns: RUNS, seed: SEED, verbose: 1 },
      );
    },
    Math.max(600_000, RUNS * 200),
  );
});

/**
 * Keeps a failing fuzz case as a regression fixture: applies the printed counterexample to the
 * corpus and writes `regressions/NAME.case` (the exact file content) and `NAME.json` (where it
 * sits, its --set flags, what was found and what fixed it).
 *   node --import tsx test/fuzz/save-regression.ts NAME 'COUNTEREXAMPLE-JSON' 'found' 'fixed'
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareScratch, type RegressionFixture } from './fuzz-harness.js';
import { applyCase, type FuzzCase } from './mutations.js';

const [name, plan, found, fixed] = process.argv.slice(2);
if (!name || !plan || !found || !fixed) throw new Error('usage: NAME COUNTEREXAMPLE-JSON FOUND FIXED');
const parsed = JSON.parse(plan) as FuzzCase | FuzzCase[];
const c = Array.isArray(parsed) ? (parsed[0] as FuzzCase) : parsed;
const scratch = prepareScratch();
const base = scratch.corpus[c.base] as string;
const { content, sets } = applyCase(readFileSync(join(scratch.root, base), 'utf8'), c);
rmSync(scratch.root, { recursive: true, force: true });
const dir = join(import.meta.dirname, 'regressions');
const fixture: RegressionFixture = { base, sets, run: c.run, found, fixed };
writeFileSync(join(dir, `${name}.case`), content);
writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ ...fixture, plan: c }, null, 2)}\n`);
console.log(
  `regressions/${name}.case (${content.length} bytes) beside ${base}; sets: ${JSON.stringify(sets)}`,
);

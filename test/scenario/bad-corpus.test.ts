/**
 * The bad-input corpus: every file under test/fixtures/bad/ must be refused before anything
 * runs, with an InputError that names the file and line, the key path, and says what is wrong.
 * Each fixture states its expectation in its first lines:
 *   # expect: <fragment of the formatted message>
 *   # path: <key path>   (empty when the problem is the YAML itself)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { InputError } from '../../src/util/errors.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'bad');
const FIXTURES = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

function expectation(file: string): { fragment: string; path: string } {
  const text = readFileSync(file, 'utf8');
  const fragment = /^# expect: (.+)$/m.exec(text)?.[1];
  const path = /^# path: ?(.*)$/m.exec(text)?.[1];
  if (fragment === undefined || path === undefined)
    throw new Error(`${file}: needs '# expect:' and '# path:' lines`);
  return { fragment, path };
}

async function inputErrorOf(file: string): Promise<InputError> {
  try {
    await loadScenario(file);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${file} was accepted`);
}

describe('bad scenario corpus', () => {
  it('holds at least 40 files', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(FIXTURES)('%s is refused with file:line, key path and message', async (name) => {
    const file = relative(process.cwd(), join(DIR, name));
    const { fragment, path } = expectation(file);
    const error = await inputErrorOf(file);
    expect(error.format()).toContain(fragment);
    expect(error.location.path ?? '').toBe(path);
    // The position is in the fixture, or in the base file an `extends` chain led to.
    expect(
      error.location.file === file ||
        error.location.file?.startsWith(join(relative(process.cwd(), DIR), 'bases')),
    ).toBe(true);
    expect(error.location.line).toBeGreaterThanOrEqual(1);
    expect(error.exitCode).toBe(2);
  });
});

/** Bad `--set` options on a good scenario: same validation as the file, no file position. */
const BAD_SETS: Array<[set: string, fragment: string]> = [
  ['adminq.wrokers=4', "unknown key 'wrokers' in adminq; did you mean 'workers'?"],
  ['adminq.workers=0', 'must be a whole number from 1 to 1000000, got 0 (from --set adminq.workers=0)'],
  ['adminq.workers', 'expected PATH=VALUE'],
  ['adminq.workers=', 'has no value'],
  ['=4', 'expected PATH=VALUE'],
  ['duration=200', '200 has no unit'],
  ['strategy.transport=admin_vq', "did you mean 'admin-vq'?"],
  ['strategy.cvq=no', "YAML 1.2 reads 'no' as text"],
  ['adminq.service={dist: expo, mean: 50us}', "unknown distribution 'expo'"],
  ['adminq.service={dist: exponential, mean: 50us', 'not valid YAML 1.2'],
  ['adminq..workers=4', 'malformed key path'],
  ['extends=other.yaml', 'extends cannot be set from the command line'],
  ['workload.groups[7].share=0.5', 'position 7 does not exist'],
  ['workload.groups[nobody].share=0.5', "no element named 'nobody'"],
  ['name=../escape', 'the name becomes the result folder'],
  ['instances=1e15', 'from 1 to 10000000'],
  ['sweep.grid.adminq.wrkers=[1, 2]', "did you mean 'workers'?"],
  ['sweep.grid.instances=4', 'expected a list'],
  ['workload.groups[0].share=0.5', 'group shares sum to 0.7; they must sum to 1'],
  ['workload.groups[0].traffic.rate=50/s', "'50/s' is a rate, not a packet rate or bit rate"],
];

describe('bad --set options', () => {
  const good = join(import.meta.dirname, 'fixtures', 'two-groups.yaml');
  it.each(BAD_SETS)('--set %s is refused', async (set, fragment) => {
    const error = await loadScenario(good, { sets: [set] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).format()).toContain(fragment);
  });
});

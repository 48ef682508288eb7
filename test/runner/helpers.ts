import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeDoc } from './fake-scenario.js';

export const CSV_FILES = ['runs.csv', 'groups.csv', 'summary.csv', 'resources.csv'] as const;

export function tempDir(prefix = 'vdpascale-runner-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeScenario(dir: string, doc: Partial<FakeDoc> = {}, name = 'scenario.json'): string {
  const full: FakeDoc = {
    name: 'fake-study',
    seed: 7,
    replications: 3,
    base: {},
    grid: { strategy: ['a', 'b'], load: [0, 1, 2.5] },
    ...doc,
  };
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(full));
  return path;
}

export function csvs(dir: string): Record<string, string> {
  return Object.fromEntries(CSV_FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** Every file below `dir` (relative paths), for "writes nothing" checks. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/**
 * The project cites only what anyone can open: every citation key resolves to an entry of the
 * bibliography (src/bibliography/), nothing points at files outside the repository (the
 * design notes the project started from), every entry is cited, and docs/sources.md is the
 * text the bibliography generates. Refresh the document with
 *
 *   UPDATE_SOURCES=1 npx vitest run test/bibliography/sources.test.ts
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationsIn, isSourceKey, sourceKeys } from '../../src/bibliography/bibliography.js';
import { listProfiles, PLATFORM_PROFILE } from '../../src/profiles/index.js';
import { sourcesDocument } from '../../src/profiles/sources-document.js';
import { allStrategies } from '../../src/strategies/catalogue.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DOC = join(ROOT, 'docs', 'sources.md');

/** Text files of the project: sources, tests, scenarios, docs, notebooks and the README. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|ya?ml|md|ipynb)$/.test(name) ? [path] : [];
  });
}
const TEXTS = [
  ...files(join(ROOT, 'src')),
  ...files(join(ROOT, 'test')),
  ...files(join(ROOT, 'scenarios')),
  ...files(join(ROOT, 'docs')),
  ...files(join(ROOT, 'notebooks')),
  join(ROOT, 'README.md'),
];

/**
 * References to documents outside the repository: the design notes by name, section-numbered
 * references to them, and their folder.
 */
const OUTSIDE =
  /\bfacts(?:\.md)?\s*§|facts\.md|interface\.md|architecture\.md|toolchain\.md|(?<!docs\/)model\.md §|\/work\/shared|shared\/design|design\/(?:model|facts|toolchain)/;

describe('bibliography', () => {
  it('finds the texts it checks', () => {
    expect(TEXTS.length).toBeGreaterThan(100);
  });

  it('no text refers to files outside the repository', () => {
    const hits = TEXTS.flatMap((file) => {
      const rel = relative(ROOT, file);
      return readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (OUTSIDE.test(line) ? [`${rel}:${i + 1}: ${line.trim()}`] : []));
    });
    expect(hits).toEqual([]);
  });

  it('every double-bracketed citation and docs/sources.md#key link resolves', () => {
    const bad = TEXTS.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const keys = [
        ...citationsIn(text),
        ...[...text.matchAll(/sources\.md#([a-z0-9]+(?:-[a-z0-9]+)+)/g)].map((m) => m[1] as string),
      ];
      return keys.filter((k) => !isSourceKey(k)).map((k) => `${relative(ROOT, file)}: [[${k}]]`);
    });
    expect(bad).toEqual([]);
  });

  it('every entry is cited by a profile, a strategy or a source text', () => {
    const cited = new Set<string>(allStrategies().flatMap((s) => s.cite));
    for (const profile of [PLATFORM_PROFILE, ...listProfiles()]) {
      for (const k of profile.cite) cited.add(k);
      for (const p of profile.params) for (const k of p.cite) cited.add(k);
    }
    for (const file of TEXTS) for (const k of citationsIn(readFileSync(file, 'utf8'))) cited.add(k);
    expect(sourceKeys().filter((k) => !cited.has(k))).toEqual([]);
  });

  it('docs/sources.md is generated from the bibliography', () => {
    const text = sourcesDocument();
    if (process.env.UPDATE_SOURCES === '1') writeFileSync(DOC, text);
    expect(
      readFileSync(DOC, 'utf8'),
      'refresh: UPDATE_SOURCES=1 npx vitest run test/bibliography/sources.test.ts',
    ).toBe(text);
  });
});

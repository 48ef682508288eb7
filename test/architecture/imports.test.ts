/**
 * Holds the layering rule (README, "Map of src/"): imports flow one way,
 * cli → output → runner → scenario → profiles → strategies → model → stats → engine, random →
 * util, bibliography,
 * and nothing below the runner reads the wall clock or Math.random.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');
// Rank of each top-level folder; a file may import only from its own rank or a lower one.
// engine and random share a rank but must not import each other; so do util and bibliography.
const RANK: Record<string, number> = {
  util: 0,
  bibliography: 0,
  engine: 1,
  random: 1,
  stats: 2,
  model: 3,
  strategies: 4,
  profiles: 5,
  scenario: 6,
  runner: 7,
  output: 8,
  cli: 9,
};
const BELOW_RUNNER = [
  'util',
  'bibliography',
  'engine',
  'random',
  'stats',
  'model',
  'strategies',
  'profiles',
  'scenario',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(file: string): string {
  return relative(SRC, file).split(/[\\/]/)[0] ?? '';
}

function importsOf(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
    if (m[1]) specs.push(m[1]);
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) if (m[1]) specs.push(m[1]);
  return specs;
}

describe('architecture: import layering', () => {
  const files = sourceFiles(SRC);

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports only flow downward', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      const fromRank = RANK[from];
      if (fromRank === undefined) {
        violations.push(`${relative(SRC, file)}: folder '${from}' has no layer`);
        continue;
      }
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const to = layerOf(join(file, '..', spec));
        const toRank = RANK[to];
        if (toRank === undefined) continue;
        if (toRank > fromRank || (toRank === fromRank && to !== from)) {
          violations.push(`${relative(SRC, file)} imports ${spec} (${from} → ${to})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('nothing below the runner reads the clock or Math.random', () => {
    const offenders: string[] = [];
    for (const file of files) {
      if (!BELOW_RUNNER.includes(layerOf(file))) continue;
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (/Math\.random|Date\.now|new Date\(|performance\.now|process\.hrtime/.test(code)) {
        offenders.push(relative(SRC, file));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('outside cli/, only output/file-writer.ts writes files (node:fs imports elsewhere only read)', () => {
    const READ_ONLY = new Set([
      'readFileSync',
      'existsSync',
      'statSync',
      'readdirSync',
      'realpathSync',
      'readFile',
      'stat',
      'readdir',
    ]);
    const offenders: string[] = [];
    for (const file of files) {
      const rel = relative(SRC, file);
      if (layerOf(file) === 'cli' || rel === join('output', 'file-writer.ts')) continue;
      const text = readFileSync(file, 'utf8');
      if (/import \* as \w+ from ['"]node:fs/.test(text)) offenders.push(`${rel}: imports all of node:fs`);
      for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]node:fs(?:\/promises)?['"]/g)) {
        for (const name of (m[1] ?? '').split(',').map((n) => n.trim().replace(/^type\s+/, ''))) {
          if (name && !READ_ONLY.has(name)) offenders.push(`${rel}: ${name}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});

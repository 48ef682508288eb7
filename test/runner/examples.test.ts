/**
 * Every command example the README and `--help` show runs as written, with the built
 * `bin/vdpascale.js`, in a fresh folder laid out like a clone: `scenarios/` (each study shrunk:
 * no warm-up, one replication, a 1 ms window — shape and flags unchanged, so only the run time
 * shrinks), the committed `results/` copied (the `report` examples re-render them), and
 * `/tmp/…` paths moved into the folder. `npm start` writes only below the git-ignored
 * `results/local/`, so a fresh clone stays clean.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { COMMAND_INDEX } from '../../src/cli/command-index.js';
import { captureIO } from './cli-harness.js';
import { tempDir } from './helpers.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO, 'bin', 'vdpascale.js');

/** The `npx vdpascale …` lines of the README's sh blocks, continuation lines joined. */
function readmeExamples(readme: string): string[] {
  const out: string[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = (block[1] ?? '').replace(/\\\n\s*/g, '').split('\n');
    for (const line of lines) if (/^npx vdpascale /.test(line)) out.push(line.replace(/^npx /, ''));
  }
  return out;
}

/** The `.example()` lines of every command's builder, in `--help` order, `$0` as vdpascale. */
async function helpExamples(): Promise<Array<readonly [string, string]>> {
  const out: Array<readonly [string, string]> = [];
  for (const [name, entry] of Object.entries(COMMAND_INDEX)) {
    // Not yet covered: sensitivity's examples run a whole design (minutes) and one names a
    // placeholder file; they need a shrunk design first.
    if (name === 'sensitivity') continue;
    const spec = (await entry.load())(captureIO());
    // Records .example(); every other builder call returns the recorder, as yargs returns itself.
    const recorder: unknown = new Proxy(
      {},
      {
        get: (_t, key) =>
          key === 'example'
            ? (line: string) => {
                out.push([name, line.replaceAll('$0', 'vdpascale')]);
                return recorder;
              }
            : () => recorder,
      },
    );
    if (typeof spec.builder === 'function') (spec.builder as (y: unknown) => unknown)(recorder);
  }
  return out;
}

/** A copy of `scenarios/` whose studies run in a blink: the same files with a short window. */
function shrunkScenarios(into: string): void {
  cpSync(join(REPO, 'scenarios'), into, { recursive: true });
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.yaml')) {
        const doc = parseDocument(readFileSync(path, 'utf8'));
        doc.set('warmup', '0s');
        doc.set('duration', '1ms');
        doc.set('replications', 1);
        writeFileSync(path, doc.toString());
      }
    }
  };
  walk(into);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const help = await helpExamples();

describe('the README and --help examples run as written', () => {
  const clone = tempDir('vdpascale-examples-');
  const sh = (line: string) => {
    const command = line
      .replaceAll(' /tmp/', ` ${clone}/tmp/`)
      .replaceAll(/(^|&& *)vdpascale /g, `$1node ${BIN} `);
    return spawnSync('bash', ['-c', command], { cwd: clone, encoding: 'utf8', timeout: 300_000 });
  };

  beforeAll(() => {
    expect(existsSync(join(REPO, 'dist/cli/main.js')), 'dist/ is built by the global setup').toBe(true);
    shrunkScenarios(join(clone, 'scenarios'));
    // The committed results only: a checkout's own git-ignored runs (results/local/) are not a clone's.
    const local = join(REPO, 'results', 'local');
    cpSync(join(REPO, 'results'), join(clone, 'results'), {
      recursive: true,
      filter: (src) => src !== local && !src.startsWith(`${local}/`),
    });
    mkdirSync(join(clone, 'tmp'));
  });

  it('npm start writes only below results/local/ (git-ignored)', () => {
    const start = (
      JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: { start: string } }
    ).scripts.start;
    const before = new Set(filesUnder(clone));
    const r = sh(start.replace(/^node bin\/vdpascale\.js /, 'vdpascale '));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('report: results/local/quickstart/report.html');
    const written = filesUnder(clone).filter((f) => !before.has(f));
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((f) => !f.startsWith('results/local/'))).toEqual([]);
    expect(readFileSync(join(REPO, '.gitignore'), 'utf8')).toMatch(/^results\/local\/$/m);
  });

  const readme = readmeExamples(readFileSync(join(REPO, 'README.md'), 'utf8'));
  it('the README has examples to run', () => expect(readme.length).toBeGreaterThanOrEqual(6));
  it.each(readme)('README: %s', (line) => {
    const r = sh(line);
    expect(r.status, `${line}\n${r.stderr}`).toBe(0);
  });

  // In command order: `merge --help` joins the shards that `run --help` writes.
  it('every command with examples is covered', () => expect(help.length).toBeGreaterThanOrEqual(10));
  it.each(help)('%s --help: %s', (_command, line) => {
    const r = sh(line);
    expect(r.status, `${line}\n${r.stderr}`).toBe(0);
  });
});

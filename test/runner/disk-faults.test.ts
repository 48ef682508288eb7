/**
 * A disk that fills, a file system that turns read-only, a folder without write permission:
 * a write that fails mid-sweep ends `vdpascale run` with one clear line (which file, which
 * error, that finished runs are kept), never a stack trace, never a half-written result file;
 * once the disk is healed `--resume` finishes byte-identically to an undisturbed run.
 *
 * The faults are injected through the writer's file-system seam (faulty-fs.ts), and once more
 * for real on a small tmpfs when this machine lets the test mount one (it skips otherwise).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileWriter } from '../../src/output/file-writer.js';
import { readJournal } from '../../src/output/journal.js';
import { type Fault, faultyFs } from '../output/faulty-fs.js';
import { fakeDeps, runCli } from './cli-harness.js';
import { CSV_FILES, csvs, listFiles, tempDir, writeScenario } from './helpers.js';

const RESULT_FILES = [...CSV_FILES, 'scenario.yaml', 'manifest.json'];

const root = tempDir('vdpascale-disk-');
const file = writeScenario(root);
const deps = fakeDeps(root);
let clean: Record<string, string>;
let cleanFiles: Record<string, string>;

beforeAll(async () => {
  const dir = join(root, 'clean');
  const r = await runCli(['run', file, '--out', dir, '--jobs', '2', '--quiet'], deps);
  expect(r.code, r.err).toBe(0);
  clean = csvs(dir);
  cleanFiles = Object.fromEntries(CSV_FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
});

/** Every result file present is whole (equal to the undisturbed run's), and no temporary is left. */
function expectNoTornFiles(dir: string): void {
  for (const f of listFiles(dir)) {
    expect(f, `temporary left behind: ${f}`).not.toMatch(/\.tmp$/);
    const whole = cleanFiles[f];
    if (whole !== undefined) expect(readFileSync(join(dir, f), 'utf8'), `${f} is torn`).toBe(whole);
  }
}

function expectClearMessage(err: string, target: string, code: string): void {
  expect(err).toMatch(new RegExp(`cannot write \\S*${target.replace('.', '\\.')}: [a-z -]+ \\(${code}\\)`));
  expect(err).not.toMatch(/internal error/);
  expect(err, 'a stack trace').not.toMatch(/\n\s+at /);
}

const CASES: Array<{ name: string; faults: Fault[]; target: string; code: string; kept: RegExp }> = [
  {
    name: 'ENOSPC on the 5th journal append (mid-write: half a line lands)',
    faults: [{ op: 'write', file: 'journal.jsonl', nth: 6, code: 'ENOSPC' }],
    target: 'journal.jsonl',
    code: 'ENOSPC',
    kept: /4 of 18 runs are finished and kept in .*journal\.jsonl; free space .* --resume/,
  },
  {
    name: 'EROFS from the 3rd journal flush on (the file system went read-only)',
    faults: [{ op: 'fsync', file: 'journal.jsonl', nth: 4, sticky: true, code: 'EROFS' }],
    target: 'journal.jsonl',
    code: 'EROFS',
    kept: /2 of 18 runs are finished and kept/,
  },
  {
    name: 'ENOSPC writing runs.csv after the last run',
    faults: [{ op: 'write', file: 'runs.csv', code: 'ENOSPC' }],
    target: 'runs.csv',
    code: 'ENOSPC',
    kept: /18 of 18 runs are finished and kept/,
  },
  {
    name: 'EACCES renaming summary.csv into place',
    faults: [{ op: 'rename', file: 'summary.csv', code: 'EACCES' }],
    target: 'summary.csv',
    code: 'EACCES',
    kept: /18 of 18 runs are finished and kept/,
  },
  {
    name: 'EROFS flushing manifest.json, the last file',
    faults: [{ op: 'fsync', file: 'manifest.json', code: 'EROFS' }],
    target: 'manifest.json',
    code: 'EROFS',
    kept: /18 of 18 runs are finished and kept/,
  },
  {
    name: 'ENOSPC writing the journal header (nothing ran)',
    faults: [{ op: 'write', file: 'journal.jsonl', code: 'ENOSPC' }],
    target: 'journal.jsonl',
    code: 'ENOSPC',
    kept: /no run was kept; free space .* run the command again/,
  },
];

describe('run on a failing disk (fault-injecting file-system seam)', () => {
  it.each(CASES)('$name: clear message, nothing torn, --resume completes byte-identically', async (c) => {
    const dir = join(root, c.name.replace(/[^a-z0-9]+/gi, '-'));
    const disk = faultyFs(c.faults);
    const writer = new FileWriter(disk);
    const r = await runCli(['run', file, '--out', dir, '--jobs', '2', '--quiet'], { ...deps, writer });
    expect(disk.fired.length, 'the fault fired').toBeGreaterThan(0);
    expect(r.code, r.err).toBe(1);
    expectClearMessage(r.err, c.target, c.code);
    expect(r.err).toMatch(c.kept);
    expectNoTornFiles(dir);
    expect(existsSync(join(dir, 'manifest.json')), 'a failed run has no manifest').toBe(false);
    if (existsSync(join(dir, 'journal.jsonl'))) {
      const journal = readJournal(join(dir, 'journal.jsonl'));
      expect(journal.torn, 'the partial journal line was cut off again').toBe(false);
    }
    disk.heal();
    const resumed = await runCli(['run', file, '--out', dir, '--resume', '--jobs', '2', '--quiet'], {
      ...deps,
      writer,
    });
    expect(resumed.code, resumed.err).toBe(0);
    expect(csvs(dir)).toEqual(clean);
    expect(listFiles(dir).filter((f) => !RESULT_FILES.includes(f) && f !== 'journal.jsonl')).toEqual([]);
  });

  it('a folder that cannot be created: one line naming it, exit 1, nothing written', async () => {
    const dir = join(root, 'denied', 'out');
    const writer = new FileWriter(faultyFs([{ op: 'mkdir', file: /./, code: 'EACCES' }]));
    const r = await runCli(['run', file, '--out', dir, '--quiet'], { ...deps, writer });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot write \S*denied\/out: permission denied \(EACCES\)/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, 'denied'))).toBe(false);
  });
});

/** Mounts a tmpfs of `kib` KiB at a new folder; undefined with the reason when this machine refuses. */
function mountTmpfs(kib: number): { dir: string } | { reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vdpascale-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const why = (e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message;
    return { reason: `cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN): ${why}` };
  }
}

describe('run on a real, small tmpfs that fills up', () => {
  const mounted: string[] = [];
  afterAll(() => {
    for (const dir of mounted) {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // left for the system's tmp cleaning
      }
    }
  });

  // 128 KiB of disk; the filler leaves `freeKiB` for the folder: the journal of 18 stand-in
  // runs is ≈ 37 KB (2 KB a run), and the result files another ≈ 45 KB.
  it.for([
    { freeKiB: 20, fills: 'the journal' },
    { freeKiB: 64, fills: 'the result files' },
  ])(
    '$fills: ENOSPC is reported, and after freeing space --resume completes byte-identically',
    async ({ freeKiB }, ctx) => {
      const m = mountTmpfs(128);
      if ('reason' in m) {
        ctx.skip(m.reason);
        return;
      }
      mounted.push(m.dir);
      const filler = join(m.dir, 'filler');
      writeFileSync(filler, Buffer.alloc((128 - freeKiB) * 1024));
      const dir = join(m.dir, 'results');
      const r = await runCli(['run', file, '--out', dir, '--jobs', '2', '--quiet'], deps);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(
        /cannot write \S+: no space left on device \(ENOSPC\); \d+ of 18 runs are finished/,
      );
      expect(r.err).not.toMatch(/\n\s+at /);
      expectNoTornFiles(dir);
      expect(readdirSync(dir)).not.toContain('manifest.json');
      rmSync(filler);
      const resumed = await runCli(['run', file, '--out', dir, '--resume', '--jobs', '2', '--quiet'], deps);
      expect(resumed.code, resumed.err).toBe(0);
      expect(csvs(dir)).toEqual(clean);
    },
  );
});

/**
 * Start-up of the built command line (never a timed test). Run after `npm run build`:
 * `npx tsx bench/cli-bench.ts`. Each command runs RUNS times as a fresh process after one
 * warm-up (file cache); the median wall time is quoted, as `hyperfine` would. Targets:
 * `vdpascale --help` < 0.25 s, a trivial run (scenarios/examples/tiny.yaml: 4 runs of a few
 * hundred packets, no report) < 0.35 s, and `vdpascale … | head -1` exits 0 (the exit status of
 * vdpascale itself, as `set -o pipefail` sees it, when its reader closes the pipe early).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'vdpascale.js');
const RUNS = 9;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median wall seconds of `args` over RUNS runs; `before` runs untimed ahead of each. */
function time(args: string[], before?: () => void): number {
  const walls: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    before?.();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: 'ignore' });
    const wall = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`vdpascale ${args.join(' ')} exited ${r.status}`);
    if (i > 0) walls.push(wall);
  }
  return median(walls);
}

/** Exit status of `vdpascale args` when its stdout reader reads one chunk and closes (`| head -1`). */
function headOne(args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code, signal) => resolve(signal ?? String(code)));
  });
}

const out = mkdtempSync(join(tmpdir(), 'vdpascale-cli-bench-'));
const folder = join(out, 'tiny');
try {
  const help = time(['--help']);
  const trivial = time(
    ['run', 'scenarios/examples/tiny.yaml', '--out', folder, '--no-report', '--quiet'],
    () => rmSync(folder, { recursive: true, force: true }),
  );
  const statuses = await Promise.all(
    [['profiles', 'platform'], ['schema'], ['--help']].map((a) => headOne(a)),
  );
  console.log(
    `cli: --help ${help.toFixed(3)} s (target < 0.25), trivial run ${trivial.toFixed(3)} s (target < 0.35), ` +
      `median of ${RUNS}; 'vdpascale profiles platform | head -1', 'schema | head -1', '--help | head -1' exit ` +
      `${statuses.join(', ')} (target 0)`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}

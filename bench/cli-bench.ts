/**
 * Start-up of the built command line (never a timed test). Run after `npm run build`:
 * `npx tsx bench/cli-bench.ts`. Each command runs RUNS times as a fresh process after one
 * warm-up (file cache); the median wall time is quoted, as `hyperfine` would. Targets:
 * `vdpascale --help` < 0.25 s, a trivial run (scenarios/examples/tiny.yaml: 4 runs of a few
 * hundred packets, no report) < 0.35 s, and `vdpascale … | head -1` exits 0 (the exit status of
 * vdpascale itself, as `set -o pipefail` sees it, when its reader closes the pipe early).
 */
import { spawnSync } from 'node:child_process';
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

/**
 * Exit status of vdpascale itself in `vdpascale ARGS | READER` (bash, `set -o pipefail`):
 * `head -1` closes the pipe after one line (a race with a short output), `true` before the
 * first write (EPIPE on every write, deterministically).
 */
function piped(args: string, reader: string): string {
  const r = spawnSync(
    'bash',
    ['-o', 'pipefail', '-c', `node '${BIN}' ${args} | ${reader} > /dev/null; echo \${PIPESTATUS[0]}`],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return r.stdout.trim();
}

const out = mkdtempSync(join(tmpdir(), 'vdpascale-cli-bench-'));
const folder = join(out, 'tiny');
try {
  const help = time(['--help']);
  const trivial = time(
    ['run', 'scenarios/examples/tiny.yaml', '--out', folder, '--no-report', '--quiet'],
    () => rmSync(folder, { recursive: true, force: true }),
  );
  const cases = ['profiles platform | head -1', 'schema | head -1', 'profiles | true', 'schema | true'];
  const statuses = cases.map((c) => {
    const [args, reader] = c.split(' | ') as [string, string];
    return `'${c}' ${piped(args, reader)}`;
  });
  console.log(
    `cli: --help ${help.toFixed(3)} s (target < 0.25), trivial run ${trivial.toFixed(3)} s (target < 0.35), ` +
      `median of ${RUNS}; vdpascale's exit status in ${statuses.join(', ')} (target 0)`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}

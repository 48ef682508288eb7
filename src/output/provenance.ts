/** Where a result came from: the package version and, when the code sits in git, the commit. */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { ShardSpec } from '../runner/study.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { readGitHead } from './git-head.js';
import type { ManifestMeta } from './manifest.js';
import type { RunRecord } from './records.js';

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * `git rev-parse HEAD` of the checkout the package runs from, or null (no git, not a checkout).
 * Only when the package root is itself the work tree's top: an installed copy inside someone
 * else's repository (node_modules/vdpascale) must not report that repository's commit.
 * Read from the checkout's files when they tell (no process spawned), else asked of git.
 */
export function gitCommit(root = PACKAGE_ROOT): string | null {
  const read = readGitHead(root);
  return read !== undefined ? read : askGit(root);
}

function askGit(root: string): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', '--show-toplevel', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    const [top = '', commit = ''] = out.trim().split('\n');
    if (realpathSync(top) !== realpathSync(root)) return null;
    return /^[0-9a-f]{40}$/.test(commit) ? commit : null;
  } catch {
    return null;
  }
}

/**
 * The manifest's provenance (version, commit) and wall-clock timings of a folder holding
 * `records`, written by an invocation that started at `t0` (performance.now()).
 */
export function manifestMeta(
  records: readonly RunRecord[],
  t0: number,
  jobs: number | null,
  shard: ShardSpec | undefined,
  runsExpected: number,
): ManifestMeta {
  const runWallMs = records.reduce((s, r) => s + r.wallMs, 0);
  return {
    version: packageVersion(),
    gitCommit: gitCommit(),
    shard,
    runsExpected,
    timings: {
      wall_total_s: (performance.now() - t0) / 1000,
      run_wall_mean_s: records.length > 0 ? runWallMs / records.length / 1000 : 0,
      jobs,
    },
  };
}

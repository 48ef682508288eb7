// The manifest's commit read from a checkout's files agrees with `git rev-parse HEAD` in every
// layout git writes (loose and packed refs, detached HEAD, a linked worktree), and defers to
// git where the files do not tell.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitHead } from '../../src/output/git-head.js';
import { gitCommit } from '../../src/output/provenance.js';

const ENV: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
delete ENV.GIT_DIR;
delete ENV.GIT_WORK_TREE;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
    cwd,
    env: ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
const head = (cwd: string) => git(cwd, 'rev-parse', 'HEAD');
const commit = (cwd: string, text: string) => {
  writeFileSync(join(cwd, 'f.txt'), text);
  git(cwd, 'add', 'f.txt');
  git(cwd, 'commit', '-q', '-m', text);
};

let base: string;
let repo: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'vdpascale-git-head-'));
  repo = join(base, 'repo');
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'main');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('readGitHead', () => {
  it('defers to git on an unborn branch, and reads a loose ref once there is a commit', () => {
    expect(readGitHead(repo, ENV)).toBeUndefined();
    expect(gitCommit(repo)).toBeNull();
    commit(repo, 'one');
    expect(readGitHead(repo, ENV)).toBe(head(repo));
  });

  it('reads packed refs', () => {
    commit(repo, 'two');
    git(repo, 'pack-refs', '--all');
    expect(readGitHead(repo, ENV)).toBe(head(repo));
  });

  it('reads a detached HEAD', () => {
    const first = git(repo, 'rev-list', '--max-parents=0', 'HEAD');
    git(repo, 'checkout', '-q', '--detach', first);
    expect(readGitHead(repo, ENV)).toBe(first);
    git(repo, 'checkout', '-q', 'main');
  });

  it('reads a linked worktree on its own branch (gitdir file, commondir)', () => {
    const wt = join(base, 'wt');
    git(repo, 'worktree', 'add', '-q', '-b', 'side', wt);
    commit(wt, 'three');
    expect(readGitHead(wt, ENV)).toBe(head(wt));
    expect(readGitHead(wt, ENV)).not.toBe(head(repo));
  });

  it('is null below the top of a work tree and without git, as git rev-parse is there', () => {
    const sub = join(repo, 'sub');
    mkdirSync(sub, { recursive: true });
    expect(readGitHead(sub, ENV)).toBeNull();
    expect(gitCommit(sub)).toBeNull();
    expect(readGitHead(base, ENV)).toBeNull();
  });

  it('defers to git when GIT_DIR or an unknown HEAD says more than the files', () => {
    expect(readGitHead(repo, { ...ENV, GIT_DIR: join(repo, '.git') })).toBeUndefined();
    const odd = join(base, 'odd');
    mkdirSync(join(odd, '.git'), { recursive: true });
    writeFileSync(join(odd, '.git', 'HEAD'), 'ref: refs/heads/.invalid\n');
    expect(readGitHead(odd, ENV)).toBeUndefined();
  });
});

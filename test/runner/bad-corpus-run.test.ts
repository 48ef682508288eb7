/**
 * `vdpascale run` on every file of the bad-input corpus (test/fixtures/bad/): exit status 2, the
 * fixture's expected message fragment on stderr, and no result folder — nothing is written for
 * invalid input. Runs the CLI in process through `main`, exactly as the binary does.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'bad');
const FIXTURES = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const scratch = mkdtempSync(join(tmpdir(), 'vdpascale-bad-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    isTTY: false,
    out(text: string) {
      io.stdout += `${text}\n`;
    },
    err(text: string) {
      io.stderr += `${text}\n`;
    },
  };
  return io;
}

describe('vdpascale run on the bad-input corpus', () => {
  it('covers at least 40 files', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(FIXTURES)('%s: exit 2, the expected message, no files', async (name) => {
    const file = join(DIR, name);
    const fragment = /^# expect: (.+)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    const out = join(scratch, name.replace(/\.yaml$/, ''));
    const io = capture();
    const code = await main(['run', file, '--out', out, '--jobs', '1', '--quiet'], io);
    expect(code, io.stderr).toBe(2);
    expect(io.stderr).toContain(fragment);
    expect(io.stderr).toContain(name);
    expect(existsSync(out)).toBe(false);
  });

  it('bad flags exit 2 and write nothing', async () => {
    const good = join(import.meta.dirname, '..', '..', 'scenarios', 'examples', 'tiny.yaml');
    for (const args of [
      ['--jobs', '0'],
      ['--shard', '3/3'],
      ['--replications', '-1'],
      ['--set', 'instances=many'],
      ['--set', 'adminq.wrokers=2'],
      ['--bogus-flag'],
    ]) {
      const out = join(scratch, `flags-${args.join('_').replace(/[^a-z0-9_-]/gi, '')}`);
      const io = capture();
      const code = await main(['run', good, '--out', out, '--quiet', ...args], io);
      expect(code, `${args.join(' ')}: ${io.stderr}`).toBe(2);
      expect(existsSync(out), args.join(' ')).toBe(false);
    }
  });
});

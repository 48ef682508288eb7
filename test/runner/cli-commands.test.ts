/**
 * The command index (what top-level help lists without importing any command module) agrees
 * with the modules, and the built CLI survives a reader that closes its pipe early.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_INDEX, commandsFor } from '../../src/cli/command-index.js';
import { main } from '../../src/cli/main.js';
import { captureIO } from './cli-harness.js';

const BIN = join(fileURLToPath(new URL('../../', import.meta.url)), 'bin', 'vdpascale.js');

describe('command index', () => {
  it.each(Object.entries(COMMAND_INDEX))('%s: usage and summary are the module’s', async (name, entry) => {
    const spec = (await entry.load())(captureIO());
    expect(spec.command).toBe(entry.usage);
    expect(spec.describe).toBe(entry.describe);
    expect(spec.command.split(' ')[0]).toBe(name);
  });

  it('top-level help registers every command from the index, an invoked one from its module', async () => {
    const all = await commandsFor(['--help'], captureIO());
    expect(all.map((c) => c.command)).toEqual(Object.values(COMMAND_INDEX).map((e) => e.usage));
    expect(all.every((c) => c.builder === undefined)).toBe(true);
    const one = await commandsFor(['bench', '--lps', '10'], captureIO());
    expect(one).toHaveLength(1);
    expect(one[0]?.builder).toBeTypeOf('function');
  });
});

describe('top-level help and version without the parser', () => {
  it('print what yargs prints for them', async () => {
    const quick = captureIO();
    const parsed = captureIO();
    // One flag takes the quick path; the same request spelled twice goes through yargs.
    expect(await main(['--help'], quick)).toBe(0);
    expect(await main(['--help', '-h'], parsed)).toBe(0);
    expect(quick.outText.join('\n').trimEnd()).toBe(parsed.outText.join('\n').trimEnd());
    const v1 = captureIO();
    const v2 = captureIO();
    expect(await main(['--version'], v1)).toBe(0);
    expect(await main(['--version', '--version'], v2)).toBe(0);
    expect(v1.outText.join('').trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

/** Runs the built CLI with its stdout closed at once: every write meets a reader that has gone (`| head -1`, early). */
function closedEarly(args: string[]): Promise<{ code: number | null; signal: string | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.stdout.destroy();
    child.on('close', (code, signal) => resolve({ code, signal, err }));
  });
}

describe('a closed stdout', () => {
  it.each([['profiles', 'platform'], ['schema'], ['--help']])(
    'vdpascale %s exits 0 without an error when the reader goes away',
    async (...args) => {
      const r = await closedEarly(args);
      expect(r.err).toBe('');
      expect(r.signal).toBeNull();
      expect(r.code).toBe(0);
    },
    30_000,
  );
});

/**
 * One name per parameter: every path `vdpascale profiles` lists in its table is a key a
 * scenario and `--set` take (`transport.mmioWrite: 50ns`), because profiles, scenarios and the
 * model read the same declaration; no unit-suffixed field name (`…Ns`, `…Bytes`) is left over.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PARENTS } from '../../src/model/config.js';
import { settablePaths } from '../../src/scenario/model-paths.js';
import { captureIO } from '../runner/cli-harness.js';

const KNOWN = settablePaths().map((p) => p.path);

describe.each([...PARENTS, 'platform'])('vdpascale profiles %s', (name) => {
  it('names every parameter by its scenario key', async () => {
    const io = captureIO();
    expect(await main(['profiles', name], io)).toBe(0);
    const keys = io.outText
      .join('\n')
      .split('\n')
      .map((l) => /^([a-z]+(?:\.[A-Za-z]+)+)\s{2,}/.exec(l)?.[1])
      .filter((k): k is string => k !== undefined);
    expect(keys.length).toBeGreaterThan(5);
    for (const k of keys) {
      expect(
        KNOWN.some((s) => k === s || k.startsWith(`${s}.`)),
        k,
      ).toBe(true);
      expect(/(Ns|Bytes|NsPerByte)$/.test(k), k).toBe(false);
    }
  });
});

/**
 * One name per parameter: `vdpascale profiles` shows the keys a scenario and `--set` take
 * (`transport.mmioWrite: 50ns`), not the ModelConfig fields behind them (`transport.mmioWriteNs`),
 * in its table and in its sentences; each key it lists is one a scenario can set.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PARENTS } from '../../src/model/config.js';
import { settablePaths } from '../../src/scenario/model-paths.js';
import { captureIO } from '../runner/cli-harness.js';

const MODEL_ONLY = settablePaths()
  .filter((p) => p.scenario !== p.model)
  .map((p) => p.model);

describe.each([...PARENTS, 'platform'])('vdpascale profiles %s', (name) => {
  it('names every parameter by its scenario key', async () => {
    const io = captureIO();
    expect(await main(['profiles', name], io)).toBe(0);
    const text = io.outText.join('\n');
    for (const model of MODEL_ONLY) expect(text.includes(model), model).toBe(false);
    const keys = text
      .split('\n')
      .map((l) => /^([a-z]+(?:\.[A-Za-z]+)+)\s{2,}/.exec(l)?.[1])
      .filter((k): k is string => k !== undefined);
    expect(keys.length).toBeGreaterThan(5);
    const known = [...new Set(settablePaths().map((p) => p.scenario))];
    for (const k of keys)
      expect(
        known.some((s) => k === s || k.startsWith(`${s}.`)),
        k,
      ).toBe(true);
  });
});

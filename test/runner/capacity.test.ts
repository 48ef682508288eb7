import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metrics.js';
import { parseSlo, searchCapacity, sloHolds } from '../../src/runner/capacity.js';
import { InputError } from '../../src/util/errors.js';

describe('SLOs', () => {
  it('parses METRIC OP VALUE with every operator', () => {
    expect(parseSlo('instances_rejected<=0', METRICS)).toMatchObject({
      metric: 'instances_rejected',
      op: '<=',
      value: 0,
    });
    expect(parseSlo('  ctrl_latency_p99_us < 500 ', METRICS).text).toBe('ctrl_latency_p99_us < 500');
    const ops = ['<', '<=', '>', '>=', '==', '!='] as const;
    const truth = [false, true, false, true, true, false]; // for mean 1 vs value 1
    ops.forEach((op, i) => {
      expect(sloHolds(parseSlo(`drop_rate ${op} 1`, METRICS), 1)).toBe(truth[i]);
    });
    expect(sloHolds(parseSlo('drop_rate < 1', METRICS), Number.NaN)).toBe(false);
    expect(parseSlo('drop_rate >= 1e-3', METRICS).value).toBe(0.001);
  });

  it('rejects malformed SLOs as bad input', () => {
    for (const bad of [
      'drop_rate',
      'drop_rate => 1',
      'no_such_metric < 1',
      'drop_rate < abc',
      'drop_rate < 1 2',
      '< 1',
    ]) {
      expect(() => parseSlo(bad, METRICS), bad).toThrow(InputError);
    }
  });
});

describe('searchCapacity', () => {
  const upTo = (limit: number) => async (v: number) => v <= limit;

  it('finds an exact limit by doubling then bisection, probing each value once', async () => {
    const r = await searchCapacity(upTo(512), { lo: 1 });
    expect(r.answer).toBe(512);
    expect(r.firstFailure).toBe(513);
    expect(r.probes.slice(0, 11)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    expect(new Set(r.probes).size).toBe(r.probes.length);
    expect(r.probes.length).toBeLessThanOrEqual(21);
  });

  it('finds every limit in 0..300 from lo 0 and lo 1', async () => {
    for (let limit = 0; limit <= 300; limit++) {
      expect((await searchCapacity(upTo(limit), { lo: 0 })).answer).toBe(limit);
      if (limit >= 1) expect((await searchCapacity(upTo(limit), { lo: 1 })).answer).toBe(limit);
    }
  });

  it('reports a failing lo, and a cap at hi', async () => {
    expect(await searchCapacity(upTo(3), { lo: 5 })).toMatchObject({
      answer: undefined,
      firstFailure: 5,
      probes: [5],
    });
    const capped = await searchCapacity(upTo(1e9), { lo: 1, hi: 100 });
    expect(capped).toMatchObject({ answer: 100, capped: true });
    expect(capped.probes).toEqual([1, 2, 4, 8, 16, 32, 64, 100]);
    expect((await searchCapacity(upTo(70), { lo: 1, hi: 100 })).answer).toBe(70);
  });

  it('validates the bounds', async () => {
    await expect(searchCapacity(upTo(1), { lo: -1 })).rejects.toThrow(InputError);
    await expect(searchCapacity(upTo(1), { lo: 5, hi: 4 })).rejects.toThrow(InputError);
    await expect(searchCapacity(upTo(1), { lo: 1.5 })).rejects.toThrow(InputError);
  });
});

/** Units and distributions as a scenario writes them, parsed to canonical units. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { distribution } from '../../src/scenario/distribution-schema.js';
import { count, duration, eventRate, perByte, size, trafficRate } from '../../src/scenario/quantity.js';

function firstMessage(schema: z.ZodType, input: unknown): string {
  const r = schema.safeParse(input);
  if (r.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  return r.error.issues[0]?.message ?? '';
}

describe('quantities', () => {
  it('parses durations to integer ns', () => {
    const d = duration();
    expect(d.parse('400ns')).toBe(400);
    expect(d.parse('1.5us')).toBe(1500);
    expect(d.parse('1.5µs')).toBe(1500);
    expect(d.parse('20ms')).toBe(20_000_000);
    expect(d.parse('2s')).toBe(2_000_000_000);
    expect(d.parse(' 0.5 us ')).toBe(500);
    expect(d.parse('1e3ns')).toBe(1000);
  });

  it('parses sizes to bytes and rates to per second', () => {
    expect(size().parse('4KiB')).toBe(4096);
    expect(size().parse('2MiB')).toBe(2 * 1024 * 1024);
    expect(size().parse('1500B')).toBe(1500);
    expect(eventRate().parse('50/s')).toBe(50);
    expect(eventRate().parse('20k/s')).toBe(20_000);
    expect(trafficRate().parse('2Mpps')).toEqual({ unit: 'pps', value: 2e6 });
    expect(trafficRate().parse('25Gbps')).toEqual({ unit: 'bps', value: 25e9 });
    expect(perByte().parse('0.28ns/B')).toBeCloseTo(0.28, 12);
    expect(perByte().parse('80ps/B')).toBeCloseTo(0.08, 12);
    expect(perByte().parse('1us/KiB')).toBeCloseTo(1000 / 1024, 12);
  });

  it('refuses a bare number, naming the units', () => {
    expect(firstMessage(duration(), 200)).toBe(
      '200 has no unit: a duration needs one of ns, us, µs, ms, s (e.g. 400ns, 1.5us, 20ms, 2s)',
    );
    expect(firstMessage(size(), 4096)).toContain('a size needs one of B, KB');
    expect(firstMessage(perByte(), 0.3)).toContain('no unit');
  });

  it('names the kind a wrongly-united value has', () => {
    expect(firstMessage(duration(), '20kpps')).toContain("'20kpps' is a packet rate, not a duration");
    expect(firstMessage(size(), '5ms')).toContain("'5ms' is a duration, not a size");
    expect(firstMessage(trafficRate(), '50/s')).toContain("'50/s' is a rate, not a packet rate or bit rate");
    expect(firstMessage(duration(), '-1ms')).toContain('is negative');
    expect(firstMessage(duration(), 'soon')).toContain("'soon' is not a duration");
  });

  it('applies bounds in the unit of the field', () => {
    expect(firstMessage(duration({ min: 0, exclusiveMin: true }), '0s')).toBe('must be greater than 0ns');
    expect(firstMessage(size({ max: 256 }), '1KiB')).toBe('must be at most 256B');
  });

  it('counts are plain whole numbers', () => {
    expect(count(1, 10).parse(3)).toBe(3);
    expect(firstMessage(count(1, 10), 3.5)).toBe('must be a whole number from 1 to 10, got 3.5');
    expect(firstMessage(count(1, 10), '4KiB')).toContain('has a unit, but this is a plain count');
    expect(firstMessage(count(0, 2048, 'the MSI-X table'), 4096)).toContain('(the MSI-X table)');
  });
});

describe('distributions', () => {
  const latency = distribution('duration');

  it('reads a bare quantity as a constant', () => {
    expect(latency.parse('400ns')).toEqual({ dist: 'constant', value: 400 });
  });

  it('reads every distribution form in ns', () => {
    expect(latency.parse({ dist: 'exponential', mean: '1us' })).toEqual({ dist: 'exponential', mean: 1000 });
    expect(latency.parse({ dist: 'lognormal', mean: '2us', cv: 0.5 })).toEqual({
      dist: 'lognormal',
      mean: 2000,
      cv: 0.5,
    });
    expect(latency.parse({ dist: 'uniform', min: '1us', max: '3us' })).toEqual({
      dist: 'uniform',
      min: 1000,
      max: 3000,
    });
    expect(latency.parse({ dist: 'deterministic', value: '5us' })).toEqual({
      dist: 'deterministic',
      value: 5000,
    });
    expect(latency.parse({ dist: 'constant', value: '5us' })).toEqual({ dist: 'constant', value: 5000 });
    expect(latency.parse({ dist: 'empirical', values: ['1us', '2us'], weights: [3, 1] })).toEqual({
      dist: 'empirical',
      values: [1000, 2000],
      weights: [3, 1],
    });
  });

  it('reads sizes for packet-size distributions', () => {
    expect(distribution('size').parse({ dist: 'empirical', values: ['64B', '1500B'] })).toEqual({
      dist: 'empirical',
      values: [64, 1500],
    });
  });

  it('refuses malformed distributions', () => {
    expect(latency.safeParse({ dist: 'uniform', min: '3us', max: '1us' }).success).toBe(false);
    expect(latency.safeParse({ dist: 'exponential', mean: '0ns' }).success).toBe(false);
    expect(latency.safeParse({ dist: 'empirical', values: [] }).success).toBe(false);
    expect(latency.safeParse({ dist: 'empirical', values: ['1us'], weights: [1, 2] }).success).toBe(false);
    expect(latency.safeParse({ dist: 'empirical', values: ['1us'], weights: [0] }).success).toBe(false);
    expect(latency.safeParse({ dist: 'exponential', mean: '1us', cv: 1 }).success).toBe(false);
    expect(latency.safeParse({ dist: 'gamma', mean: '1us' }).success).toBe(false);
    expect(latency.safeParse(5).success).toBe(false);
  });
});

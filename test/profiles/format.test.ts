import { describe, expect, it } from 'vitest';
import { formatBytes, formatDist, formatNs, formatParamValue } from '../../src/profiles/format.js';

describe('profile value formatting', () => {
  it('writes durations in the clearest unit', () => {
    expect(formatNs(150)).toBe('150 ns');
    expect(formatNs(1000)).toBe('1 µs');
    expect(formatNs(1_100_000)).toBe('1.1 ms');
    expect(formatNs(400_000_000)).toBe('400 ms');
    expect(formatNs(1_000_000_000)).toBe('1 s');
  });

  it('writes exact binary sizes in binary units', () => {
    expect(formatBytes(4096)).toBe('4 KiB');
    expect(formatBytes(64 * 1024 * 1024)).toBe('64 MiB');
    expect(formatBytes(28)).toBe('28 B');
  });

  it('writes distributions by name and parameters', () => {
    expect(formatDist({ dist: 'deterministic', value: 1_100_000 })).toBe('fixed 1.1 ms');
    expect(formatDist({ dist: 'exponential', mean: 10_000 })).toBe('exponential mean 10 µs');
    expect(formatDist({ dist: 'lognormal', mean: 5_000_000, cv: 0.5 })).toBe('lognormal mean 5 ms cv 0.5');
    expect(formatDist({ dist: 'uniform', min: 340_000_000, max: 520_000_000 })).toBe('uniform 340 ms–520 ms');
    expect(formatDist({ dist: 'empirical', values: [1_100_000, 500_000], weights: [1, 1] })).toBe(
      'empirical {1.1 ms, 500 µs} weights {1, 1}',
    );
  });

  it('writes counts with their unit and separators', () => {
    expect(formatParamValue({ value: 65536, unit: 'entries' })).toBe('65,536 entries');
    expect(formatParamValue({ value: 2048, unit: 'vectors' })).toBe('2048 vectors');
    expect(formatParamValue({ value: 16, unit: 'µs' })).toBe('16 µs');
    expect(formatParamValue({ value: 'lazy', unit: 'mode' })).toBe('lazy');
  });
});

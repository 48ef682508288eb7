/**
 * Reproduction: pcie-bench's IOMMU window sweep, held to its published figures
 * (scenarios/reproductions/pcie-bench-window.yaml states them, their source and the machine).
 *
 * Tolerance: the scenario's stated model accuracy for this machine, 10% of the published value,
 * fixed before comparing, plus 2 CI half-widths of the simulated mean (3 replications).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type PointResult, runFile } from './run-yaml.js';

const FILE = fileURLToPath(new URL('../../scenarios/reproductions/pcie-bench-window.yaml', import.meta.url));
const MODEL_ACCURACY = 0.1;
const KiB = 1024;
const MiB = 1024 * KiB;

/** Published million 64 B reads per second, Cold rows (pcie-bench/data, commit a796e52). */
const WINDOWS = [4, 16, 256, 512, 1024, 1536, 2048, 3072, 4096, 8192, 16384, 32768, 65536].map(
  (k) => k * KiB,
);
const OFF = [52.6, 54.9, 54.1, 53.6, 53.9, 54.2, 54.4, 54.6, 54.7, 54.8, 54.9, 54.8, 54.9];
const ON = [52.4, 54.6, 53.9, 39.4, 28.0, 24.5, 22.9, 21.5, 20.8, 19.9, 19.4, 19.3, 19.2];

describe('reproduction: pcie-bench IOMMU window sweep (NFP-6000, Broadwell E5-2630 v4)', () => {
  it('flat no-IOMMU line, knee at 64 entries × 4 KiB, plateau at 0.35, every point within 10%', async () => {
    const results = await runFile(FILE);
    const at = (isolation: string, window: number): PointResult => {
      const r = results.find(
        (p) =>
          p.point.config.strategy.isolation === isolation &&
          p.point.config.workload.groups[0]!.dma!.window === window,
      );
      if (r === undefined) throw new Error(`no point ${isolation} ${window}`);
      return r;
    };
    const rate = (isolation: string, window: number) =>
      at(isolation, window).metric('dma_transactions_per_s');

    const rows: string[] = [];
    WINDOWS.forEach((w, i) => {
      const off = rate('passthrough', w);
      const on = rate('rid-per-vf', w);
      rows.push(
        `${w / KiB} KiB: off ${OFF[i]} vs ${(off.mean / 1e6).toFixed(1)}, on ${ON[i]} vs ${(on.mean / 1e6).toFixed(1)}`,
      );
      for (const [s, published, what] of [
        [off, OFF[i]!, 'off'],
        [on, ON[i]!, 'on'],
      ] as const) {
        const expected = published * 1e6;
        expect(Math.abs(s.mean - expected), `${what} at ${w / KiB} KiB: ${rows.at(-1)}`).toBeLessThanOrEqual(
          MODEL_ACCURACY * expected + 2 * s.ci95Half,
        );
      }
    });
    console.log(`pcie-bench window sweep, published vs simulated (M reads/s):\n  ${rows.join('\n  ')}`);

    // Flat line: no window moves the no-IOMMU rate (the model's line is exactly flat).
    const offMeans = WINDOWS.map((w) => rate('passthrough', w).mean);
    expect(Math.max(...offMeans) / Math.min(...offMeans)).toBeLessThan(1.001);
    // Knee: with the IOMMU, the rate holds to 256 KiB (64 entries × 4 KiB) and falls by ≥ 20% at 512 KiB.
    expect(rate('rid-per-vf', 256 * KiB).mean / rate('passthrough', 256 * KiB).mean).toBeGreaterThan(0.9);
    expect(rate('rid-per-vf', 512 * KiB).mean / rate('passthrough', 512 * KiB).mean).toBeLessThan(0.8);
    // Plateau: on/off at 64 MiB, published 19.2 / 54.9 = 0.35.
    const plateau = rate('rid-per-vf', 64 * MiB).mean / rate('passthrough', 64 * MiB).mean;
    const published = 19.2 / 54.9;
    expect(Math.abs(plateau - published)).toBeLessThanOrEqual(MODEL_ACCURACY * published);
    // The IOTLB behind it: 64 entries over N pages hit C/N (1 − 64/16384 at 64 MiB).
    const hit = at('rid-per-vf', 64 * MiB).metric('iotlb_hit_rate');
    expect(Math.abs(hit.mean - 64 / 16384)).toBeLessThanOrEqual(2 * hit.ci95Half + 0.001);
  });
});

/**
 * Hand-computed timelines (the first tier of tests: exact timelines): deterministic service times,
 * packets injected at known instants, every number below derived by hand from the fixture.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import { DataPath } from '../../../src/model/data-path/data-path.js';
import { chooseStrategies } from '../../../src/strategies/catalogue.js';
import { fixtureConfig, makeTestContext, RecordingSink } from './fixture-config.js';

/** One instance, no generated traffic: packets come only from `offer`. */
function quietConfig(): ModelConfig {
  const c = fixtureConfig();
  c.instances = 1;
  const g = c.workload.groups[0];
  if (g === undefined) throw new Error('fixture');
  g.count = 1;
  g.traffic.ratePps = 0;
  return c;
}

function setup(config: ModelConfig) {
  const ctx = makeTestContext(config);
  const dp = new DataPath(ctx, chooseStrategies(ctx.config));
  dp.start();
  dp.activate(0);
  const inject = ctx.sim.handler('test/inject', (page) => dp.offer(0, 0, true, 1000, page, 100));
  return { ctx, dp, inject };
}

describe('timeline: one TX packet through an IOTLB miss and a coalesced interrupt', () => {
  // Fixture: engineService 100 ns, enginePerByte 0.28, dmaRead 500, 32 DMA tags per engine,
  // pasid-per-instance (scalable mode: a miss walks 4 levels × 75 ns = 300 ns; the first miss
  // also reads the root and context entries and the PASID directory and entry, 4 × 75 ns more,
  // which the context and PASID caches then hold), coalescing 32 packets / 16 µs, posted
  // delivery 500 ns, guest handler 1000 ns + 500 ns per packet, kick 150 ns.
  //
  // Packet A, TX, 1000 B, posted at t = 1000 (ring empty: the driver kicks; an engine is free):
  //   the engine fetches the one available descriptor: two dependent reads (2 × 500) of the
  //     avail ring (idx and entry 0, one page: the 256 descriptors fill ring page 0, the avail
  //     ring starts page 1) and descriptor page 0, both misses (600 cold + 300): descriptors in
  //     at 1000 + 1000 + 900 = 2900
  //   buffer DMA: 500 + buffer page 3 (miss 300) → data in at 3700
  //   engine work: 100 + 0.28·1000 = 380 + the used-ring write's page (miss 300; the used ring
  //     starts 8 KiB into the ring: page 2) → done at 3700 + 680 = 4380, 1 pending < 32 packets
  //   coalescing timer: 4380 + 16 000 = 20 380 → notify
  //   interrupt handled at 20 380 + 500 (posted) + 1000 + 1·500 = 22 380 → latency 21 380 ns
  // Packet B, same page, posted at t = 100 000: every translation hits (slot 1 shares the avail,
  //   descriptor and used pages): descriptors in 101 000, data in 101 500, done 101 880, timer
  //   117 880, handled 119 880, latency 19 880 ns.
  it('follows the hand-computed event times', () => {
    const { ctx, dp, inject } = setup(quietConfig());
    ctx.sim.scheduleAt(1000, inject, 3);
    ctx.sim.scheduleAt(100_000, inject, 3);
    const checkpoints: [number, number][] = [
      [4379, 0],
      [22_379, 0],
      [22_380, 1],
      [119_879, 1],
      [119_880, 2],
    ];
    for (const [t, handled] of checkpoints) {
      ctx.sim.run({ until: t });
      expect(dp.totals().handled, `handled by t=${t}`).toBe(handled);
    }
    const sink = new RecordingSink();
    dp.collect(sink, 119_880);
    expect(sink.num('latency_mean_us')).toBeCloseTo((21_380 + 19_880) / 2 / 1000, 9);
    expect(sink.num('translation_ns_per_packet')).toBe(1500 / 2);
    expect(sink.num('iotlb_hit_rate')).toBe(4 / 8);
    expect(sink.num('ring_translations_per_packet')).toBe(3); // avail + descriptor + used, per packet
    expect(sink.num('irq_latency_mean_us')).toBe(18); // 16 µs timer + 0.5 delivery + 1.5 handler
    expect(sink.num('interrupts_per_packet')).toBe(1);
    expect(sink.num('guest_cpu_us_per_packet')).toBeCloseTo(1.65, 9); // kick 150 + handler 1000 + 500
    // Engine work: A 380 + its used-ring stall 300, B 380; the DMA waits overlap other work.
    expect(sink.num('engine_util')).toBeCloseTo((680 + 380) / 119_880 / 8, 12);
    expect(sink.num('throughput_gbps')).toBeCloseTo((2 * 1000 * 8) / 119_880, 12);
    expect(sink.metrics.devtlb_hit_rate).toBeUndefined(); // no ATS, no device MMU
    expect(ctx.warnings.size).toBe(0);
  });

  it('a full batch of maxPackets notifies at once, without the timer', () => {
    const c = quietConfig();
    c.interrupts.coalescing = { kind: 'static', maxPackets: 2, maxUsecs: 16 };
    c.device.engines = 1;
    const { ctx, dp, inject } = setup(c);
    // Two packets at t = 0: the single engine fetches A, the one descriptor available when it
    // starts (descriptors in 1900, data in 2700, done 2700 + 680 = 3380). B, posted while A's
    // turn is in flight, waits for it to end (a queue has one turn in flight): fetched at 3380
    // (all hits: descriptors in 4380, data in 4880), done 4880 + 380 = 5260 → 2 pending =
    // maxPackets → notify at 5260, handled at 5260 + 500 + 1000 + 2·500 = 7760.
    ctx.sim.scheduleAt(0, inject, 3);
    ctx.sim.scheduleAt(0, inject, 3);
    ctx.sim.run({ until: 7759 });
    expect(dp.totals().handled).toBe(0);
    ctx.sim.run({ until: 7760 });
    expect(dp.totals().handled).toBe(2);
    const sink = new RecordingSink();
    dp.collect(sink, 7760);
    expect(sink.num('latency_mean_us')).toBeCloseTo(7.76, 9);
    expect(sink.num('interrupts_per_packet')).toBe(0.5);
  });

  it('strict unmap: the completion waits for the invalidation queue', () => {
    const c = quietConfig();
    c.iommu.mappings = 'dynamic';
    c.iommu.invalidation = 'strict';
    c.iommu.invalidationLatency = { dist: 'constant', value: 10_000 };
    const { ctx, dp, inject } = setup(c);
    ctx.sim.scheduleAt(1000, inject, 3);
    // As above the interrupt is handled at 22 380; the unmap's submission (2 × 357 ns of queue
    // occupancy) completes 10 µs later: the packet is handled at 32 380 (latency 31 380 ns), and its page's
    // translation is flushed, so packet B (t = 100 000, same page) misses on the buffer again.
    ctx.sim.scheduleAt(100_000, inject, 3);
    ctx.sim.run({ until: 32_379 });
    expect(dp.totals().handled).toBe(0);
    ctx.sim.run({ until: 32_380 });
    expect(dp.totals().handled).toBe(1);
    ctx.sim.run({ until: 200_000 });
    const sink = new RecordingSink();
    dp.collect(sink, 200_000);
    expect(sink.num('translation_ns_per_packet')).toBe((1500 + 300) / 2);
    expect(sink.num('invalidation_wait_mean_us')).toBe(10);
    expect(sink.num('invalidations_per_s')).toBe(2 / 200e-6);
    expect(sink.num('invalidation_queue_util')).toBeCloseTo((2 * 2 * 357) / 200_000, 12);
    // Guest CPU: kick + handler + per packet + 10 µs spinning in the synchronous flush, per packet.
    expect(sink.num('guest_cpu_us_per_packet')).toBeCloseTo(1.65 + 10, 9);
  });

  it('polling: the poll that finds the completion ends the latency; no interrupts', () => {
    const c = quietConfig();
    c.strategy.interrupts = 'polling';
    c.interrupts.pollInterval = 10_000;
    const { ctx, dp, inject } = setup(c);
    ctx.sim.scheduleAt(1000, inject, 3);
    ctx.sim.run({ until: 50_000 });
    const sink = new RecordingSink();
    dp.collect(sink, 50_000);
    // Done at 4380; found at the queue's next poll phase, within one interval.
    const latencyNs = sink.num('latency_mean_us') * 1000;
    expect(latencyNs).toBeGreaterThanOrEqual(3380);
    expect(latencyNs).toBeLessThan(3380 + 10_000);
    expect(sink.num('interrupts_per_s')).toBe(0);
    expect(sink.num('vectors_used')).toBe(0);
    // Host CPU: 2 rings × 100 ns per 10 µs pass over 50 µs.
    expect(ctx.hostCpu.busy).toBeCloseTo(((2 * 100) / 10_000) * 50_000, 9);
  });
});

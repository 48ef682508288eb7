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
  // Fixture: engineService 100 ns, enginePerByte 0.28, dmaRead 500, pasid-per-instance
  // (scalable mode: a miss walks 4 levels + 2 PASID-table accesses = 6 × 75 ns = 450 ns),
  // coalescing 32 packets / 16 µs, posted delivery 500 ns, guest handler 1000 ns + 500 ns per
  // packet, kick 150 ns.
  //
  // Packet A, TX, 1000 B, posted at t = 1000 (ring empty: the driver kicks; an engine is free):
  //   service = 100 + 500 + 0.28·1000 = 880 ns
  //   translations: descriptor page (miss 450) + buffer page 3 (miss 450) + used-ring page
  //     (miss 450; with 256 entries the used ring starts 8 KiB into the ring: another page)
  //   engine done at 1000 + 880 + 1350 = 3230: used entry written, 1 pending < 32 packets
  //   coalescing timer: 3230 + 16 000 = 19 230 → notify
  //   interrupt handled at 19 230 + 500 (posted) + 1000 + 1·500 = 21 230 → latency 20 230 ns
  // Packet B, same page, posted at t = 100 000: all three translations hit (slot 1 shares the
  //   descriptor and used pages): service 880 → done 100 880, timer 116 880, handled 118 880,
  //   latency 18 880 ns.
  it('follows the hand-computed event times', () => {
    const { ctx, dp, inject } = setup(quietConfig());
    ctx.sim.scheduleAt(1000, inject, 3);
    ctx.sim.scheduleAt(100_000, inject, 3);
    const checkpoints: [number, number][] = [
      [3229, 0],
      [21_229, 0],
      [21_230, 1],
      [118_879, 1],
      [118_880, 2],
    ];
    for (const [t, handled] of checkpoints) {
      ctx.sim.run({ until: t });
      expect(dp.totals().handled, `handled by t=${t}`).toBe(handled);
    }
    const sink = new RecordingSink();
    dp.collect(sink, 118_880);
    expect(sink.num('latency_mean_us')).toBeCloseTo((20_230 + 18_880) / 2 / 1000, 9);
    expect(sink.num('translation_ns_per_packet')).toBe(1350 / 2);
    expect(sink.num('iotlb_hit_rate')).toBe(3 / 6);
    expect(sink.num('irq_latency_mean_us')).toBe(18); // 16 µs timer + 0.5 delivery + 1.5 handler
    expect(sink.num('interrupts_per_packet')).toBe(1);
    expect(sink.num('guest_cpu_us_per_packet')).toBeCloseTo(1.65, 9); // kick 150 + handler 1000 + 500
    expect(sink.num('engine_util')).toBeCloseTo((2230 + 880) / 118_880 / 8, 12);
    expect(sink.num('throughput_gbps')).toBeCloseTo((2 * 1000 * 8) / 118_880, 12);
    expect(sink.metrics.devtlb_hit_rate).toBeUndefined(); // no ATS, no device MMU
    expect(ctx.warnings.size).toBe(0);
  });

  it('a full batch of maxPackets notifies at once, without the timer', () => {
    const c = quietConfig();
    c.interrupts.coalescing = { kind: 'static', maxPackets: 2, maxUsecs: 16 };
    c.device.engines = 1;
    const { ctx, dp, inject } = setup(c);
    // Two packets at t = 0: the single engine serves A (done 2230, all misses), then B in the
    // same turn (hits: done 2230 + 880 = 3110) → 2 pending = maxPackets → notify at 3110,
    // handled at 3110 + 500 + 1000 + 2·500 = 5610.
    ctx.sim.scheduleAt(0, inject, 3);
    ctx.sim.scheduleAt(0, inject, 3);
    ctx.sim.run({ until: 5609 });
    expect(dp.totals().handled).toBe(0);
    ctx.sim.run({ until: 5610 });
    expect(dp.totals().handled).toBe(2);
    const sink = new RecordingSink();
    dp.collect(sink, 5610);
    expect(sink.num('latency_mean_us')).toBeCloseTo(5.61, 9);
    expect(sink.num('interrupts_per_packet')).toBe(0.5);
  });

  it('strict unmap: the completion waits for the shared invalidation queue', () => {
    const c = quietConfig();
    c.iommu.mappings = 'dynamic';
    c.iommu.invalidation = 'strict';
    c.iommu.invalidationService = { dist: 'constant', value: 10_000 };
    const { ctx, dp, inject } = setup(c);
    ctx.sim.scheduleAt(1000, inject, 3);
    // As above the interrupt is handled at 21 230; the unmap then occupies the invalidation
    // queue for 10 µs: the packet is handled at 31 230 (latency 30 230 ns), and its page's
    // translation is flushed, so packet B (t = 100 000, same page) misses on the buffer again.
    ctx.sim.scheduleAt(100_000, inject, 3);
    ctx.sim.run({ until: 31_229 });
    expect(dp.totals().handled).toBe(0);
    ctx.sim.run({ until: 31_230 });
    expect(dp.totals().handled).toBe(1);
    ctx.sim.run({ until: 200_000 });
    const sink = new RecordingSink();
    dp.collect(sink, 200_000);
    expect(sink.num('translation_ns_per_packet')).toBe((1350 + 450) / 2);
    expect(sink.num('invalidation_wait_mean_us')).toBe(10);
    expect(sink.num('invalidations_per_s')).toBe(2 / 200e-6);
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
    // Done at 3230; found at the queue's next poll phase, within one interval.
    const latencyNs = sink.num('latency_mean_us') * 1000;
    expect(latencyNs).toBeGreaterThanOrEqual(2230);
    expect(latencyNs).toBeLessThan(2230 + 10_000);
    expect(sink.num('interrupts_per_s')).toBe(0);
    expect(sink.num('vectors_used')).toBe(0);
    // Host CPU: 2 rings × 100 ns per 10 µs pass over 50 µs.
    expect(ctx.hostCpu.busy).toBeCloseTo(((2 * 100) / 10_000) * 50_000, 9);
  });
});

/**
 * Hand-computed timelines of the block path, and a mixed net + blk fleet on one parent.
 */
import { describe, expect, it } from 'vitest';
import type { RunOutput } from '../../../src/model/system.js';
import { fixtureGroup } from '../data-path/fixture-config.js';
import { blkFleet, blkGroup, metric, runBlk } from './blk-run.js';
import { fixtureBlk } from './fixture-blk.js';

/** One 4 KiB read through VDUSE with round costs (ns). */
function vduseConfig(iodepth: number) {
  const c = blkFleet([blkGroup('disk', 1, { iodepth, size: { dist: 'deterministic', value: 4096 } })]);
  c.device.dataPath = 'vduse'; // bounce buffers: nothing is translated
  c.device.copyPerByte = 0.125;
  c.blk = fixtureBlk({
    backend: 'userspace',
    workers: 1,
    wakeup: 5000,
    messageRoundTrip: 3000,
    service: { dist: 'deterministic', value: 1000 },
    perByte: 0.125,
  });
  c.interrupts.posted = 500;
  c.interrupts.guestIrq = 1000;
  c.interrupts.guestPerPacket = 250;
  return c;
}

describe('one 4 KiB read through VDUSE', () => {
  // Issue at t → the daemon is woken (5 µs) and takes the VDUSE round trip (3 µs), serves it
  // (1 µs) and copies 4096 B through the bounce buffer and into its backend (0.25 ns/B: 1024 ns):
  // used entry at t + 10,024 → posted interrupt (500) → guest handler (1000 + 250 per request):
  // handled at t + 11,774, when the closed loop issues the next, which finds the daemon idle again.
  const HOLD = 5000 + 3000 + 1000 + 4096 * 0.25;
  const LATENCY = HOLD + 500 + 1000 + 250;

  it('takes 11,774 ns from issue to handling, every time', () => {
    const out = runBlk(vduseConfig(1), 100 * LATENCY, 0);
    expect(HOLD).toBe(10_024);
    expect(metric(out, 'blk_latency_mean_us')).toBeCloseTo(LATENCY / 1000, 9);
    expect(metric(out, 'blk_iops')).toBeCloseTo(1e9 / LATENCY, 6); // exactly 100 completions in the window
    expect(metric(out, 'blk_host_cores')).toBeCloseTo(HOLD / LATENCY, 9);
    expect(metric(out, 'blk_interrupts_per_request')).toBe(1);
  });

  it('iodepth 2 keeps the daemon busy: the queued request pays the round trip but no wake-up', () => {
    // Steady state: each request holds the daemon 3000 + 1000 + 1024 = 5024 ns back to back.
    const busy = 3000 + 1000 + 1024;
    const out = runBlk(vduseConfig(2), 1000 * busy, 20 * busy);
    expect(metric(out, 'blk_iops')).toBeCloseTo(1e9 / busy, 0);
    expect(metric(out, 'blk_host_cores')).toBeCloseTo(1, 3);
    // Little: two in the system, one completion every 5024 ns.
    expect(metric(out, 'blk_latency_mean_us')).toBeCloseTo((2 * busy) / 1000, 2);
  });

  it('batching shares the round trip among queued requests', () => {
    const c = vduseConfig(2);
    c.blk.batch = 4;
    const busy = 3000 / 4 + 1000 + 1024;
    const out = runBlk(c, 1000 * busy, 20 * busy);
    expect(metric(out, 'blk_iops')).toBeCloseTo(1e9 / busy, 0);
  });
});

function groupMetric(out: RunOutput, group: string, name: string): number | undefined {
  return out.groups.find((r) => r.group === group && r.metric === name)?.value;
}

describe('a mixed net + blk fleet on one parent', () => {
  function mixed() {
    const net = fixtureGroup({ name: 'nics', count: 300 });
    net.traffic.ratePps = 1000;
    const blk = blkGroup('disks', 200, { rate: 1000 });
    const c = blkFleet([net, blk]);
    c.blk = fixtureBlk({ numQueues: 4, workers: 64 });
    return c;
  }

  it('shares the MSI-X table: 300 net instances take 1200 vectors, 169 blk of 5 fit, msix-vectors is named', () => {
    const out = runBlk(mixed(), 2_000_000, 0);
    expect(groupMetric(out, 'nics', 'instances_ready')).toBe(300);
    expect(groupMetric(out, 'disks', 'instances_ready')).toBe(Math.floor((2048 - 300 * 4) / 5));
    expect(groupMetric(out, 'disks', 'instances_rejected')).toBe(200 - 169);
    expect(out.metrics.limit_resource).toBe('msix-vectors');
    expect(metric(out, 'vectors_used')).toBe(300 * 4 + 169 * 5);
    // Both device types move data through the one IOTLB and deliver interrupts.
    expect(metric(out, 'throughput_pps')).toBeGreaterThan(0);
    expect(metric(out, 'blk_iops')).toBeGreaterThan(0);
  });

  it('names the hardware queues when they run out first (checked before vectors)', () => {
    const c = mixed();
    c.limits.hwVqs = 1200; // 300 × 3 net VQs = 900, then 75 blk instances of 4
    const out = runBlk(c, 1_000_000, 0);
    expect(groupMetric(out, 'disks', 'instances_ready')).toBe(75);
    expect(out.metrics.limit_resource).toBe('hw-vqs');
  });
});

/**
 * Exact timelines (computed by hand): one instance provisioned over each transport with
 * deterministic costs; every expected value is computed by hand from the fixture's constants.
 *
 * Fixture: mmioWrite W = 150, mmioRead R = 1000, firmware emulation F = 2000, poll interval
 * P = 1000, UC store U = 100 per 8 B, device-cmd service 5000, create service 50 000, VF
 * creation 0.4 s, vendor 1.1 ms, admin service 20 000 + submit 500, netlink 1 ms (all ns).
 * Every path registers its instance under vdpa_dev_lock for NETLINK (1 ms): netlink around
 * CREATE, admin-vq and managed-cap-create after it; with vhost-vdpa (the fixture's bus) the
 * rest of the sequence follows outside the lock.
 *
 * One queue pair, hardware CVQ, msix: 3 VQs, 4 vectors, so the provisioning program is
 * CREATE, FEAT, 3 × (VQ_ADDR, VQ_SIZE, VQ_NOTIFY, VQ_ENABLE), 4 × MSI, STATUS = 19 commands.
 * Register accesses of the 18 commands after CREATE (op-programs.ts):
 *   writes = FEAT 7 + 3 × (7 + 2 + 1 + 2) + 4 × 2 + STATUS 1 = 52
 *   reads  = FEAT 3 + 3 × (0 + 1 + 1 + 0) + 4 × 1 + STATUS 1 = 14
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import { InstanceState } from '../../../src/model/instance-table.js';
import { det, fixtureConfig, group, serviceMap } from './fixture-config.js';
import { runControl } from './harness.js';

const W = 150;
const R = 1000;
const F = 2000;
const WRITES = 52;
const READS = 14;
const COMMANDS = 19;
const NETLINK = 1_000_000;

function burstOfOne(patch: (c: ModelConfig) => void): ModelConfig {
  const config = fixtureConfig(1);
  config.provisioning.start = 'burst';
  patch(config);
  return config;
}

function provisionTime(config: ModelConfig): number {
  const run = runControl(config, { durationNs: 2_000_000_000 });
  expect(run.metrics.instances_ready).toBe(1);
  return run.dataPath.activatedAt.get(0) as number;
}

describe('provisioning timeline of one instance (exact ns)', () => {
  it('per-vf + netlink: netlink request, VF creation, then BAR accesses', () => {
    const config = burstOfOne((c) => {
      c.strategy.transport = 'per-vf';
      c.strategy.provisioning = 'netlink';
    });
    // 1 ms netlink + 400 ms VF creation + 52 × 150 + 14 × 1000 = 401 021 800
    expect(provisionTime(config)).toBe(NETLINK + 400_000_000 + WRITES * W + READS * R);
    expect(provisionTime(config)).toBe(401_021_800);
  });

  it('managed-cap + managed-cap-create: create sequence, then device_select + accesses per command', () => {
    const config = burstOfOne((c) => {
      c.strategy.transport = 'managed-cap';
      c.strategy.provisioning = 'managed-cap-create';
    });
    // CREATE: device_select + 64 B / 4 = 16 config writes + create = 18 writes = 2700; then
    // polls of create_ok (R + F = 3000, every 1000 ns): reads issued at 0, 4000, …, the first
    // at ≥ 50 000 is the 13th (52 000), done at 55 000. CREATE = 57 700.
    const create = 18 * W + 13 * 4000 + (R + F);
    expect(create).toBe(57_700);
    // Registration (1 ms), then the other 18 commands: (18 selects + 52 writes) × 150 +
    // 14 × (1000 + 2000) = 52 500.
    expect(provisionTime(config)).toBe(create + NETLINK + (18 + WRITES) * W + READS * (R + F));
    expect(provisionTime(config)).toBe(1_110_200);
  });

  it('device-cmd-cap + netlink: every command through the one slot', () => {
    const config = burstOfOne((c) => {
      c.strategy.transport = 'device-cmd-cap';
      c.strategy.provisioning = 'netlink';
    });
    // Per command: class/command + execute writes 2 × 150, 256 B / 8 = 32 UC stores × 100 =
    // 3500; device 5000 polled by reads at 0, 2000, 4000, 6000 (R + P = 2000): done 7000.
    const perCommand = 2 * W + 32 * 100 + (3 * 2000 + R);
    expect(perCommand).toBe(10_500);
    // CREATE is the device building the instance (create service 50 000, as managed-cap's
    // create), not a CVQ-like command: polled at 0, 2000, …, the first read at ≥ 50 000 is
    // issued at 50 000 and returns at 51 000; CREATE = 3500 + 51 000 = 54 500.
    const create = 2 * W + 32 * 100 + (25 * 2000 + R);
    expect(create).toBe(54_500);
    expect(provisionTime(config)).toBe(NETLINK + create + (COMMANDS - 1) * perCommand);
  });

  it('admin-vq + admin-vq: submit + service per command, no waiting', () => {
    const config = burstOfOne((c) => {
      c.strategy.transport = 'admin-vq';
      c.strategy.provisioning = 'admin-vq';
    });
    expect(provisionTime(config)).toBe(NETLINK + COMMANDS * (500 + 20_000));
  });

  it('device-mmu isolation adds the memory-key build of the instance before its VQ setup', () => {
    const config = burstOfOne((c) => {
      c.strategy.transport = 'admin-vq';
      c.strategy.provisioning = 'admin-vq';
      c.strategy.isolation = 'device-mmu';
      c.iommu.deviceMmu.keyBuild = 3_000_000;
    });
    // The same 19 admin commands and registration plus one 3 ms key build (device work, no
    // channel held).
    expect(provisionTime(config)).toBe(NETLINK + COMMANDS * (500 + 20_000) + 3_000_000);
    config.iommu.deviceMmu.keyBuild = 0;
    expect(provisionTime(config)).toBe(NETLINK + COMMANDS * (500 + 20_000));
  });

  it('admin-vq in sync mode costs the same for one instance and the polling is host CPU', () => {
    const config = burstOfOne((c) => {
      c.adminq.mode = 'sync';
    });
    const run = runControl(config, { durationNs: 2_000_000 });
    expect(run.dataPath.activatedAt.get(0)).toBe(NETLINK + COMMANDS * 20_500);
    // Submission (500) plus busy polling through the service (20 000), per command, and the
    // registration (host work); the first submission is charged at t = 0 before the warm-up
    // reset at t = 0 (priority LATE) clears it.
    expect(run.hostCpu.busy).toBe(NETLINK + COMMANDS * 20_500 - 500);
  });

  it('vendor + netlink: one firmware command per step', () => {
    const config = burstOfOne((c) => {
      c.strategy.transport = 'vendor';
      c.strategy.provisioning = 'netlink';
    });
    expect(provisionTime(config)).toBe(NETLINK + COMMANDS * 1_100_000);
  });

  it('netlink adds the per-existing-instance cost; virtio-vdpa serializes whole sequences', () => {
    const config = burstOfOne((c) => {
      c.instances = 3;
      c.workload.groups = [group('g0', 3)];
      c.strategy.transport = 'admin-vq';
      c.strategy.provisioning = 'netlink';
      c.provisioning.netlinkPerInstance = 10_000;
      c.provisioning.bus = 'virtio-vdpa';
    });
    const run = runControl(config, { durationNs: 1_000_000_000 });
    // Instance k waits for the k before it; its request costs 1 ms + k × 10 µs.
    const seq = COMMANDS * 20_500;
    expect(run.dataPath.activatedAt.get(0)).toBe(NETLINK + seq);
    expect(run.dataPath.activatedAt.get(1)).toBe(2 * (NETLINK + seq) + 10_000);
    expect(run.dataPath.activatedAt.get(2)).toBe(3 * (NETLINK + seq) + 30_000);
  });

  it('netlink with vhost-vdpa: the lock covers the request and CREATE only', () => {
    const config = burstOfOne((c) => {
      c.instances = 3;
      c.workload.groups = [group('g0', 3)];
      c.strategy.transport = 'admin-vq';
      c.strategy.provisioning = 'netlink';
      c.provisioning.netlinkPerInstance = 10_000;
    });
    const run = runControl(config, { durationNs: 1_000_000_000 });
    // Each holds the lock for its request and CREATE (1 ms + 20.5 µs); its 18 other commands
    // (369 µs) overlap the next one's. The per-instance term counts READY instances: instance 1
    // registers before 0 is ready (369 µs < 1 ms), instance 2 after 0 and before 1.
    const create = 20_500;
    const rest = (COMMANDS - 1) * 20_500;
    expect(run.dataPath.activatedAt.get(0)).toBe(NETLINK + create + rest);
    expect(run.dataPath.activatedAt.get(1)).toBe(2 * (NETLINK + create) + rest);
    expect(run.dataPath.activatedAt.get(2)).toBe(3 * (NETLINK + create) + 10_000 + rest);
  });

  it('ring full: a waiter is woken by a completion of its own queue, not of another queue', () => {
    // Two queues of depth 1, two workers (one per ring, so workers never bind), no submit cost;
    // CREATE 30 µs, every other command 20 µs. A and B (group g0) share ring 0, C (g1) has ring 1.
    const config = (driverWait: 'spin' | 'sleep') =>
      burstOfOne((c) => {
        c.instances = 3;
        c.workload.groups = [group('g0', 2), group('g1', 1, { adminQueue: 1 })];
        c.adminq = { ...c.adminq, queues: 2, depth: 1, workers: 2, policy: 'priority', weights: [1, 1] };
        c.adminq.submit = 0;
        c.adminq.driverWait = driverWait;
        c.adminq.service = { ...serviceMap(det(20_000)), CREATE: det(30_000) };
        c.provisioning.netlinkService = det(0); // registration is not the question here
      });
    const run = runControl(config('spin'), { durationNs: 2_000_000 });
    // Ring 0 alternates A and B: A's CREATE 0–30, B's 30–60 (it waited from 0), A's 2nd command
    // (submitted at 30) waits for B's completion at 60 and runs 60–80, B's 2nd runs 80–100, …:
    // A's k-th command ends at 40k µs, B's at 40k + 20 (k ≥ 2); A is ready at 760, B at 780.
    // Ring 1's completions (C at 30, 50, 70, …) wake nobody on ring 0: C is ready at 30 + 18 × 20.
    expect(run.dataPath.activatedAt.get(0)).toBe(760_000);
    expect(run.dataPath.activatedAt.get(1)).toBe(780_000);
    expect(run.dataPath.activatedAt.get(2)).toBe(390_000);
    // Exactly one submitter waits on ring 0 from 0 to 760 µs (the hand-over is within one event),
    // and it spins: 760 µs of host CPU; none waits on ring 1. A sleeping driver costs nothing.
    expect(run.hostCpu.busy).toBe(760_000);
    expect(run.plane.stats.retries.value).toBe(0); // a full ring is not a refusal
    const asleep = runControl(config('sleep'), { durationNs: 2_000_000 });
    expect(asleep.dataPath.activatedAt.get(1)).toBe(780_000);
    expect(asleep.hostCpu.busy).toBe(0);
    // adminq_wait counts the ring-entry wait: after A's first command (fetched at t = 0, before
    // the warm-up reset at t = 0, priority LATE) ring 0's 37 commands waited 30 (B's CREATE),
    // 30 (A's 2nd, behind B's CREATE), then 20 each — the 760 µs spun; none waits on ring 1.
    expect(run.groups.g1?.adminq_wait_mean_us).toBe(0);
    expect(run.groups.g0?.adminq_wait_mean_us).toBeCloseTo((30 + 30 + 35 * 20) / 37, 9);
  });

  it('EAGAIN, by hand: the device refuses a heavy command beyond heavyLimit, the driver backs off', () => {
    // heavyLimit 1, two workers, refusal 5 µs; CREATE 1 ms, every other command 0 ns; backoff
    // 10 µs × 2^k capped at 1 ms, drawn in [b/2, b].
    const config = burstOfOne((c) => {
      c.instances = 2;
      c.workload.groups = [group('g0', 2)];
      c.adminq = { ...c.adminq, workers: 2, submit: 0, heavyLimit: 1, refusal: 5000 };
      c.adminq.service = { ...serviceMap(det(0)), CREATE: det(1_000_000) };
      c.provisioning.netlinkService = det(0); // registration is not the question here
    });
    const run = runControl(config, { durationNs: 5_000_000 });
    // A's CREATE holds the one heavy slot 0–1000 µs; its 18 other commands take no time.
    expect(run.dataPath.activatedAt.get(0)).toBe(1_000_000);
    // B's k-th attempt is fetched at a_k: a_1 = 0, a_{k+1} = a_k + 5 + U_k with U_k in
    // [b_k / 2, b_k], b_k = min(1000, 10 · 2^(k−1)) µs: a_7 ≤ 660, a_8 in [670, 1305]; if
    // a_8 < 1000, a_9 in [1175, 2005]. B's CREATE starts at the first a_k ≥ 1000 µs (A's
    // zero-time commands end at 1000 µs, before a retry at that instant: completions come first),
    // so B is ready 1 ms later, in [2000, 3005] µs, after 7 or 8 refusals.
    const b = run.dataPath.activatedAt.get(1) as number;
    expect(b).toBeGreaterThanOrEqual(2_000_000);
    expect(b).toBeLessThanOrEqual(3_005_000);
    expect(run.plane.stats.retries.value).toBeGreaterThanOrEqual(7);
    expect(run.plane.stats.retries.value).toBeLessThanOrEqual(8);
    expect(run.groups.g0?.adminq_wait_mean_us).toBe(0); // backoff is not admin-queue wait
  });

  it('sync admin-vq serializes every command across instances', () => {
    const config = burstOfOne((c) => {
      c.instances = 5;
      c.workload.groups = [group('g0', 5)];
      c.adminq.mode = 'sync';
      c.adminq.workers = 8;
      c.provisioning.netlinkService = det(0); // registration is not the question here
    });
    const run = runControl(config, { durationNs: 10_000_000 });
    expect(run.plane.stats.burstLastReadyNs).toBe(5 * COMMANDS * 20_500);
    expect(run.plane.transport.adminQueue?.peakBusy).toBe(1);
  });

  it('a software CVQ saves one VQ and one vector: 14 commands', () => {
    const config = burstOfOne((c) => {
      c.strategy.cvq = 'software';
    });
    // CREATE, registration, FEAT, 2 × 4 VQ commands, 3 × MSI, STATUS.
    expect(provisionTime(config)).toBe(NETLINK + 14 * 20_500);
  });

  it('msi-store programs one message per command with 5 writes', () => {
    const config = burstOfOne((c) => {
      c.strategy.transport = 'per-vf';
      c.strategy.provisioning = 'netlink';
      c.strategy.interrupts = 'msi-store';
    });
    // As per-vf above with the four MSI commands at 5 writes, 0 reads instead of 2 and 1.
    expect(provisionTime(config)).toBe(NETLINK + 400_000_000 + (WRITES + 4 * 3) * W + (READS - 4) * R);
  });

  it('teardown over admin-vq: STATUS, 3 VQ disables, 4 MSI, DESTROY', () => {
    const config = fixtureConfig(1);
    const run = runControl(config, { durationNs: 1000 });
    expect(run.sim.now).toBe(1000);
    run.plane.provisioner.destroy(0);
    // The VMM resets the device first (8 commands), then `vdpa dev del` unregisters it under the
    // lock (1 ms), then DESTROY frees the member.
    const done = 1000 + 8 * 20_500 + NETLINK + 20_500;
    run.sim.run({ until: done - 1 });
    expect(run.plane.ledger.admitted).toBe(1);
    expect(run.sim.now).toBe(done - 1);
    run.sim.run({ until: done });
    expect(run.plane.ledger.admitted).toBe(0);
    expect(run.dataPath.deactivations).toBe(1);
  });
});

describe('runtime operation timelines (exact ns)', () => {
  function opLatencyNs(patch: (c: ModelConfig) => void): number {
    const config = fixtureConfig(1);
    config.workload.groups = [
      group('g0', 1, { control: { rate: 1, ops: { 'mac-set': 1 }, limit: undefined } }),
    ];
    patch(config);
    // One op per second on average: a 20 s window sees several, all isolated from each other.
    const run = runControl(config, { durationNs: 20_000_000_000 });
    expect(run.metrics.ctrl_ops_per_s).toBeGreaterThan(0);
    const h = run.plane.stats.ctrlLatency;
    expect(h.min).toBe(h.max);
    return h.min;
  }

  it("hardware CVQ: the instance's own CVQ service", () => {
    expect(opLatencyNs(() => {})).toBe(10_000);
  });

  it('software CVQ: decode on a host core, then one CONFIG command over the admin queue', () => {
    expect(opLatencyNs((c) => (c.strategy.cvq = 'software'))).toBe(5000 + 20_500);
  });

  it('software CVQ mq-set touches each data VQ enable', () => {
    expect(
      opLatencyNs((c) => {
        c.strategy.cvq = 'software';
        c.device.queuePairs = 2;
        (c.workload.groups[0] as { control: { ops: object } }).control.ops = { 'mq-set': 1 };
      }),
    ).toBe(5000 + 4 * 20_500);
  });

  it('config-read over managed-cap: select + 5 firmware-emulated reads', () => {
    expect(
      opLatencyNs((c) => {
        c.strategy.transport = 'managed-cap';
        (c.workload.groups[0] as { control: { ops: object } }).control.ops = { 'config-read': 1 };
      }),
    ).toBe(W + 5 * (R + F));
  });

  it('cvq none: CVQ ops are not issued, with one warning', () => {
    const config = fixtureConfig(1);
    config.strategy.cvq = 'none';
    config.workload.groups = [
      group('g0', 1, { control: { rate: 100, ops: { 'mac-set': 1 }, limit: undefined } }),
    ];
    const run = runControl(config, { durationNs: 100_000_000 });
    expect(run.metrics.ctrl_ops_per_s).toBe(0);
    expect(run.warnings.filter((w) => w.includes('cvq: none'))).toHaveLength(1);
    expect(run.sim.fingerprint.count).toBeLessThan(5);
  });

  it('ready start: instances are READY at t = 0 without control traffic', () => {
    const run = runControl(fixtureConfig(5), { durationNs: 1000 });
    expect(run.dataPath.activations).toBe(5);
    expect(run.plane.cmds.peakLive).toBe(0);
    expect(run.metrics.instances_ready).toBe(5);
    expect(Number.isNaN(run.metrics.provision_makespan_ms)).toBe(true);
    expect(run.plane.provisioner.ready.size).toBe(5);
    expect(InstanceState.READY).toBe(2);
  });
});

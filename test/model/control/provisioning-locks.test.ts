/**
 * What the one global vdpa_dev_lock serialises (issue 19, item 7), by hand on the fixture's
 * deterministic costs (timeline.test.ts: registration NETLINK = 1 ms, every admin command
 * 500 + 20 000 ns, 19 commands per instance, 16 admin workers so the transport never binds):
 *
 * - netlink's dev_add holds the lock around the request and CREATE only; with vhost-vdpa the
 *   VMM sets the VQs up and DRIVER_OK later by ioctl, outside it [[linux-vdpa-core]]
 *   [[linux-vhost-vdpa]]: N instances take N × (NETLINK + CREATE) + the last one's rest;
 * - with virtio-vdpa the host's virtio_net probes inside the registration, so the whole
 *   sequence holds the lock [[linux-virtio-vdpa]]: N × (NETLINK + sequence);
 * - an admin-vq CREATE runs before the lock, but the registration that makes the member a vDPA
 *   device still holds it: N × NETLINK + one CREATE + the last one's rest;
 * - SR-IOV VFs are made once and kept [[linux-pci-iov]]: a churned instance reuses its VF.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/model/config.js';
import { det, fixtureConfig, group } from './fixture-config.js';
import { runControl } from './harness.js';

const NETLINK = 1_000_000;
const COMMAND = 20_500;
const COMMANDS = 19;
const N = 20;

function burst(patch: (c: ModelConfig) => void): ModelConfig {
  const config = fixtureConfig(N);
  config.provisioning.start = 'burst';
  config.adminq.workers = 16;
  config.strategy.transport = 'admin-vq';
  patch(config);
  return config;
}

const makespan = (config: ModelConfig) => {
  const run = runControl(config, { durationNs: 1_000_000_000 });
  expect(run.metrics.instances_ready).toBe(N);
  return run.plane.stats.burstLastReadyNs;
};

describe('the vDPA management lock', () => {
  it('netlink with vhost-vdpa holds it for the request and CREATE: N × (1 ms + 20.5 µs) + 18 commands', () => {
    const m = makespan(burst((c) => (c.strategy.provisioning = 'netlink')));
    expect(m).toBe(N * (NETLINK + COMMAND) + (COMMANDS - 1) * COMMAND);
    // Creation rate → 1 / (NETLINK + CREATE) = 980/s, not 1 / (NETLINK + sequence) = 720/s.
  });

  it('netlink with virtio-vdpa holds it for the whole bring-up: N × (1 ms + 19 × 20.5 µs)', () => {
    const m = makespan(
      burst((c) => {
        c.strategy.provisioning = 'netlink';
        c.provisioning.bus = 'virtio-vdpa';
      }),
    );
    expect(m).toBe(N * (NETLINK + COMMANDS * COMMAND));
  });

  it('admin-vq creates outside it but registers under it: N × 1 ms + CREATE + 18 commands', () => {
    // The 20 CREATEs run on 16 workers (done at 20.5 and 41 µs), long before the lock frees.
    const m = makespan(burst((c) => (c.strategy.provisioning = 'admin-vq')));
    expect(m).toBe(COMMAND + N * NETLINK + (COMMANDS - 1) * COMMAND);
  });

  it('a free SR-IOV VF is reused: re-creating a torn-down instance creates no VF', () => {
    const config = fixtureConfig(1);
    config.strategy.transport = 'per-vf';
    config.strategy.provisioning = 'netlink';
    config.workload.groups = [group('g0', 1)];
    const run = runControl(config, { durationNs: 1000 });
    run.plane.provisioner.destroy(0);
    run.sim.run({ until: 1_000_000_000 });
    expect(run.plane.ledger.admitted).toBe(0);
    const t = run.sim.now;
    run.plane.provisioner.create(0);
    run.sim.run({ until: t + 2_000_000_000 });
    // Registration (1 ms) + the BAR accesses of the 18 commands after CREATE (52 writes × 150 +
    // 14 reads × 1000, timeline.test.ts): no 0.4 s VF creation, the VF was kept.
    expect(run.dataPath.activatedAt.get(0)).toBe(t + NETLINK + 52 * 150 + 14 * 1000);
  });

  it('a VF beyond those ever made is created (0.4 s), serialized per PF', () => {
    const config = fixtureConfig(2);
    config.provisioning.start = 'burst';
    config.strategy.transport = 'per-vf';
    config.strategy.provisioning = 'netlink';
    config.provisioning.netlinkService = det(0); // the PF's VF creation alone serializes them
    const run = runControl(config, { durationNs: 2_000_000_000 });
    const bar = 52 * 150 + 14 * 1000;
    expect(run.dataPath.activatedAt.get(0)).toBe(400_000_000 + bar);
    expect(run.dataPath.activatedAt.get(1)).toBe(800_000_000 + bar);
  });
});

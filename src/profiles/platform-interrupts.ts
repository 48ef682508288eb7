/**
 * Platform defaults of `interrupts.*`, `host.swCvqDecode`, `provisioning.concurrency` and
 * `provisioning.netlink*`.
 */
import { ms, us } from '../util/units.js';
import { between, exponential, type ProfileParam } from './profile.js';

export const PLATFORM_INTERRUPTS: ProfileParam[] = [
  {
    path: 'interrupts.coalescing.kind',
    value: 'static',
    unit: 'kind',
    rangeNote: 'static | adaptive',
    basis: 'design',
    cite: ['virtio-net', 'linux-net-dim'],
    note: 'static = virtio-net NOTF_COAL thresholds; adaptive = the Linux net_dim profiles',
  },
  {
    path: 'interrupts.coalescing.maxPackets',
    value: 0,
    unit: 'packets',
    range: between(0, 256),
    rangeNote: '0 = every packet; mlx5e (a host NIC driver, not virtio) defaults to 32',
    basis: 'spec',
    cite: ['virtio-net', 'linux-virtio-net-cvq', 'linux-mlx5e-moderation'],
    note: 'a virtio-net device resets coalescing to 0 and virtio_net keeps it: every completion notifies',
  },
  {
    path: 'interrupts.coalescing.maxUsecs',
    value: 0,
    unit: 'µs',
    range: between(0, 256),
    rangeNote: '0 = every packet; static practice 3–64 µs (mlx5e: 16 µs)',
    basis: 'spec',
    cite: ['virtio-net', 'linux-virtio-net-cvq', 'linux-mlx5e-moderation'],
    note: 'the virtio reset value, kept by virtio_net (ethtool -C sets it); kept in µs like virtio max_usecs',
  },
  {
    path: 'interrupts.delivery',
    value: 'posted',
    unit: 'mode',
    rangeNote: 'posted | exit',
    basis: 'measured',
    cite: ['gordon-eli-2012'],
    note: 'exitless delivery reaches 97–100% of bare metal; assumes APICv posted interrupts',
  },
  {
    path: 'interrupts.exit',
    value: 710,
    unit: 'ns',
    range: between(440, 2000),
    rangeNote: 'tail to ≈ 100 µs',
    basis: 'measured',
    cite: ['linux-kvm-posted-timer'],
    note: 'EXTERNAL_INTERRUPT exit handling averages 0.71 µs on Skylake',
  },
  {
    path: 'interrupts.exitsPerInterrupt',
    value: 2,
    unit: 'exits',
    range: between(1, 3),
    basis: 'estimate',
    cite: ['linux-kvm-pv-eoi'],
    note: "the interrupt's exit plus the EOI write's exit; a paravirtual EOI halves the exits",
  },
  {
    path: 'interrupts.posted',
    value: 500,
    unit: 'ns',
    range: between(200, 2000),
    basis: 'estimate',
    cite: ['gordon-eli-2012'],
    note:
      'MSI write, IRTE lookup and notification IPI to a running vCPU, no exit; bounded by the 1.3–1.6× gain ' +
      'of exitless over exit delivery',
  },
  {
    path: 'interrupts.guestIrq',
    value: us(1),
    unit: 'ns',
    range: between(us(0.5), us(5)),
    basis: 'estimate',
    cite: [],
    note: 'guest irq entry/exit, vring_interrupt and NAPI scheduling',
  },
  {
    path: 'interrupts.guestPerPacket',
    value: 500,
    unit: 'ns',
    range: between(200, 2000),
    basis: 'estimate',
    cite: [],
    note: 'guest virtio-net per-packet completion work (detach buffer, skb handling, refill)',
  },
  {
    path: 'interrupts.sharerCheck',
    value: 100,
    unit: 'ns',
    range: between(50, 300),
    basis: 'estimate',
    cite: [],
    note: "one cache-missing read of a sharer's used->idx ≈ one memory access (cf. iommu.walk.memAccess 75 ns)",
  },
  {
    path: 'interrupts.pollInterval',
    value: us(10),
    unit: 'ns',
    range: between(us(1), us(100)),
    basis: 'estimate',
    cite: [],
    note: 'a polling core sweeps its rings every 10 µs, below the 16 µs coalescing timer it replaces',
  },
  {
    path: 'interrupts.pollPerRing',
    value: 100,
    unit: 'ns',
    range: between(50, 300),
    basis: 'estimate',
    cite: [],
    note: 'one used-ring index read per ring, like interrupts.sharerCheck',
  },
];

export const PLATFORM_HOST_AND_PROVISIONING: ProfileParam[] = [
  {
    path: 'host.swCvqDecode',
    value: exponential(us(5)),
    unit: 'dist(ns)',
    range: between(us(1), us(50)),
    basis: 'estimate',
    cite: ['linux-kvm-posted-timer', 'linux-vdpa-sim'],
    note:
      "trap the guest's CVQ kick (a VM exit ≈ 0.71 µs), fetch the descriptor chain, decode, dispatch to the " +
      'parent op and write the ack, as a shadow CVQ in its own address space does',
  },
  {
    path: 'provisioning.concurrency',
    value: 10,
    unit: 'callers',
    range: between(1, 1000),
    basis: 'spec',
    cite: ['openstack-nova-builds'],
    note:
      'the default max_concurrent_builds of OpenStack Nova: one compute host builds 10 instances at once and ' +
      'queues the rest; other orchestrators differ, so the range is wide',
  },
  {
    path: 'provisioning.bus',
    value: 'vhost-vdpa',
    unit: 'driver',
    rangeNote: 'vhost-vdpa | virtio-vdpa',
    basis: 'design',
    cite: ['linux-vhost-vdpa', 'linux-virtio-vdpa'],
    note: 'instances are handed to VMs (vhost-vdpa), the hyperscale case; virtio-vdpa serves host containers',
  },
  {
    path: 'provisioning.netlinkService',
    value: exponential(ms(1)),
    unit: 'dist(ns)',
    range: between(ms(0.2), ms(10)),
    basis: 'estimate',
    cite: ['iproute2-vdpa', 'linux-vdpa-core'],
    note:
      'one `vdpa dev add` netlink round trip plus device registration (device_add, vhost-vdpa char device, ' +
      "uevent) under the global vdpa_dev_lock; the parent's own operations are modelled separately",
  },
  {
    path: 'provisioning.netlinkPerInstance',
    value: 0,
    unit: 'ns/instance',
    range: between(0, ms(25)),
    basis: 'reported',
    cite: ['mlnx-tools-sf-creation'],
    note:
      'the kernel `vdpa dev add` path lists nothing; tools that list all ports per call cost ≈ 12.5–25 ms per ' +
      'existing SF (5–10 s per create at ≈ 400 SFs)',
  },
];

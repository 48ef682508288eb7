/**
 * Platform defaults of `interrupts.*`, `host.swCvqDecode` and `provisioning.netlink*`.
 * Each `source` names the facts.md section and its primary source, or starts with 'estimate:'.
 */
import { ms, us } from '../util/units.js';
import { exponential, type ProfileParam } from './profile.js';

export const PLATFORM_INTERRUPTS: ProfileParam[] = [
  {
    path: 'interrupts.coalescing.kind',
    value: 'static',
    unit: 'kind',
    range: 'static | adaptive',
    source:
      'virtio-net NOTF_COAL values (facts.md §1); adaptive = the net_dim profiles of facts.md §4 (lib/dim/net_dim.c [spec])',
  },
  {
    path: 'interrupts.coalescing.maxPackets',
    value: 32,
    unit: 'packets',
    range: '0–256 (0 = every packet)',
    source:
      'facts.md §4 "Static ethtool defaults": mlx5e 16 µs / 32 packets (MLX5E_PARAMS_DEFAULT_*_CQ_MODERATION_*, en.h) [spec]',
  },
  {
    path: 'interrupts.coalescing.maxUsecs',
    value: 16,
    unit: 'µs',
    range: '0–256 µs (static practice 3–64)',
    source:
      'facts.md §4 "Static ethtool defaults": mlx5e 16 µs / 32 packets (en.h) [spec]; the field is in µs like max_usecs',
  },
  {
    path: 'interrupts.delivery',
    value: 'posted',
    unit: 'mode',
    range: 'posted | exit',
    source:
      'facts.md §4 "Exitless and posted interrupts": exitless delivery reaches 97–100% of bare metal (ELI, Gordon ' +
      'et al., ASPLOS 2012) [meas]; assumes APICv posted interrupts',
  },
  {
    path: 'interrupts.exitNs',
    value: 710,
    unit: 'ns',
    range: '440 ns – 100 µs (tail)',
    source:
      'facts.md §4: EXTERNAL_INTERRUPT exit handling averages 0.71 µs on Skylake (KVM commit 0c5f81dad46c) [meas]',
  },
  {
    path: 'interrupts.exitsPerInterrupt',
    value: 2,
    unit: 'exits',
    range: '1–3',
    source:
      'estimate: the interrupt\'s exit plus the EOI write\'s exit; PV EOI halves the exits (facts.md §4 "PV EOI") [spec]',
  },
  {
    path: 'interrupts.postedNs',
    value: 500,
    unit: 'ns',
    range: '0.2–2 µs',
    source:
      'estimate: MSI write, IRTE lookup and notification IPI to a running vCPU, no exit; bounded by the 1.3–1.6× ' +
      'ELI gain over exit delivery (facts.md §4)',
  },
  {
    path: 'interrupts.guestIrqNs',
    value: us(1),
    unit: 'ns',
    range: '0.5–5 µs',
    source: 'estimate: guest irq entry/exit, vring_interrupt and NAPI scheduling',
  },
  {
    path: 'interrupts.guestPerPacketNs',
    value: 500,
    unit: 'ns',
    range: '0.2–2 µs',
    source: 'estimate: guest virtio-net per-packet completion work (detach buffer, skb handling, refill)',
  },
  {
    path: 'interrupts.sharerCheckNs',
    value: 100,
    unit: 'ns',
    range: '50–300 ns',
    source:
      "estimate: one cache-missing read of a sharer's used->idx ≈ one memory access (cf. iommu.walk.memAccessNs 75 ns)",
  },
  {
    path: 'interrupts.pollIntervalNs',
    value: us(10),
    unit: 'ns',
    range: '1–100 µs',
    source:
      'estimate: a polling core sweeps its rings every 10 µs, below the 16 µs coalescing timer it replaces',
  },
  {
    path: 'interrupts.pollPerRingNs',
    value: 100,
    unit: 'ns',
    range: '50–300 ns',
    source: 'estimate: one used-ring index read per ring, like interrupts.sharerCheckNs',
  },
];

export const PLATFORM_HOST_AND_PROVISIONING: ProfileParam[] = [
  {
    path: 'host.swCvqDecode',
    value: exponential(us(5)),
    unit: 'dist(ns)',
    range: '1–50 µs',
    source:
      "estimate: trap the guest's CVQ kick (VM exit ≈ 0.71 µs, facts.md §4), fetch the descriptor chain, decode, " +
      'dispatch to the parent op and write the ack (facts.md §6 "Software CVQ in the vDPA layer")',
  },
  {
    path: 'provisioning.netlinkService',
    value: exponential(ms(1)),
    unit: 'dist(ns)',
    range: '0.2–10 ms',
    source:
      'estimate: one `vdpa dev add` netlink round trip (facts.md §5 "vdpa tool") plus device registration ' +
      '(device_add, vhost-vdpa char device, uevent) under the global vdpa_dev_lock (facts.md §5, drivers/vdpa/vdpa.c ' +
      "[spec]); the parent's own operations are modelled separately",
  },
  {
    path: 'provisioning.netlinkPerInstanceNs',
    value: 0,
    unit: 'ns/instance',
    range: '0–25 ms',
    source:
      'the kernel `vdpa dev add` path lists nothing; tools that list all ports per call cost ≈ 12.5–25 ms per ' +
      'existing SF (5–10 s per create at ≈ 400 SFs, Mellanox/mlnx-tools PR #90, facts.md §5) [anec]',
  },
];

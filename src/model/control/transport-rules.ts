/**
 * The five transports to a managed device (model.md §2) as small cost rules with one
 * interface: where each command contends (`channels`, `channelOf`) and how long it holds that
 * place (`holdNs`). Bookkeeping — queues, events, host-CPU accounting — is the `Transport`
 * base's (transport.ts). Constants are the profile's (`config.transport`, `config.adminq`);
 * the rules only combine them, and cite where each combination comes from.
 */
import { type Distribution, makeDistribution } from '../../random/distribution.js';
import type { RandomStream } from '../../random/random-stream.js';
import { COMMAND_CLASSES, type ModelConfig } from '../config.js';
import { CLASS_CODE, HEAVY_CODES } from './command-class.js';
import { pollUntilDoneNs } from './poll.js';
import { type ChannelSpec, sumSamples, type TransportModel, type TransportRule } from './strategy-ports.js';

const CREATE = CLASS_CODE.CREATE;
const DESTROY = CLASS_CODE.DESTROY;

const slots = (name: string, n: number, throttled = n): ChannelSpec => ({
  name,
  kind: 'slots',
  slots: n,
  throttledSlots: throttled,
});

/** Size of the talk's command-data and config windows (`u8 command-specific-data[256]`, `u8 config[256]`). */
export const WINDOW_BYTES = 256;
/** Bytes per posted write of the managed-cap `config[256]` window (iowrite32). */
const CONFIG_WRITE_BYTES = 4;
/** Bytes per uncached store of device-cmd-cap data (facts.md §2: "32 × 8-byte UC writes"). */
const UC_STORE_BYTES = 8;

/**
 * The managed-cap create sequence (talk: VIRTIO_PCI_CAP_MANAGED_DEV_CFG): `device_select`,
 * `createConfigBytes` of config as 32-bit posted writes, `create`, then poll `create_ok`
 * (a firmware-emulated register read) until the device has built the instance.
 */
export function managedCapCreateNs(
  config: ModelConfig,
  mmioRead: Distribution,
  create: Distribution,
  rng: RandomStream,
): number {
  const t = config.transport;
  const writes = 2 + Math.ceil(Math.min(t.createConfigBytes, WINDOW_BYTES) / CONFIG_WRITE_BYTES);
  return (
    writes * t.mmioWriteNs +
    pollUntilDoneNs(create.sample(rng), t.pollIntervalNs, mmioRead, t.fwEmulationNs, rng)
  );
}

export const PER_VF: TransportRule = {
  name: 'per-vf',
  description:
    'SR-IOV: each instance is a VF with its own BAR, so register accesses never contend across instances; VF creation is slow and serialized per PF, and TotalVFs caps the count.',
  sources: [
    'facts.md §2 "MMIO write (posted)", "MMIO read (non-posted)"',
    'facts.md §2 "SR-IOV VF creation time" (0.3–0.5 s per VF, serial)',
    'facts.md §2 "SR-IOV VF counts"',
  ],
  build(config, rng): TransportModel {
    const t = config.transport;
    const read = makeDistribution(t.mmioRead);
    const vfCreate = makeDistribution(t.vfCreate);
    return {
      channels: [slots('per-vf/bar', Number.POSITIVE_INFINITY), slots('per-vf/pf-vf-create', 1)],
      channelOf: (cls) => (cls === CREATE ? 1 : 0),
      holdNs(cls, writes, reads) {
        if (cls === CREATE) return vfCreate.sample(rng);
        // Removing the vDPA device: one posted write (status reset already ran); no measurement
        // of VF/SF removal was found, so it is not charged beyond that.
        if (cls === DESTROY) return t.mmioWriteNs;
        return writes * t.mmioWriteNs + sumSamples(read, reads, rng);
      },
      heavy: () => false,
      // VF creation sleeps in the PF driver and firmware; BAR accesses keep the CPU busy.
      hostBusy: (cls) => cls !== CREATE,
    };
  },
};

export const MANAGED_CAP: TransportRule = {
  name: 'managed-cap',
  description:
    'One register window: write device_select, then ordinary common-config accesses, all under one lock held across every instance; reads are non-posted round trips plus firmware emulation.',
  sources: [
    'talk: VIRTIO_PCI_CAP_MANAGED_DEV_CFG (a proposal, not in the spec: facts.md preamble)',
    'facts.md §2 "MMIO read (non-posted)" (1 µs, 0.5–5 µs, + firmware when emulated)',
  ],
  build(config, rng): TransportModel {
    const t = config.transport;
    const read = makeDistribution(t.mmioRead);
    const create = makeDistribution(t.createService);
    return {
      channels: [slots('managed-cap/lock', 1)],
      channelOf: () => 0,
      holdNs(cls, writes, reads) {
        if (cls === CREATE) return managedCapCreateNs(config, read, create, rng);
        // device_select, destroy, read back: the cap has no destroy poll in the talk.
        if (cls === DESTROY) return 2 * t.mmioWriteNs + read.sample(rng) + t.fwEmulationNs;
        return (1 + writes) * t.mmioWriteNs + sumSamples(read, reads, rng, t.fwEmulationNs);
      },
      heavy: () => false,
      hostBusy: () => true,
    };
  },
};

export const DEVICE_CMD_CAP: TransportRule = {
  name: 'device-cmd-cap',
  description:
    'One command slot for the whole device: class and command, up to 256 bytes of data as uncached stores, execute, then poll the ack while the device processes it.',
  sources: [
    'talk: VIRTIO_PCI_CAP_DEVICE_CMD_CFG (a proposal, not in the spec: facts.md preamble)',
    'facts.md §2 "MMIO write (posted)" (256 B as 32 × 8-byte UC stores ≈ 3–20 µs)',
    'CREATE: transport.createService, the device work of building an instance (as managed-cap create)',
  ],
  build(config, rng): TransportModel {
    const t = config.transport;
    const read = makeDistribution(t.mmioRead);
    const service = makeDistribution(t.deviceCmdService);
    // Building a managed device is the same device work whatever carries the request
    // (transport.createService, as managed-cap's `create` and the admin-queue CREATE); only
    // the way the driver issues it and waits for it is this transport's.
    const create = makeDistribution(t.createService);
    // class+command write, data stores, execute write.
    const dataBytes = Math.min(t.deviceCmdDataBytes, WINDOW_BYTES);
    const issueNs = 2 * t.mmioWriteNs + Math.ceil(dataBytes / UC_STORE_BYTES) * t.ucStoreNs;
    return {
      channels: [slots('device-cmd-cap/slot', 1)],
      channelOf: () => 0,
      holdNs: (cls) =>
        issueNs +
        pollUntilDoneNs((cls === CREATE ? create : service).sample(rng), t.pollIntervalNs, read, 0, rng),
      heavy: () => false,
      hostBusy: () => true,
    };
  },
};

export const ADMIN_VQ: TransportRule = {
  name: 'admin-vq',
  description:
    'Commands travel on admin virtqueues (virtio 1.3): each a ring the driver posts into (a full ring makes the submitter wait for an entry); the device fetches from the rings in its arbitration order when a worker is free, in order within a queue, any order across queues; EAGAIN only when the device refuses a command, then the driver retries with backoff.',
  sources: [
    '[[virtio-admin]]: in order within a queue, any order across queues; EAGAIN without side effects',
    '[[linux-virtio-pci-admin]]: the sync (mutex, busy polling) and async (-ENOSPC cpu_relax() retry) drivers',
    '[[linux-nvme-admin]]: a 32-entry admin queue',
  ],
  build(config, rng): TransportModel {
    const service = COMMAND_CLASSES.map((c) => makeDistribution(config.adminq.service[c]));
    return {
      channels: [
        {
          name: 'admin-vq',
          kind: 'admin-queue',
          slots: config.adminq.workers,
          throttledSlots: config.adminq.workers,
        },
      ],
      channelOf: () => 0,
      holdNs: (cls) => (service[cls] as Distribution).sample(rng),
      heavy: () => false,
      // The admin queue accounts its own host time (submission, sync-mode busy polling).
      hostBusy: () => false,
    };
  },
};

export const VENDOR: TransportRule = {
  name: 'vendor',
  description:
    'mlx5-like firmware command channel: a fixed number of slots served in parallel, heavy commands (create, destroy, VQ object) limited to a throttled sub-pool, about 1 ms per command.',
  sources: [
    'facts.md §6 "mlx5 command interface" (31 slots, throttle semaphore ≈ 16)',
    'facts.md §6 "Firmware command latency" (≈ 1.1 ms per VQ modify, serialized)',
  ],
  build(config, rng): TransportModel {
    const t = config.transport;
    const service = makeDistribution(t.vendorService);
    return {
      channels: [slots('vendor/fw-cmd', t.vendorSlots, t.vendorThrottledSlots)],
      channelOf: () => 0,
      holdNs: () => service.sample(rng),
      heavy: (cls) => HEAVY_CODES.has(cls),
      // mlx5 sleeps on the command completion (EQ); the driver does not spin.
      hostBusy: () => false,
    };
  },
};

/** Every transport, in the order documentation lists them (config.ts TRANSPORTS). */
export const TRANSPORT_RULES: readonly TransportRule[] = [
  PER_VF,
  MANAGED_CAP,
  DEVICE_CMD_CAP,
  ADMIN_VQ,
  VENDOR,
];

export function transportRule(name: string): TransportRule {
  const rule = TRANSPORT_RULES.find((r) => r.name === name);
  if (rule === undefined) throw new Error(`no transport rule '${name}'`);
  return rule;
}

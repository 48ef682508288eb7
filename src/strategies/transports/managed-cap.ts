import { CLASS_CODE } from '../../model/control/command-class.js';
import { pollUntilDoneNs } from '../../model/control/poll.js';
import { sumSamples, type TransportModel, WINDOW_BYTES } from '../../model/control/strategy-ports.js';
import { makeDistribution } from '../../random/distribution.js';
import { slots, transports } from './transports.js';

const CREATE = CLASS_CODE.CREATE;
const DESTROY = CLASS_CODE.DESTROY;
/** Bytes per posted write of the managed-cap `config[256]` window (iowrite32). */
const CONFIG_WRITE_BYTES = 4;

transports.register({
  kind: 'transport',
  name: 'managed-cap',
  summary: 'device_select window',
  description:
    'One register window: write device_select, then ordinary common-config accesses, all under one lock held across every instance; reads are non-posted round trips plus firmware emulation.',
  // VIRTIO_PCI_CAP_MANAGED_DEV_CFG is the talk's proposal, not in the spec [[wang-hyperscale-vdpa]].
  cite: ['wang-hyperscale-vdpa', 'so-mmio-read'],
  uses: [],
  ignores: [],
  ownVectorTable: false,
  draws: () => ({}),
  build(config, rng): TransportModel {
    const t = config.transport;
    const read = makeDistribution(t.mmioRead);
    const create = makeDistribution(t.createService);
    // The create sequence: device_select, createConfig bytes of config as 32-bit posted
    // writes, `create`, then poll `create_ok` (a firmware-emulated read) until it is built.
    const createWrites = 2 + Math.ceil(Math.min(t.createConfig, WINDOW_BYTES) / CONFIG_WRITE_BYTES);
    return {
      channels: [slots('managed-cap/lock', 1)],
      channelOf: () => 0,
      holdNs(cls, writes, reads) {
        if (cls === CREATE) {
          return (
            createWrites * t.mmioWrite +
            pollUntilDoneNs(create.sample(rng), t.pollInterval, read, t.fwEmulation, rng)
          );
        }
        // device_select, destroy, read back: the cap has no destroy poll in the talk.
        if (cls === DESTROY) return 2 * t.mmioWrite + read.sample(rng) + t.fwEmulation;
        return (1 + writes) * t.mmioWrite + sumSamples(read, reads, rng, t.fwEmulation);
      },
      heavy: () => false,
      hostBusy: () => true,
    };
  },
});

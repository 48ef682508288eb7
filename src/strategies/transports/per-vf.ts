import { CLASS_CODE } from '../../model/control/command-class.js';
import { sumSamples, type TransportModel } from '../../model/control/strategy-ports.js';
import { makeDistribution } from '../../random/distribution.js';
import { slots, transports } from './transports.js';

const CREATE = CLASS_CODE.CREATE;
const DESTROY = CLASS_CODE.DESTROY;

transports.register({
  kind: 'transport',
  name: 'per-vf',
  summary: 'SR-IOV BARs',
  description:
    'SR-IOV: each instance is a VF with its own BAR, so register accesses never contend across instances; VFs are created in bulk, slowly and serialized per PF, and kept (a churned instance reuses a free VF); TotalVFs caps the count.',
  cite: [
    'intel-forum-uc-writes',
    'so-mmio-read',
    'nmstate-vf-creation',
    'nvidia-cx6dx-firmware',
    'linux-pci-iov',
  ],
  // limits.totalVfs and limits.msixPerVf apply to any instance that is a function (a parent
  // with one device per function too): scenario/ignored-options.ts says when they are ignored.
  uses: ['transport.vfCreate'],
  ignores: [],
  ownVectorTable: true,
  draws: () => ({ vfs: 1 }),
  build(config, rng): TransportModel {
    const t = config.transport;
    const read = makeDistribution(t.mmioRead);
    const vfCreate = makeDistribution(t.vfCreate);
    // sriov_numvfs creates VFs in bulk and a non-zero count cannot change [[linux-pci-iov]], so
    // VFs are kept: a CREATE brings up a new VF only when every VF so far carries an instance,
    // and otherwise adds the vDPA device to a free one (no VF creation). Per run, not global.
    // Instances READY at time zero sit on VFs made before the run.
    let vfs = config.provisioning.start === 'ready' ? config.instances : 0;
    let live = vfs;
    return {
      channels: [slots('per-vf/bar', Number.POSITIVE_INFINITY), slots('per-vf/pf-vf-create', 1)],
      channelOf: (cls) => (cls === CREATE ? 1 : 0),
      holdNs(cls, writes, reads) {
        if (cls === CREATE) {
          live++;
          if (live <= vfs) return 0;
          vfs = live;
          return vfCreate.sample(rng);
        }
        // Removing the vDPA device: one posted write (status reset already ran); the VF stays.
        if (cls === DESTROY) {
          live--;
          return t.mmioWrite;
        }
        return writes * t.mmioWrite + sumSamples(read, reads, rng);
      },
      heavy: () => false,
      // VF creation sleeps in the PF driver and firmware; BAR accesses keep the CPU busy.
      hostBusy: (cls) => cls !== CREATE,
    };
  },
});

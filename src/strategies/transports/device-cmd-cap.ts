import { CLASS_CODE } from '../../model/control/command-class.js';
import { pollUntilDoneNs } from '../../model/control/poll.js';
import { type TransportModel, WINDOW_BYTES } from '../../model/control/strategy-ports.js';
import { makeDistribution } from '../../random/distribution.js';
import { slots, transports } from './transports.js';

const CREATE = CLASS_CODE.CREATE;
/** Bytes per uncached store of device-cmd-cap data (256 B as 32 × 8-byte UC writes [[intel-forum-uc-writes]]). */
const UC_STORE_BYTES = 8;

transports.register({
  kind: 'transport',
  name: 'device-cmd-cap',
  summary: 'one command slot',
  description:
    'One command slot for the whole device: class and command, up to 256 bytes of data as uncached stores, execute, then poll the ack while the device processes it.',
  // VIRTIO_PCI_CAP_DEVICE_CMD_CFG is the talk's proposal, not in the spec [[wang-hyperscale-vdpa]].
  cite: ['wang-hyperscale-vdpa', 'intel-forum-uc-writes'],
  uses: [
    'transport.deviceCmdService',
    'transport.deviceCmdData',
    'transport.ucStore',
    'transport.pollInterval',
  ],
  ignores: [],
  ownVectorTable: false,
  draws: () => ({}),
  build(config, rng): TransportModel {
    const t = config.transport;
    const read = makeDistribution(t.mmioRead);
    const service = makeDistribution(t.deviceCmdService);
    // Building a managed device is the same device work whatever carries the request
    // (transport.createService, as managed-cap's `create` and the admin-queue CREATE); only
    // the way the driver issues it and waits for it is this transport's.
    const create = makeDistribution(t.createService);
    // class+command write, data stores, execute write.
    const dataBytes = Math.min(t.deviceCmdData, WINDOW_BYTES);
    const issueNs = 2 * t.mmioWrite + Math.ceil(dataBytes / UC_STORE_BYTES) * t.ucStore;
    return {
      channels: [slots('device-cmd-cap/slot', 1)],
      channelOf: () => 0,
      holdNs: (cls) =>
        issueNs +
        pollUntilDoneNs((cls === CREATE ? create : service).sample(rng), t.pollInterval, read, 0, rng),
      heavy: () => false,
      hostBusy: () => true,
    };
  },
});

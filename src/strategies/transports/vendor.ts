import { HEAVY_CODES } from '../../model/control/command-class.js';
import type { TransportModel } from '../../model/control/strategy-ports.js';
import { makeDistribution } from '../../random/distribution.js';
import { slots, transports } from './transports.js';

transports.register({
  kind: 'transport',
  name: 'vendor',
  summary: 'firmware command channel',
  description:
    'mlx5-like firmware command channel: a fixed number of slots served in parallel, heavy commands (create, destroy, VQ object) limited to a throttled sub-pool, about 1 ms per command.',
  // 31 slots with a throttle semaphore of 16 [[linux-mlx5-cmd]]; ≈ 1.1 ms per serialised VQ
  // modify [[mlx5-vdpa-suspend-2024]].
  cite: ['linux-mlx5-cmd', 'mlx5-vdpa-suspend-2024'],
  uses: ['transport.vendorSlots', 'transport.vendorThrottledSlots', 'transport.vendorService'],
  ignores: [],
  ownVectorTable: false,
  draws: () => ({}),
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
});

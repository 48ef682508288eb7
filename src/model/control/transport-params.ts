/**
 * Section `transport`: the costs of the transports to a managed device (values from the parent
 * profile; a scenario overrides them under the same keys). Which transport reads which is
 * declared by the transports themselves (`uses`, src/strategies/transports/).
 */
import { choice, count, duration, latency, section, size, when } from '../params/param.js';
import { WINDOW_BYTES } from './strategy-ports.js';

export const TRANSPORT = section(
  'transport',
  'Costs of the transports that configure managed devices: overrides of the parent profile.',
  {
    mmioRead: latency({
      description: 'Non-posted register read round trip (≈ 1us for a hardware register).',
    }),
    mmioWrite: duration({ description: 'CPU issue cost of one posted register write.' }),
    fwEmulation: duration({
      description: 'Extra time per register read when device firmware emulates the register.',
    }),
    deviceCmdService: latency({
      description: 'Device-side processing of one device-cmd-cap command after `execute`.',
    }),
    deviceCmdData: size({
      max: WINDOW_BYTES,
      description: 'Command data written per device-cmd-cap command (≤ 256B).',
      cite: ['wang-hyperscale-vdpa'],
    }),
    ucStore: duration({ description: 'CPU cost of one 8-byte uncached store.' }),
    pollInterval: duration({
      min: 0,
      exclusiveMin: true,
      description: 'Interval between ack polls (device-cmd-cap, managed-cap create).',
    }),
    vfCreate: latency({ description: 'SR-IOV VF creation time, serialized per PF (0.3–0.5 s measured).' }),
    vendorSlots: count(
      { min: 1, max: 1024 },
      { unit: 'slots', description: 'Firmware command channel slots (mlx5: 31).', cite: ['linux-mlx5-cmd'] },
    ),
    vendorThrottledSlots: count(
      { min: 0, max: 1024 },
      {
        unit: 'slots',
        description: 'Slots usable by heavy (throttled) commands (mlx5: 16); ≤ vendorSlots.',
        cite: ['linux-mlx5-cmd'],
      },
    ),
    vendorService: latency({ description: 'Firmware command service time (≈ 1.1 ms on mlx5).' }),
    createConfig: size({
      max: WINDOW_BYTES,
      description: 'managed-cap-create: config bytes written before `create` (≤ 256B).',
      cite: ['wang-hyperscale-vdpa'],
    }),
    createService: latency({ description: 'Device time to build a managed device after `create`.' }),
    vqCommands: choice(['serial', 'parallel'], {
      description:
        "How the parent applies a guest queue change (a software-CVQ mq-set): one VQ command after another, or all of the change's VQ commands at once (parallel), the operation going on when the last completes.",
      cite: ['mlx5-vdpa-suspend-2024'],
      appliesWhen: [
        when('strategy.cvq', ['software'], 'strategy.cvq is not software (the device applies mq-set itself)'),
      ],
    }),
  },
  { title: 'transport' },
);

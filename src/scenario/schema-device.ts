/**
 * Scenario section `transport`: the costs of the transports a parent profile describes. Every
 * key overrides the profile value of the same ModelConfig field (the model field name minus its
 * unit suffix: `mmioWrite` sets `transport.mmioWriteNs`), until the control plane declares its
 * parameters like the other sections.
 */
import { z } from 'zod';
import { distribution } from './distribution-schema.js';
import { count, duration, size } from './quantity.js';

const latency = () => distribution('duration');

export const transportSchema = z
  .strictObject({
    mmioRead: latency()
      .optional()
      .describe('Non-posted register read round trip (≈ 1us for a hardware register).'),
    mmioWrite: duration().optional().describe('CPU issue cost of one posted register write.'),
    fwEmulation: duration()
      .optional()
      .describe('Extra time per register read when device firmware emulates the register.'),
    deviceCmdService: latency()
      .optional()
      .describe('Device-side processing of one device-cmd-cap command after `execute`.'),
    deviceCmdData: size({ max: 256 })
      .optional()
      .describe('Command data written per device-cmd-cap command (≤ 256B).'),
    ucStore: duration().optional().describe('CPU cost of one 8-byte uncached store.'),
    pollInterval: duration({ min: 0, exclusiveMin: true })
      .optional()
      .describe('Interval between ack polls (device-cmd-cap, managed-cap create).'),
    vfCreate: latency()
      .optional()
      .describe('SR-IOV VF creation time, serialized per PF (0.3–0.5 s measured).'),
    vendorSlots: count(1, 1024).optional().describe('Firmware command channel slots (mlx5: 31).'),
    vendorThrottledSlots: count(0, 1024)
      .optional()
      .describe('Slots usable by heavy (throttled) commands (mlx5: 16); ≤ vendorSlots.'),
    vendorService: latency().optional().describe('Firmware command service time (≈ 1.1 ms on mlx5).'),
    createConfig: size({ max: 256 })
      .optional()
      .describe('managed-cap-create: config bytes written before `create` (≤ 256B).'),
    createService: latency().optional().describe('Device time to build a managed device after `create`.'),
  })
  .describe('Costs of the transports that configure managed devices: overrides of the parent profile.')
  .meta({ title: 'transport' });

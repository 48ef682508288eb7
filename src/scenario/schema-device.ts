/**
 * Scenario sections `device`, `limits` and `transport`: the hardware a parent profile
 * describes. Every key overrides the profile value of the same ModelConfig field (the model
 * field name minus its unit suffix: `wakeup` sets `device.wakeupNs`, `deviceMemory` sets
 * `limits.deviceMemoryBytes`), so `vdpascale profiles NAME` lists exactly what can be set here.
 */
import { z } from 'zod';
import { distribution } from './distribution-schema.js';
import { count, duration, perByte, size } from './quantity.js';

const MAX_QUEUE_SIZE = 32_768;
const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;
const latency = () => distribution('duration');

export const deviceSchema = z
  .strictObject({
    queuePairs: count(1, MAX_QUEUE_SIZE, 'virtio max_virtqueue_pairs')
      .optional()
      .describe('RX/TX queue pairs per instance; each pair is two virtqueues.'),
    queueSize: count(1, MAX_QUEUE_SIZE)
      .refine(isPowerOfTwo, { message: 'must be a power of two ≤ 32768 (e.g. 256, 1024)' })
      .optional()
      .describe('Descriptors per virtqueue: a power of two ≤ 32768 (virtio split ring).'),
    engines: count(1, 1_000_000)
      .optional()
      .describe('Data-path pipelines of the device, shared by all instances.'),
    engineService: latency()
      .optional()
      .describe('Per-packet service time of one engine, excluding DMA waits and translation stalls.'),
    enginePerByte: perByte()
      .optional()
      .describe('Extra engine time per payload byte (the DMA over the link), e.g. 0.28ns/B.'),
    dataPath: z
      .enum(['hardware', 'vduse', 'software'])
      .optional()
      .describe(
        'Who runs the data path: hardware engines; vduse, a host process copying through bounce buffers; software, a kernel thread (vdpa_sim).',
      ),
    copyPerByte: perByte()
      .optional()
      .describe('Copy cost per byte through bounce buffers (vduse) or vringh (software), e.g. 0.1ns/B.'),
    wakeup: duration().optional().describe('Wake-up of a vduse/software data path per batch of work.'),
    hwCvqService: latency().optional().describe("Service time of one command on an instance's hardware CVQ."),
    dmaRead: duration()
      .optional()
      .describe('DMA read latency of a descriptor or ring entry, paid inside the engine time.'),
    kick: duration().optional().describe('Guest CPU cost of one doorbell (posted MMIO write).'),
  })
  .describe('Device data path and virtqueues: overrides of the parent profile.');

export const limitsSchema = z
  .strictObject({
    totalVfs: count(0, 65_535, 'the 16-bit SR-IOV TotalVFs field')
      .optional()
      .describe('SR-IOV virtual functions the parent can create (TotalVFs); bounds the per-vf transport.'),
    hwVqs: count(0).optional().describe('Hardware virtqueues the device can back in total.'),
    maxQueuesPerInstance: count(1, 65_535, 'num_queues is 16 bits')
      .optional()
      .describe('Most virtqueues one instance may have (ifcvf: 17).'),
    msixPerFunction: count(0, 2048, 'the MSI-X table holds at most 2048 entries')
      .optional()
      .describe('MSI-X table entries of the function that serves managed instances.'),
    msixPerVf: count(0, 2048, 'the MSI-X table holds at most 2048 entries')
      .optional()
      .describe('MSI-X entries of one VF (per-vf transport: each instance draws from its own VF table).'),
    imsEntries: count(0)
      .optional()
      .describe('Message-store (IMS-like) entries of the device (msi-store interrupts).'),
    irtePerUnit: count(0, 65_536, 'the VT-d interrupt-remapping table has 65,536 entries')
      .optional()
      .describe('Interrupt-remapping entries per IOMMU unit.'),
    iommuUnits: count(1, 4096).optional().describe('IOMMU units serving the device.'),
    hostCpus: count(1, 1_048_576).optional().describe('Host CPUs that can receive device interrupts.'),
    vectorsPerCpu: count(0, 256, 'an x86 IDT has 256 vectors')
      .optional()
      .describe('Device vectors per host CPU (≈ 200 on x86).'),
    pasidBits: count(0, 20, 'PCIe PASIDs are 20 bits').optional().describe('PASID width in bits.'),
    domainIds: count(1, 65_536, 'VT-d domain IDs are 16 bits')
      .optional()
      .describe('IOMMU domain IDs per unit.'),
    deviceMmuContexts: count(0).optional().describe('Contexts of the device MMU (device-mmu isolation).'),
    deviceMemory: size().optional().describe('Device memory available for instance state, e.g. 4GiB.'),
    instanceMemory: size()
      .optional()
      .describe("Device memory one instance's state needs (queue contexts, config, keys), e.g. 16KiB."),
  })
  .describe(
    'Hard limits of the parent and the platform; exhausting one rejects the instance and names the resource.',
  );

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
  .describe('Costs of the transports that configure managed devices: overrides of the parent profile.');

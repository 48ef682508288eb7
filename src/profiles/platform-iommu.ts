/**
 * Platform defaults of `iommu.*`: IOTLB, page walks, PASID tables, ATS, invalidation.
 */
import { ms, us } from '../util/units.js';
import { between, exponential, type ProfileParam } from './profile.js';

export const PLATFORM_IOMMU: ProfileParam[] = [
  {
    path: 'iommu.iotlb.entries',
    value: 64,
    unit: 'entries',
    range: between(32, 512),
    rangeNote: 'unknown on new parts',
    basis: 'unchecked',
    cite: ['neugebauer-pcie-2018'],
    note: '≈ 64 entries inferred by pcie-bench from where DMA throughput drops with 4 KiB pages',
  },
  {
    path: 'iommu.iotlb.ways',
    value: 0,
    unit: 'ways',
    range: between(0, 16),
    rangeNote: '0 = fully associative',
    basis: 'unchecked',
    cite: ['neugebauer-pcie-2018'],
    note: 'modelled fully associative LRU, as pcie-bench reads it',
  },
  {
    path: 'iommu.iotlb.pageSize',
    value: 4096,
    unit: 'bytes',
    rangeNote: '4 KiB | 2 MiB | 1 GiB',
    basis: 'measured',
    cite: ['farshin-iotlb-2023'],
    note: '4 KiB pages lose up to 20% of a 200 Gb/s link to IOTLB misses; 2 MiB buffers recover it',
  },
  {
    path: 'iommu.walk.levels',
    value: 4,
    unit: 'levels',
    range: between(4, 5),
    basis: 'spec',
    cite: ['bhargava-2d-walk-2008'],
    note: 'a native 4-level walk = 4 memory references (5 with 5-level tables)',
  },
  {
    path: 'iommu.walk.guestLevels',
    value: 0,
    unit: 'levels',
    rangeNote: '0 (single stage) | 4 (nested)',
    basis: 'design',
    cite: ['bhargava-2d-walk-2008', 'linux-vhost'],
    note:
      'nested 4 over 4 = (4 + 1)(4 + 1) − 1 = 24 references ≈ 1.8 µs at 75 ns; 0 by default because vhost-vdpa ' +
      'maps guest memory in one host stage (no guest vIOMMU)',
  },
  {
    path: 'iommu.walk.memAccess',
    value: 75,
    unit: 'ns',
    range: between(50, 125),
    basis: 'unchecked',
    cite: ['neugebauer-pcie-2018'],
    note: 'a single-stage miss costs ≈ 300 ns (pcie-bench) over 4 levels = 75 ns per access',
  },
  {
    path: 'iommu.walk.pwcEntries',
    value: 0,
    unit: 'entries',
    range: between(0, 64),
    basis: 'estimate',
    cite: [],
    note:
      'the 300 ns single-stage miss was measured with the hardware paging-structure caches in place, so a ' +
      'modelled PWC would count them twice; PWC sizes are unpublished',
  },
  {
    path: 'iommu.walk.concurrency',
    value: 0,
    unit: 'walks',
    range: between(0, 16),
    rangeNote: '0 = unlimited',
    basis: 'design',
    cite: ['pcie-bench-data'],
    note:
      'unpublished for any IOMMU, so unlimited by default (a modelling choice, not an estimate). pcie-bench on a Broadwell Xeon E5-2630 v4 saturates ' +
      'at ≈ 20 M IOTLB misses/s whatever the window (64 B random reads, 4 KiB pages); vdpascale calibrate fits ' +
      '5 walks of 4 × 63 ns at once (scenarios/reproductions/pcie-bench-window.yaml)',
  },
  {
    path: 'iommu.pasidTableAccesses',
    value: 2,
    unit: 'accesses',
    range: between(0, 2),
    basis: 'estimate',
    cite: ['linux-intel-pasid'],
    note:
      'on a PASID-cache miss the scalable-mode walk reads the PASID directory entry and the 64-byte ' +
      'PASID-table entry; 0 on a hit',
  },
  {
    path: 'iommu.devtlb.entries',
    value: 0,
    unit: 'entries',
    rangeNote: '0 = no ATS; device ATC sizes are unpublished',
    basis: 'estimate',
    cite: [],
    note: 'ATS off by default: no public primary source gives a device TLB size (e.g. ConnectX-6)',
  },
  {
    path: 'iommu.devtlb.ways',
    value: 0,
    unit: 'ways',
    range: between(0, 16),
    rangeNote: '0 = fully associative',
    basis: 'estimate',
    cite: [],
    note: 'fully associative like the IOTLB; ATC organisation unpublished',
  },
  {
    path: 'iommu.atsRtt',
    value: us(1),
    unit: 'ns',
    range: between(us(0.5), us(2)),
    rangeNote: 'plus a walk on an IOTLB miss',
    basis: 'estimate',
    cite: ['neugebauer-pcie-2018'],
    note:
      'one PCIe round trip to the translation agent (≈ 0.5–1 µs, as a small DMA read) plus the IOMMU lookup; ' +
      'no measurement of ATS translation requests was found',
  },
  {
    path: 'iommu.deviceMmu.entries',
    value: 0,
    unit: 'entries',
    rangeNote: '0 = no device MMU; mlx5 sets its own',
    basis: 'design',
    cite: [],
    note: 'no device MMU on a generic virtio device (limits.deviceMmuContexts 0)',
  },
  {
    path: 'iommu.deviceMmu.ways',
    value: 0,
    unit: 'ways',
    range: between(0, 16),
    rangeNote: '0 = fully associative',
    basis: 'estimate',
    cite: [],
    note: 'fully associative like the IOTLB (no published device-MMU cache organisation)',
  },
  {
    path: 'iommu.deviceMmu.fetch',
    value: 500,
    unit: 'ns',
    range: between(400, 1000),
    basis: 'unchecked',
    cite: ['neugebauer-pcie-2018'],
    note: 'one DMA read of the table entry over PCIe ≈ 0.5 µs',
  },
  {
    path: 'iommu.deviceMmu.keyBuild',
    value: 0,
    unit: 'ns',
    rangeNote: '0 = no device MMU; mlx5 sets its memory-key rebuild cost',
    basis: 'design',
    cite: [],
    note: 'no device MMU on a generic device',
  },
  {
    path: 'iommu.mappings',
    value: 'static',
    unit: 'mode',
    rangeNote: 'static | dynamic',
    basis: 'design',
    cite: ['linux-vhost'],
    note:
      'vhost-vdpa maps all guest memory once through the IOTLB API; dynamic = map/unmap per buffer (guest ' +
      'vIOMMU, kernel DMA API)',
  },
  {
    path: 'iommu.invalidation',
    value: 'lazy',
    unit: 'mode',
    rangeNote: 'strict | lazy',
    basis: 'design',
    cite: ['linux-dma-iommu', 'linux-iommu-deferred-2008', 'nv-kernels-strict-lazy'],
    note:
      'Linux batches unmaps by default (deferred flushing since 2008); strict invalidation gives ≈ 6× fewer ' +
      'IOPS on 8 NVMe SSDs',
  },
  {
    path: 'iommu.invalidationService',
    value: exponential(us(10)),
    unit: 'dist(ns)',
    range: between(us(9), us(60)),
    rangeNote: 'tail to 1 ms under contention',
    basis: 'measured',
    cite: ['xlab-iommu-artifact'],
    note:
      'mean qi_submit_sync ≈ 8.7–10.6 µs at 1–8 cores, ≈ 59 µs at 16–20; the shared queue in the model adds ' +
      'the contention',
  },
  {
    path: 'iommu.lazyBatch',
    value: 256,
    unit: 'unmaps',
    range: between(256, 32768),
    basis: 'spec',
    cite: ['linux-dma-iommu'],
    note: 'IOVA_DEFAULT_FQ_SIZE = 256 per CPU (32,768 in single-queue mode)',
  },
  {
    path: 'iommu.lazyTimeout',
    value: ms(10),
    unit: 'ns',
    range: between(ms(10), ms(1000)),
    basis: 'spec',
    cite: ['linux-dma-iommu'],
    note: 'IOVA_DEFAULT_FQ_TIMEOUT = 10 ms (1000 ms in single-queue mode)',
  },
];

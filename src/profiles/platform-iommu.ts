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
    path: 'iommu.contextCache',
    value: 64,
    unit: 'entries',
    range: between(0, 1024),
    rangeNote: 'vendor-specific, unpublished',
    basis: 'estimate',
    cite: ['intel-vtd-spec'],
    note:
      'VT-d caches context entries by requester ID (the context cache); its size is not published. A PASID ' +
      'or device-MMU design puts every instance behind the parent function’s one requester ID, a VF per ' +
      'instance needs one entry each',
  },
  {
    path: 'iommu.contextTableAccesses',
    value: 2,
    unit: 'accesses',
    range: between(1, 2),
    basis: 'spec',
    cite: ['intel-vtd-spec'],
    note: 'a context-cache miss reads the root entry (by bus) and the context entry (by device and function)',
  },
  {
    path: 'iommu.pasidCache',
    value: 64,
    unit: 'entries',
    range: between(0, 1024),
    rangeNote: 'vendor-specific, unpublished',
    basis: 'estimate',
    cite: ['intel-vtd-spec'],
    note:
      'scalable-mode VT-d caches PASID-table entries (the PASID cache); its size is not published: taken as ' +
      'the IOTLB’s, so a few tens of PASIDs in use cost nothing once warm and thousands miss',
  },
  {
    path: 'iommu.pasidTableAccesses',
    value: 2,
    unit: 'accesses',
    range: between(0, 2),
    basis: 'spec',
    cite: ['intel-vtd-spec', 'linux-intel-pasid'],
    note:
      'on a PASID-cache miss the scalable-mode walk reads the PASID directory entry and the 64-byte ' +
      'PASID-table entry (two levels); 0 on a hit',
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
    path: 'iommu.invalidationLatency',
    value: exponential(8700),
    unit: 'dist(ns)',
    range: between(us(1), us(60)),
    rangeNote: 'native VT-d a few µs; nested vIOMMU ≈ 9 µs',
    basis: 'measured',
    cite: ['xlab-iommu-artifact'],
    note:
      'mean qi_submit_sync 8.7 µs with one core submitting under a nested vIOMMU (Linux 6.12), where the ' +
      'queue is idle: the latency a submitter spins for, not the queue’s occupancy',
  },
  {
    path: 'iommu.invalidationOccupancy',
    value: 357,
    unit: 'ns',
    range: between(100, 1300),
    rangeNote: 'per descriptor; ≤ 1.3 µs per submission on VT-d',
    basis: 'derived',
    cite: ['nv-kernels-strict-lazy', 'xlab-iommu-artifact'],
    note:
      'strict invalidation carried 2.8 M unmaps/s on a host with two IOMMU units (one root port per socket): ' +
      '≤ 0.714 µs per submission of 2 descriptors (invalidation + wait) per unit, 357 ns each; consistent with ' +
      'VT-d, where qi_submit_sync latency barely grows from 1 to 8 submitting cores (8.7 → 10.6 µs), so a ' +
      'submission occupies the queue ≤ 10.6 / 8 ≈ 1.3 µs',
  },
  {
    path: 'iommu.atsInvalidation',
    value: us(2),
    unit: 'ns',
    range: between(us(1), us(100)),
    rangeNote: 'the PCIe ATS completion timeout allows far longer',
    basis: 'estimate',
    cite: ['intel-vtd-spec', 'neugebauer-pcie-2018'],
    note:
      'an invalidate request to the device and its invalidate completion: two PCIe traversals (≈ 0.5 µs each, ' +
      'as a small DMA) plus the device flushing its ATC; no measurement was found',
  },
  {
    path: 'iommu.invalidationSubmit',
    value: 'batched',
    unit: 'mode',
    rangeNote: 'batched | per-descriptor',
    basis: 'spec',
    cite: ['linux-intel-dmar'],
    note:
      'Linux 6.12 batches the descriptors of one flush (IOTLB and device TLB, up to QI_MAX_BATCHED_DESC_COUNT = ' +
      '16) into one qi_submit_sync; earlier kernels submitted each with its own wait',
  },
  {
    path: 'iommu.lazyBatch',
    value: 256,
    unit: 'unmaps',
    range: between(256, 32768),
    basis: 'spec',
    cite: ['linux-dma-iommu'],
    note:
      "a domain's flush queue: IOVA_DEFAULT_FQ_SIZE = 256 per CPU, and a full one flushes the whole domain, so n CPUs " +
      'unmapping into one domain flush every ≈ n × 256 (32,768 in single-queue mode); 256 = one CPU per instance',
  },
  {
    path: 'iommu.lazyTimeout',
    value: ms(10),
    unit: 'ns',
    range: between(ms(10), ms(1000)),
    basis: 'spec',
    cite: ['linux-dma-iommu'],
    note: "IOVA_DEFAULT_FQ_TIMEOUT = 10 ms (1000 ms in single-queue mode), the domain's timer (fq_timer)",
  },
];

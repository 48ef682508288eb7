/**
 * Platform defaults of `iommu.*`: IOTLB, page walks, PASID tables, ATS, invalidation.
 * Each `source` names the facts.md section and its primary source, or starts with 'estimate:'.
 */
import { ms, us } from '../util/units.js';
import { exponential, type ProfileParam } from './profile.js';

export const PLATFORM_IOMMU: ProfileParam[] = [
  {
    path: 'iommu.iotlb.entries',
    value: 64,
    unit: 'entries',
    range: '32–512 (unknown on new parts)',
    source:
      'facts.md §3 "IOTLB reach and miss cost": ≈ 64 entries inferred by pcie-bench (Neugebauer et al., SIGCOMM 2018) [mem]',
  },
  {
    path: 'iommu.iotlb.ways',
    value: 0,
    unit: 'ways',
    range: '0 (fully associative) – 16',
    source: 'facts.md §3 "IOTLB reach and miss cost": default fully-associative LRU (pcie-bench) [mem]',
  },
  {
    path: 'iommu.iotlb.pageSize',
    value: 4096,
    unit: 'bytes',
    range: '4 KiB | 2 MiB | 1 GiB',
    source:
      'facts.md §3 "IOTLB wall": 4 KiB pages lose up to 20% at 200 Gb/s, hugepage buffers recover it ' +
      '(Farshin et al., PeerJ CS 2023) [meas]',
  },
  {
    path: 'iommu.walk.levels',
    value: 4,
    unit: 'levels',
    range: '4–5',
    source:
      'facts.md §3 "Two-dimensional (nested) walk cost": a native 4-level walk = 4 references (Bhargava et al., ASPLOS 2008) [mem]',
  },
  {
    path: 'iommu.walk.guestLevels',
    value: 0,
    unit: 'levels',
    range: '0 (single stage) | 4 (nested)',
    source:
      'facts.md §3 "Two-dimensional walk": nested 4 over 4 = (4+1)(4+1) − 1 = 24 references ≈ 1.8 µs at 75 ns, within ' +
      'the 600–3000 ns of suggested default iotlb_miss_penalty_nested (Bhargava ASPLOS 2008) [mem]; 0 by default ' +
      'because vhost-vdpa maps guest memory in one host stage (no guest vIOMMU)',
  },
  {
    path: 'iommu.walk.memAccessNs',
    value: 75,
    unit: 'ns',
    range: '50–125 ns',
    source:
      'facts.md §3 "IOTLB reach and miss cost": single-stage miss ≈ 300 ns (pcie-bench) [mem] / 4 levels = 75 ns per access',
  },
  {
    path: 'iommu.walk.pwcEntries',
    value: 0,
    unit: 'entries',
    range: '0–64',
    source:
      'estimate: the 300 ns single-stage miss was measured with the hardware paging-structure caches in place, ' +
      'so a modelled PWC would count them twice; PWC sizes are unpublished',
  },
  {
    path: 'iommu.pasidTableAccesses',
    value: 2,
    unit: 'accesses',
    range: '0–2',
    source:
      'estimate: on a PASID-cache miss the scalable-mode walk reads the PASID directory entry and the 64-byte ' +
      'PASID-table entry (facts.md §3 "Scalable-mode PASID table", drivers/iommu/intel/pasid.h [spec]); 0 on a hit',
  },
  {
    path: 'iommu.devtlb.entries',
    value: 0,
    unit: 'entries',
    range: '0 (no ATS) – unknown',
    source:
      'ATS off by default; device ATC sizes (e.g. ConnectX-6) have no public primary source (facts.md "Unverified" list)',
  },
  {
    path: 'iommu.devtlb.ways',
    value: 0,
    unit: 'ways',
    range: '0 (fully associative) – 16',
    source:
      'estimate: fully associative like the IOTLB; ATC organization unpublished (facts.md "Unverified" list)',
  },
  {
    path: 'iommu.atsRttNs',
    value: us(1),
    unit: 'ns',
    range: '0.5–2 µs (+ walk on a miss)',
    source:
      'facts.md §2 "ATS": one PCIe round trip to the translation agent ≈ 0.5–1 µs + IOMMU lookup; suggested default ' +
      'ats_translation_rtt 1 µs (estimate from PCIe RTT, no measurement)',
  },
  {
    path: 'iommu.deviceMmu.entries',
    value: 0,
    unit: 'entries',
    range: '0 (no device MMU) – 64K',
    source: 'no device MMU on a generic virtio device (limits.deviceMmuContexts 0); mlx5 sets its own',
  },
  {
    path: 'iommu.deviceMmu.ways',
    value: 0,
    unit: 'ways',
    range: '0 (fully associative) – 16',
    source: 'estimate: fully associative like the IOTLB (no published device-MMU cache organization)',
  },
  {
    path: 'iommu.deviceMmu.fetchNs',
    value: 500,
    unit: 'ns',
    range: '400–1000 ns',
    source:
      'one DMA read of the table entry over PCIe: facts.md §2 "DMA read latency, small reads" ≈ 0.5 µs (pcie-bench) [mem]',
  },
  {
    path: 'iommu.deviceMmu.keyBuildNs',
    value: 0,
    unit: 'ns',
    range: '0 (no device MMU) – seconds',
    source: 'no device MMU on a generic device; mlx5 sets its MKEY rebuild cost',
  },
  {
    path: 'iommu.mappings',
    value: 'static',
    unit: 'mode',
    range: 'static | dynamic',
    source:
      'vhost-vdpa maps all guest memory once through the IOTLB API (facts.md §3 "vhost-vdpa IOTLB API", ' +
      'include/uapi/linux/vhost_types.h [spec]); dynamic = map/unmap per buffer (guest vIOMMU, kernel DMA API)',
  },
  {
    path: 'iommu.invalidation',
    value: 'lazy',
    unit: 'mode',
    range: 'strict | lazy',
    source:
      'facts.md §3 "Linux deferred flush parameters": Linux batches unmaps (drivers/iommu/dma-iommu.c) [spec]; ' +
      'strict gives ≈ 6× fewer IOPS (NV-Kernels PR #182) [meas]',
  },
  {
    path: 'iommu.invalidationService',
    value: exponential(us(10)),
    unit: 'dist(ns)',
    range: '9–60 µs (1–20 cores); tail to 1 ms',
    source:
      'facts.md §3 "Invalidation cost": mean qi_submit_sync ≈ 8.7–10.6 µs at 1–8 cores, ≈ 59 µs at 16–20 ' +
      '(xlab-uiuc Fast-and-Safe-IO-Memory-Protection artifact) [meas]; the shared queue in the model adds the contention',
  },
  {
    path: 'iommu.lazyBatch',
    value: 256,
    unit: 'unmaps',
    range: '256–32,768',
    source:
      'facts.md §3 "Linux deferred flush parameters": IOVA_DEFAULT_FQ_SIZE 256 per CPU (32,768 single-queue), dma-iommu.c [spec]',
  },
  {
    path: 'iommu.lazyTimeoutNs',
    value: ms(10),
    unit: 'ns',
    range: '10–1000 ms',
    source:
      'facts.md §3 "Linux deferred flush parameters": IOVA_DEFAULT_FQ_TIMEOUT 10 ms (1000 ms single-queue), dma-iommu.c [spec]',
  },
];

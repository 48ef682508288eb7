/**
 * Peer-reviewed papers and the research artifacts published with them. Where the project
 * quotes a figure from a paper whose full text it did not re-read, the parameter's basis says
 * "unchecked" (see profiles/profile.ts), not the entry.
 */
import type { Source } from './source.js';

export const PAPER_SOURCES = {
  'neugebauer-pcie-2018': {
    kind: 'paper',
    authors:
      'Rolf Neugebauer, Gianni Antichi, José Fernando Zazo, Yury Audzevich, Sergio López-Buedo, Andrew W. Moore',
    title: 'Understanding PCIe performance for end host networking',
    where: 'ACM SIGCOMM 2018',
    year: 2018,
    doi: '10.1145/3230543.3230560',
    about:
      'pcie-bench: small DMA reads take about 0.5 µs on Xeon E5 hosts; DMA throughput drops once the ' +
      'buffer window exceeds what the IOTLB reaches with 4 KiB pages (about 256 KiB, i.e. about 64 entries), ' +
      'each miss adding about 0.3 µs; PCIe is most of a NIC round trip.',
  },
  'pcie-bench-data': {
    kind: 'code',
    authors: 'Rolf Neugebauer and contributors',
    title: 'pcie-bench measurement data (the data behind the SIGCOMM 2018 figures)',
    where:
      'github.com/pcie-bench/data, directories nfp6000-1.2GHz_bdw-Xeon-E5-2630v4-dell-t430-s0-s0-s0[-iommu-nosp] ' +
      '(files bw_dma_win_sweep_rd_rnd_64.csv, lat_dma_sweep_rd_rnd_64.txt), commit a796e52',
    url: 'https://github.com/pcie-bench/data',
    about:
      'A Netronome NFP-6000 in a Broadwell Xeon E5-2630 v4 host, 64-byte random DMA reads, cold host cache. ' +
      'Without IOMMU: 54.6–54.9 M reads/s at every window from 4 KiB to 64 MiB, 610 ns mean (600 ns median) ' +
      'latency of one read. IOMMU on, 4 KiB pages (superpages off): flat to 256 KiB (53.9 M/s), then ' +
      '39.4 M/s at 512 KiB, 28.0 at 1 MiB, 22.9 at 2 MiB, 20.8 at 4 MiB and 19.2 M/s at 64 MiB (0.35 of ' +
      'the no-IOMMU rate); one read at 64 MiB takes 901 ns mean (≈ 290 ns per IOTLB miss). Across the ' +
      'sweep the misses per second stay near 20 M/s: the IOMMU walks a bounded number of misses at once.',
  },
  'pcie-model': {
    kind: 'code',
    authors: 'Rolf Neugebauer and contributors',
    title: 'pcie-bench PCIe bandwidth model (model/pcie.py)',
    where: 'github.com/pcie-bench/pcie-model, Apache-2.0',
    url: 'https://github.com/pcie-bench/pcie-model',
    about:
      'Link arithmetic: memory read/write TLPs with 64-bit addresses carry 24 bytes of header and framing, ' +
      'completions 20; Gen3 8 GT/s and Gen4 16 GT/s per lane with 128b/130b encoding; MPS and MRRS 128–4096 bytes. ' +
      'Its NIC models (model/niantic.py, from the Intel 82599 datasheet) fetch up to 40 TX descriptors in one ' +
      'read and RX descriptors one at a time, and write TX descriptors back in batches of 8: how many ' +
      'descriptors a device fetches per DMA read is a design choice that differs by device.',
  },
  'farshin-iotlb-2023': {
    kind: 'paper',
    authors: 'Alireza Farshin, Luigi Rizzo, Khaled Elmeleegy, Dejan Kostić',
    title: 'Overcoming the IOTLB wall for multi-100-Gbps Linux-based networking',
    where: 'PeerJ Computer Science 9:e1385',
    year: 2023,
    doi: '10.7717/peerj-cs.1385',
    about:
      'At 200 Gb/s on recent Xeon and EPYC hosts, enabling the IOMMU costs up to 20% of throughput through ' +
      'IOTLB misses; backing receive buffers with 2 MiB pages recovers it fully.',
  },
  'bhargava-2d-walk-2008': {
    kind: 'paper',
    authors: 'Ravi Bhargava, Benjamin Serebrin, Francesco Spadini, Srilatha Manne',
    title: 'Accelerating two-dimensional page walks for virtualized systems',
    where: 'ASPLOS 2008',
    year: 2008,
    doi: '10.1145/1346281.1346286',
    about:
      'A nested (two-dimensional) walk of a 4-level guest table over a 4-level host table needs up to 24 ' +
      'memory references, against 4 for a native walk: (n + 1)(m + 1) − 1.',
  },
  'shreedhar-drr-1995': {
    kind: 'paper',
    authors: 'M. Shreedhar, George Varghese',
    title: 'Efficient fair queueing using deficit round robin',
    where: 'ACM SIGCOMM 1995',
    year: 1995,
    doi: '10.1145/217382.217453',
    about:
      'Deficit round robin: each visit to a backlogged queue adds a quantum to its deficit and serves it while the ' +
      'deficit covers the next item, so saturated queues share in proportion to their quanta at O(1) per decision.',
  },
  'gordon-eli-2012': {
    kind: 'paper',
    authors:
      "Abel Gordon, Nadav Amit, Nadav Har'El, Muli Ben-Yehuda, Alex Landau, Assaf Schuster, Dan Tsafrir",
    title: 'ELI: bare-metal performance for I/O virtualization',
    where: 'ASPLOS 2012',
    year: 2012,
    doi: '10.1145/2150976.2151020',
    about:
      'Delivering interrupts to an assigned device’s guest without exits raised throughput and latency by ' +
      '1.3–1.6× and reached 97–100% of bare metal: the ceiling of what posted delivery gains over exits.',
  },
  'xlab-iommu-artifact': {
    kind: 'code',
    authors: 'xlab, University of Illinois Urbana-Champaign',
    title: 'Fast and Safe IO Memory Protection: measurement results',
    where:
      'github.com/xlab-uiuc/Fast-and-Safe-IO-Memory-Protection, results_summary/no_map_contention.md (Linux 6.12, iommufd, nested translation)',
    url: 'https://github.com/xlab-uiuc/Fast-and-Safe-IO-Memory-Protection',
    about:
      'Strict invalidation under a nested vIOMMU at 33–250 Gb/s: qi_submit_sync averages 8.7–10.6 µs with ' +
      '1–8 cores and about 59 µs with 16–20 contending cores (intel_iommu_tlb_sync up to 1 ms); 0.6–1.2 IOTLB ' +
      'misses per 4 KiB page. The invalidation queue is one shared, serialising resource.',
  },
} as const satisfies Record<string, Source>;

/**
 * What every metric means, one sentence each: the one table `docs/metrics.md` is generated
 * from (test/model/metric-definitions.test.ts holds it current) and the README points to. The
 * record type makes the compiler refuse a metric without a definition. Units are in the names.
 */
import {
  BOTTLENECK_COLUMN,
  GROUP_METRICS,
  LIMIT_RESOURCE_COLUMN,
  METRICS,
  type MetricName,
} from './metrics.js';

export const METRIC_DEFINITIONS: Readonly<Record<MetricName, string>> = {
  offered_pps: 'Packets offered per second: arrivals inside the measured window, all instances together.',
  throughput_pps:
    'Packets completed per second inside the measured window (some arrived during the warm-up).',
  throughput_gbps: 'The completed packets’ bytes per second, in Gbit/s.',
  drop_rate: 'Offered packets dropped over offered packets.',
  latency_mean_us: 'Mean packet latency, from arrival to completion, of the packets completed in the window.',
  latency_p50_us: 'Median packet latency (log-linear histogram, ≤ 0.79 % relative error).',
  latency_p99_us:
    '99th percentile of packet latency; a run flagged "not in steady state" reports a figure of its window, not of the system.',
  latency_p999_us: '99.9th percentile of packet latency.',
  engine_util:
    'Fraction of the data-path engines’ time taken by their serial work (service, bytes over the link, the used-ring write), DMA waits overlapped by outstanding requests excluded (host cores for the software parents).',
  blk_iops:
    'Block requests completed per second inside the measured window, every blk instance together (per group: that group’s).',
  blk_bandwidth_gbps: 'The completed block requests’ data bytes per second, in Gbit/s.',
  blk_latency_mean_us:
    'Mean block-request latency, from issue by the driver to its completion seen by the guest (interrupt or poll).',
  blk_latency_p99_us:
    '99th percentile of block-request latency (log-linear histogram, ≤ 0.79 % relative error).',
  blk_latency_p999_us: '99.9th percentile of block-request latency.',
  blk_refused_rate:
    'Block requests refused because their request queue’s ring was full (as blk-mq would block the submitter) over requests issued.',
  blk_backend_util:
    'Time-average fraction of the block backend’s workers (blk.workers: host threads, or the target’s parallel requests) busy.',
  blk_host_cores:
    'Host cores kept busy by block requests on average (software backends: ramdisk copies, VDUSE message round trips); 0 for hardware backends.',
  blk_iops_per_host_core:
    'blk_iops over blk_host_cores: requests served per host core (absent when no host core is used).',
  blk_translations_per_request:
    'Address translations per started block request (descriptor, header, each data page, status byte, used entry), through the shared IOTLB.',
  blk_interrupts_per_request:
    'Interrupts delivered to blk instances per completed request (1 without coalescing, less with it).',
  iotlb_hit_rate: 'Platform IOMMU IOTLB hits over lookups.',
  iotlb_misses_per_s: 'IOTLB misses (each a page walk, or a PASID-table and page walk) per second.',
  devtlb_hit_rate:
    'Hits over lookups of the device-side translation cache: the ATS device TLB, or the device MMU’s cache.',
  translation_ns_per_packet: 'Address-translation stall time per serviced packet, ns.',
  ring_translations_per_packet:
    'Translations of ring pages (avail idx and entries, descriptors, used ring) per serviced packet; buffer pages are the rest.',
  invalidations_per_s: 'IOTLB invalidations completed per second (unmaps under strict or lazy invalidation).',
  invalidation_wait_mean_us:
    'Mean time from an invalidation’s submission to its completion (its IOMMU unit’s queue, the completion latency and any device-TLB round trip), µs.',
  invalidation_queue_util:
    'Fraction of the IOMMU units’ time their invalidation queues spend executing descriptors (occupancy, not completion latency).',
  dma_transactions_per_s: 'DMA microbenchmark (workload groups with `dma`): requests completed per second.',
  dma_bandwidth_gbps: 'DMA microbenchmark: bytes of the completed requests per second, in Gbit/s.',
  dma_latency_mean_ns: 'DMA microbenchmark: mean request latency, translation stall included, ns.',
  dma_latency_p99_ns: 'DMA microbenchmark: 99th percentile of request latency, ns.',
  interrupts_per_s: 'Data-path interrupts delivered per second (0 with polling).',
  interrupts_per_packet: 'Data-path interrupts per completed packet (1 without coalescing, less with it).',
  vectors_used: 'Interrupt vectors (MSI-X entries or stored messages) programmed for the ready instances.',
  vector_sharers_max: 'Most queues sharing one vector (1 with dedicated vectors).',
  irq_latency_mean_us: 'Mean time from a completion to its interrupt handler (coalescing delay included).',
  coal_commands_per_s:
    'Adaptive coalescing: DIM profile steps of the RX queues per second, each one NOTF_COAL_VQ_SET command the guest driver sends on its CVQ (not sent with cvq: none, which warns; 0 with static coalescing).',
  ctrl_ops_per_s: 'Runtime control operations (config reads, MAC and MQ sets…) completed per second.',
  ctrl_latency_mean_us: 'Mean latency of runtime control operations, issue to completion.',
  ctrl_latency_p99_us: '99th percentile of runtime control-operation latency.',
  ctrl_backlog_mean:
    'Time-average of runtime control operations issued and not completed (= ctrl_ops_per_s × ctrl_latency_mean_us in steady state, Little’s law).',
  ctrl_backlog_max: 'Peak of runtime control operations issued and not completed.',
  adminq_wait_mean_us:
    'Mean wait of an admin command from passing its token bucket to the device fetching it (mutex, ring entry, ring).',
  adminq_wait_p99_us: '99th percentile of that admin-command wait.',
  adminq_util: 'Time-average fraction of the admin queue’s device workers busy (0 without an admin queue).',
  adminq_retries_per_s: 'EAGAIN answers to admin commands per second.',
  adminq_fairness_jain:
    'Jain’s index (0–1) of the tenants’ admin-queue service normalised by their queues’ weights; 1 is fair.',
  instances_ready: 'Instances READY (DRIVER_OK) at the end of the run.',
  instances_rejected:
    'Instances refused by the resource ledger; limit_resource names the first resource exhausted.',
  provision_makespan_ms: 'Time from zero to the last instance of the start burst READY (burst studies).',
  provision_latency_mean_ms: 'Mean time from an instance’s creation request to READY.',
  provision_latency_p99_ms: '99th percentile of that provisioning latency.',
  provision_rate_per_s: 'Instances of the burst made READY per second of makespan.',
  host_cpu_util:
    'Host CPU busy time (software CVQ, netlink, driver, polling, spinning submitters, vduse copies) over host.cores × window; above 1 when overcommitted.',
  guest_cpu_us_per_packet: 'Guest CPU time (interrupt handling) per completed packet.',
  bottleneck_util:
    'Utilisation of the `bottleneck` resource over the window (held time over capacity × window, ρ = λ/(cμ) when stable; over the burst when a start burst ends inside the window), or used over capacity of the exhausted admission limit; empty when nothing was busy.',
  events: 'Simulation events processed in the measured window (a cost measure, not a result).',
  sim_time_ms: 'Length of the measured window.',
};

/** docs/metrics.md: every metric with its definition, per-group metrics marked. */
export function metricsDocument(): string {
  const perGroup = new Set<string>(GROUP_METRICS);
  const rows = METRICS.map(
    (m) => `| \`${m}\` | ${perGroup.has(m) ? 'yes' : ''} | ${METRIC_DEFINITIONS[m].trim()} |`,
  );
  return [
    '# Metrics',
    '',
    '<!-- Generated from src/model/metric-definitions.ts by',
    '     UPDATE_DOCS=1 npx vitest run test/model/metric-definitions.test.ts; do not edit. -->',
    '',
    'The columns of `runs.csv` in order (after `point`, `replication`, `seed` and the swept',
    'parameters), and the `metric` values of `summary.csv`. Names carry the unit (`_us`, `_ms`,',
    '`_per_s`, `_pps`, `_gbps`); ratios and counts have none. Every figure covers the measured',
    'window (after `warmup`) unless it says otherwise; a metric with no sample is an empty cell,',
    'never 0. "Per group" metrics are also in `groups.csv` (and `summary.csv`) for each workload',
    'group.',
    '',
    '| metric | per group | definition |',
    '|---|---|---|',
    ...rows,
    `| \`${LIMIT_RESOURCE_COLUMN}\` | | The first resource that rejected an instance (\`msix-vectors\`, \`pasid\`, \`device-memory\`, …), empty when none did; the terminal, the manifest and the report also say how many were rejected per point. |`,
    `| \`${BOTTLENECK_COLUMN}\` | | The binding resource of the run: the exhausted admission limit when instances were rejected (\`limit_resource\`), otherwise the queueing resource with the highest utilisation (\`data-engines\`, \`adminq-workers\`, \`host-cores\`, …; a buffer never binds; time accounted to a resource nothing queues for, such as host cores, and the orchestrator's build slots, held through every downstream wait, yield to a server ≥ 95% busy); empty when nothing was busy. In a burst run (\`provisioning.start: burst\`) whose burst ends inside the window, it and \`resources.csv\` cover the burst, from the window's start to the last burst instance's DRIVER_OK. Every resource's utilisation, queue and wait are in \`resources.csv\`. |`,
    '',
    'Besides these, `summary.csv` holds three metrics per queueing resource of `resources.csv`, named',
    'after it in snake_case (`data-engines` → `data_engines_util`, `data_engines_queue_mean`,',
    '`data_engines_wait_mean_us`): its utilisation, time-average queue length and mean wait over the',
    'window, and for each point the usual `limit_resource` and `bottleneck` of its replications.',
    '',
  ].join('\n');
}

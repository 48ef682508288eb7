/**
 * Metric names (README, "Result folder"): the stable, documented columns of runs.csv in
 * order. Components write them through a MetricSink; the runner writes NaN-free columns in
 * exactly this order, so adding a metric here is a contract change (changelog line).
 */
export const METRICS = [
  // data path
  'offered_pps',
  'throughput_pps',
  'throughput_gbps',
  'drop_rate',
  'latency_mean_us',
  'latency_p50_us',
  'latency_p99_us',
  'latency_p999_us',
  'engine_util',
  // block devices
  'blk_iops',
  'blk_bandwidth_gbps',
  'blk_latency_mean_us',
  'blk_latency_p99_us',
  'blk_latency_p999_us',
  'blk_refused_rate',
  'blk_backend_util',
  'blk_host_cores',
  'blk_iops_per_host_core',
  'blk_translations_per_request',
  'blk_interrupts_per_request',
  // DMA
  'iotlb_hit_rate',
  'iotlb_misses_per_s',
  'devtlb_hit_rate',
  'translation_ns_per_packet',
  'ring_translations_per_packet',
  'invalidations_per_s',
  'invalidation_wait_mean_us',
  'invalidation_queue_util',
  // DMA microbenchmark (workload groups with `dma`)
  'dma_transactions_per_s',
  'dma_bandwidth_gbps',
  'dma_latency_mean_ns',
  'dma_latency_p99_ns',
  // interrupts
  'interrupts_per_s',
  'interrupts_per_packet',
  'vectors_used',
  'vector_sharers_max',
  'irq_latency_mean_us',
  'coal_commands_per_s',
  // control
  'ctrl_ops_per_s',
  'ctrl_latency_mean_us',
  'ctrl_latency_p99_us',
  'ctrl_backlog_mean',
  'ctrl_backlog_max',
  'adminq_wait_mean_us',
  'adminq_wait_p99_us',
  'adminq_util',
  'adminq_retries_per_s',
  'adminq_fairness_jain',
  // provisioning
  'instances_ready',
  'instances_rejected',
  'provision_makespan_ms',
  'provision_latency_mean_ms',
  'provision_latency_p99_ms',
  'provision_rate_per_s',
  // host
  'host_cpu_util',
  'guest_cpu_us_per_packet',
  // the binding resource (bottleneck.ts)
  'bottleneck_util',
  // run
  'events',
  'sim_time_ms',
] as const;
export type MetricName = (typeof METRICS)[number];

/** What a metric is about: the report shows an area's metrics only when the study exercises it. */
export type MetricArea =
  | 'data'
  | 'blk'
  | 'dma'
  | 'interrupts'
  | 'control'
  | 'adminq'
  | 'provisioning'
  | 'host'
  | 'run';

/** How a metric reads in a chart or table: a few words and its unit (the name's suffix, in words). */
export interface MetricInfo {
  label: string;
  /** Empty for a count or a ratio without unit. */
  unit: string;
  area: MetricArea;
}

/** Every metric in words, one entry per name (the compiler holds the table complete). */
export const METRIC_INFO: Readonly<Record<MetricName, MetricInfo>> = {
  offered_pps: { label: 'offered load', unit: 'packets/s', area: 'data' },
  throughput_pps: { label: 'throughput', unit: 'packets/s', area: 'data' },
  throughput_gbps: { label: 'throughput', unit: 'Gbit/s', area: 'data' },
  drop_rate: { label: 'packets dropped', unit: 'fraction', area: 'data' },
  latency_mean_us: { label: 'packet latency, mean', unit: 'µs', area: 'data' },
  latency_p50_us: { label: 'packet latency p50', unit: 'µs', area: 'data' },
  latency_p99_us: { label: 'packet latency p99', unit: 'µs', area: 'data' },
  latency_p999_us: { label: 'packet latency p99.9', unit: 'µs', area: 'data' },
  engine_util: { label: 'data-path engines busy', unit: 'fraction', area: 'data' },
  blk_iops: { label: 'block requests', unit: 'IOPS', area: 'blk' },
  blk_bandwidth_gbps: { label: 'block bandwidth', unit: 'Gbit/s', area: 'blk' },
  blk_latency_mean_us: { label: 'block latency, mean', unit: 'µs', area: 'blk' },
  blk_latency_p99_us: { label: 'block latency p99', unit: 'µs', area: 'blk' },
  blk_latency_p999_us: { label: 'block latency p99.9', unit: 'µs', area: 'blk' },
  blk_refused_rate: { label: 'block requests refused', unit: 'fraction', area: 'blk' },
  blk_backend_util: { label: 'block backend workers busy', unit: 'fraction', area: 'blk' },
  blk_host_cores: { label: 'host cores serving block requests', unit: 'cores', area: 'blk' },
  blk_iops_per_host_core: { label: 'block IOPS per host core', unit: 'IOPS/core', area: 'blk' },
  blk_translations_per_request: { label: 'translations per block request', unit: '', area: 'blk' },
  blk_interrupts_per_request: { label: 'interrupts per block request', unit: '', area: 'blk' },
  dma_transactions_per_s: { label: 'DMA transactions', unit: 'per s', area: 'dma' },
  dma_bandwidth_gbps: { label: 'DMA bandwidth', unit: 'Gbit/s', area: 'dma' },
  dma_latency_mean_ns: { label: 'DMA latency, mean', unit: 'ns', area: 'dma' },
  dma_latency_p99_ns: { label: 'DMA latency p99', unit: 'ns', area: 'dma' },
  iotlb_hit_rate: { label: 'IOTLB hit rate', unit: 'fraction', area: 'dma' },
  iotlb_misses_per_s: { label: 'IOTLB misses', unit: 'per s', area: 'dma' },
  devtlb_hit_rate: { label: 'device TLB hit rate', unit: 'fraction', area: 'dma' },
  translation_ns_per_packet: { label: 'translation stall', unit: 'ns per packet', area: 'dma' },
  ring_translations_per_packet: { label: 'ring translations', unit: 'per packet', area: 'dma' },
  invalidations_per_s: { label: 'IOTLB invalidations', unit: 'per s', area: 'dma' },
  invalidation_wait_mean_us: { label: 'invalidation wait, mean', unit: 'µs', area: 'dma' },
  invalidation_queue_util: { label: 'invalidation queue utilisation', unit: 'fraction', area: 'dma' },
  interrupts_per_s: { label: 'interrupts', unit: 'per s', area: 'interrupts' },
  interrupts_per_packet: { label: 'interrupts per packet', unit: '', area: 'interrupts' },
  vectors_used: { label: 'interrupt vectors used', unit: '', area: 'interrupts' },
  vector_sharers_max: { label: 'queues sharing a vector, most', unit: '', area: 'interrupts' },
  irq_latency_mean_us: { label: 'completion to handler, mean', unit: 'µs', area: 'interrupts' },
  coal_commands_per_s: { label: 'coalescing commands (DIM)', unit: '/s', area: 'interrupts' },
  ctrl_ops_per_s: { label: 'control operations', unit: 'per s', area: 'control' },
  ctrl_latency_mean_us: { label: 'control latency, mean', unit: 'µs', area: 'control' },
  ctrl_latency_p99_us: { label: 'control latency p99', unit: 'µs', area: 'control' },
  ctrl_backlog_mean: { label: 'control operations outstanding, mean', unit: '', area: 'control' },
  ctrl_backlog_max: { label: 'control operations outstanding, most', unit: '', area: 'control' },
  adminq_wait_mean_us: { label: 'admin-queue wait, mean', unit: 'µs', area: 'adminq' },
  adminq_wait_p99_us: { label: 'admin-queue wait p99', unit: 'µs', area: 'adminq' },
  adminq_util: { label: 'admin-queue workers busy', unit: 'fraction', area: 'adminq' },
  adminq_retries_per_s: { label: 'admin-command retries', unit: 'per s', area: 'adminq' },
  adminq_fairness_jain: { label: 'admin-queue fairness', unit: "Jain's index, 0–1", area: 'adminq' },
  instances_ready: { label: 'instances ready', unit: '', area: 'provisioning' },
  instances_rejected: { label: 'instances rejected', unit: '', area: 'provisioning' },
  provision_makespan_ms: { label: 'provisioning makespan', unit: 'ms', area: 'provisioning' },
  provision_latency_mean_ms: { label: 'provisioning latency, mean', unit: 'ms', area: 'provisioning' },
  provision_latency_p99_ms: { label: 'provisioning latency p99', unit: 'ms', area: 'provisioning' },
  provision_rate_per_s: { label: 'creation rate', unit: 'instances/s', area: 'provisioning' },
  host_cpu_util: { label: 'host cores busy', unit: 'fraction', area: 'host' },
  guest_cpu_us_per_packet: { label: 'guest CPU per packet', unit: 'µs', area: 'host' },
  bottleneck_util: { label: 'binding resource busy', unit: 'fraction', area: 'run' },
  events: { label: 'simulation events', unit: '', area: 'run' },
  sim_time_ms: { label: 'simulated time', unit: 'ms', area: 'run' },
};

/** A string-valued column of runs.csv: the first exhausted admission limit, or empty. */
export const LIMIT_RESOURCE_COLUMN = 'limit_resource';

/** A string-valued column of runs.csv: the binding resource (bottleneck.ts), or empty. */
export const BOTTLENECK_COLUMN = 'bottleneck';

/** Per-group metrics (groups.csv rows): the subset that is meaningful per tenant. */
export const GROUP_METRICS = [
  'offered_pps',
  'throughput_pps',
  'drop_rate',
  'latency_mean_us',
  'latency_p99_us',
  'interrupts_per_packet',
  'blk_iops',
  'blk_bandwidth_gbps',
  'blk_latency_mean_us',
  'blk_latency_p99_us',
  'blk_latency_p999_us',
  'ctrl_ops_per_s',
  'ctrl_latency_mean_us',
  'ctrl_latency_p99_us',
  'ctrl_backlog_mean',
  'ctrl_backlog_max',
  'adminq_wait_mean_us',
  'adminq_wait_p99_us',
  'adminq_retries_per_s',
  'instances_ready',
  'instances_rejected',
  'provision_latency_mean_ms',
] as const;
export type GroupMetricName = (typeof GROUP_METRICS)[number];

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
  // DMA
  'iotlb_hit_rate',
  'iotlb_misses_per_s',
  'devtlb_hit_rate',
  'translation_ns_per_packet',
  'invalidations_per_s',
  'invalidation_wait_mean_us',
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
  // run
  'events',
  'sim_time_ms',
] as const;
export type MetricName = (typeof METRICS)[number];

/** The one string-valued column of runs.csv: the first exhausted resource, or empty. */
export const LIMIT_RESOURCE_COLUMN = 'limit_resource';

/** Per-group metrics (groups.csv rows): the subset that is meaningful per tenant. */
export const GROUP_METRICS = [
  'offered_pps',
  'throughput_pps',
  'drop_rate',
  'latency_mean_us',
  'latency_p99_us',
  'interrupts_per_packet',
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

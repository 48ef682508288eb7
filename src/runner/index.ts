/**
 * The runner: run plans (point × replication, global run index, shards), the pure `runOne`,
 * executors (a piscina pool of reused worker threads, or in process for one job), the batch
 * loop, and the capacity search. It handles data only; files belong to `output/`.
 */
export {
  type BatchInterrupt,
  BatchInterruptedError,
  type BatchOptions,
  RunFailedError,
  runBatch,
} from './batch.js';
export {
  DEFAULT_SEARCH_LIMIT,
  parseSlo,
  type SearchBounds,
  type SearchResult,
  SLO_OPS,
  type Slo,
  type SloOp,
  searchCapacity,
  sloHolds,
  validateBounds,
} from './capacity.js';
export {
  createExecutor,
  defaultJobs,
  defaultWorkerUrl,
  type Executor,
  type ExecutorOptions,
  inProcessExecutor,
  loadTaskFn,
  poolExecutor,
} from './executor.js';
export { runOne } from './run-one.js';
export {
  isSkipped,
  type RunTask,
  type RunTaskAnswer,
  type RunTaskFn,
  type RunTaskResult,
  type SkippedTask,
  STARTED,
  STOP,
  taskControl,
  timedTask,
} from './run-task.js';
export { type LoadOptions, loadScenarioFile, type ScenarioLoader } from './scenario-loader.js';
export {
  type ChartDeclaration,
  inShard,
  type ParamValue,
  parseShard,
  planRuns,
  type RunJob,
  runSpecFor,
  type ShardSpec,
  type Study,
  type StudyPoint,
  shardLabel,
} from './study.js';

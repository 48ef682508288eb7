// Public surface of the statistics layer; import from here rather than from the files.
export { type Summary, studentT975, summarize } from './confidence.js';
export { Counter } from './counter.js';
export { jainIndex } from './fairness.js';
export { Histogram } from './histogram.js';
export {
  ResourceMeter,
  type ResourceSpec,
  ResourceUsage,
  type ResourceUse,
} from './resource-usage.js';
export { type Accumulator, StatsSet } from './stats-set.js';
export { Tally } from './tally.js';
export { TimeWeighted } from './time-weighted.js';

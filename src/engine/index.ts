export { EventQueue } from './event-queue.js';
export { Fingerprint } from './fingerprint.js';
export { MAX_PRIORITY, Priority, type PriorityName } from './priority.js';
export {
  type EventHandle,
  type Handler,
  type HandlerId,
  type RunOptions,
  type RunResult,
  Simulator,
} from './simulator.js';

/**
 * Named same-time priorities. Events at the same integer-ns time run in ascending priority,
 * then in scheduling order (FIFO). The names say what each level is for so that model code
 * never uses magic numbers; a component that must observe the state *after* everything else
 * at an instant (e.g. a statistics snapshot) uses `LATE`.
 */
export const Priority = {
  /** Cancels, resets and other bookkeeping that must precede model activity at an instant. */
  URGENT: 0,
  /** Completions and releases: free a server before new work at the same instant looks for one. */
  HIGH: 1,
  /** Ordinary model events: arrivals, starts. */
  NORMAL: 2,
  /** Timers that should see the same instant's arrivals (coalescing timeouts, polls). */
  LOW: 3,
  /** Observers: statistics snapshots, warm-up resets, end of run. */
  LATE: 4,
} as const;

export type PriorityName = keyof typeof Priority;
/** Priorities are small integers; 0–255 are representable in the queue key. */
export const MAX_PRIORITY = 255;

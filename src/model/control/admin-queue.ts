/**
 * The admin virtqueue(s) of the owner device (model.md §2, facts.md §1 and §6), as a channel
 * for commands:
 *
 *   token (per-tenant bucket) → [sync: driver mutex] → submit (submitNs) → enter queue q
 *     ↳ queue q full, or device at `deviceInflightLimit` → EAGAIN: retry after a uniform draw in
 *       [b/2, b], b = min(retryBackoffMaxNs, retryBackoffNs × retryBackoffFactor^k) (k = retries
 *       so far), then try to enter again
 *   queue q → a free worker (the QoS selector picks q) → service[class] → done
 *
 * - `queues` admin queues of `depth` entries; an entry is held from entering until completion
 *   (it occupies a descriptor chain until the device writes the status).
 * - `workers` device-side workers run commands in parallel; commands are dispatched in order
 *   within a queue (the spec's in-order processing is read as in-order *start*; completions
 *   may overtake each other when several workers serve one queue), any order across queues.
 * - EAGAIN is answered at submission (no side effects, facts.md §1 "Status codes"); the time
 *   spent backing off counts in the operation's latency, not in `adminq_wait`. The backoff is
 *   jittered ("equal jitter": half fixed, half uniform; stream `control/adminq/retry`):
 *   without it, commands refused at the same instant — a provisioning burst requests every
 *   instance at t = 0 — retry in lockstep for ever, each wave fills the freed entries and the
 *   queue then idles until the next wave, so a burst's makespan grew in proportion to
 *   `retryBackoffMaxNs` (an artefact: real spinning drivers drift apart, and randomized
 *   binary exponential backoff is the textbook remedy, as in Ethernet).
 * - `sync` mode is the first Linux implementation: one driver mutex, one command at a time,
 *   busy polling for its completion — the polling is host CPU time. `async` has many in flight.
 * - `submitNs` is driver-side work per submission (host CPU), before the command is visible.
 *
 * `adminq_wait` is measured from entering the queue to a worker starting the command.
 */
import { Priority } from '../../engine/priority.js';
import type { HandlerId } from '../../engine/simulator.js';
import type { RandomStream } from '../../random/random-stream.js';
import { InputError } from '../../util/errors.js';
import type { AdminqConfig } from '../config.js';
import type { ModelContext } from '../ports.js';
import type { CommandTable } from './command-table.js';
import type { ControlStats } from './control-stats.js';
import { IntQueue } from './int-queue.js';
import { SlotPool } from './slot-pool.js';
import type { QueueSelector } from './strategy-ports.js';
import { TokenBuckets } from './token-bucket.js';

export interface AdminQueueHooks {
  /** Service time of a command on a worker (ns), sampled when the worker takes it. */
  holdNs(cmd: number): number;
  /** The command completed at the current time. */
  done(cmd: number): void;
}

export class AdminQueue {
  readonly config: AdminqConfig;
  readonly selector: QueueSelector;
  /** Queue of each tenant (after the policy's mapping). */
  readonly tenantQueue: Int32Array;
  /** Peak commands in service at once (for tests). */
  peakBusy = 0;

  private readonly ctx: ModelContext;
  private readonly cmds: CommandTable;
  private readonly stats: ControlStats;
  private readonly hooks: AdminQueueHooks;
  private readonly queues: IntQueue[];
  /** Waiting commands per queue (what the selector reads). */
  private readonly lengths: Int32Array;
  /** Entries held per queue: waiting + in service. */
  private readonly occupancy: Int32Array;
  private readonly buckets: TokenBuckets;
  /** Backoff jitter; created on the first retry so runs without EAGAIN draw nothing. */
  private retryRng: RandomStream | undefined;
  private readonly mutex: SlotPool | undefined;
  private readonly submitHandler: HandlerId;
  private readonly retryHandler: HandlerId;
  private readonly doneHandler: HandlerId;
  private waiting = 0;
  private inflight = 0;
  private busy = 0;

  constructor(
    ctx: ModelContext,
    cmds: CommandTable,
    selector: QueueSelector,
    stats: ControlStats,
    hooks: AdminQueueHooks,
  ) {
    const a = ctx.config.adminq;
    validate(a);
    this.ctx = ctx;
    this.config = a;
    this.cmds = cmds;
    this.selector = selector;
    this.stats = stats;
    this.hooks = hooks;
    this.queues = Array.from({ length: a.queues }, () => new IntQueue());
    this.lengths = new Int32Array(a.queues);
    this.occupancy = new Int32Array(a.queues);
    const groups = ctx.config.workload.groups;
    this.tenantQueue = Int32Array.from(groups, (g, i) => {
      const q = selector.queueOf(g.adminQueue);
      if (!(Number.isInteger(q) && q >= 0 && q < a.queues)) {
        throw new InputError(
          `admin queue ${g.adminQueue} does not exist`,
          { path: `workload.groups[${i}].adminQueue` },
          `0..${a.queues - 1} (adminq.queues = ${a.queues})`,
        );
      }
      return q;
    });
    const sim = ctx.sim;
    this.buckets = new TokenBuckets(sim, groups, (cmd) => this.afterToken(cmd));
    this.mutex = a.mode === 'sync' ? new SlotPool(1, 1, (cmd) => this.afterMutex(cmd)) : undefined;
    this.submitHandler = sim.handler('control/adminq/submit', (cmd) => this.tryEnter(cmd));
    this.retryHandler = sim.handler('control/adminq/retry', (cmd) => this.tryEnter(cmd));
    this.doneHandler = sim.handler('control/adminq/done', (cmd) => this.finish(cmd));
  }

  submit(cmd: number): void {
    const cmds = this.cmds;
    cmds.retries[cmd] = 0;
    this.stats.adminqSubmitted(cmds.tenant[cmd] as number);
    if (cmds.rateLimited[cmd] === 0 || this.buckets.admit(cmds.tenant[cmd] as number, cmd))
      this.afterToken(cmd);
  }

  /** Workers busy now. */
  get busyWorkers(): number {
    return this.busy;
  }

  private afterToken(cmd: number): void {
    if (this.mutex === undefined) this.submitToRing(cmd);
    else this.mutex.acquire(cmd, false);
  }

  private afterMutex(cmd: number): void {
    this.cmds.grantedAt[cmd] = this.ctx.sim.now;
    this.submitToRing(cmd);
  }

  private submitToRing(cmd: number): void {
    const submitNs = this.config.submitNs;
    if (submitNs > 0) {
      this.ctx.hostCpu.addBusy(submitNs);
      this.ctx.sim.schedule(submitNs, this.submitHandler, cmd);
    } else {
      this.tryEnter(cmd);
    }
  }

  private tryEnter(cmd: number): void {
    const cmds = this.cmds;
    const tenant = cmds.tenant[cmd] as number;
    const q = this.tenantQueue[tenant] as number;
    if (
      (this.occupancy[q] as number) >= this.config.depth ||
      this.inflight >= this.config.deviceInflightLimit
    ) {
      const k = cmds.retries[cmd] as number;
      if (k < 0xffff) cmds.retries[cmd] = k + 1;
      this.stats.retry(tenant);
      const ceiling = Math.min(
        this.config.retryBackoffMaxNs,
        this.config.retryBackoffNs * this.config.retryBackoffFactor ** k,
      );
      if (this.retryRng === undefined) this.retryRng = this.ctx.streams.stream('control/adminq/retry');
      const backoff = Math.max(1, Math.round(ceiling * (0.5 + 0.5 * this.retryRng.random())));
      this.ctx.sim.schedule(backoff, this.retryHandler, cmd);
      return;
    }
    cmds.enteredAt[cmd] = this.ctx.sim.now;
    this.occupancy[q] = (this.occupancy[q] as number) + 1;
    this.inflight++;
    (this.queues[q] as IntQueue).push(cmd);
    const length = (this.lengths[q] as number) + 1;
    this.lengths[q] = length;
    this.waiting++;
    this.selector.enqueued(q, length);
    this.dispatch();
  }

  private dispatch(): void {
    const workers = this.config.workers;
    while (this.busy < workers && this.waiting > 0) {
      const q = this.selector.pick(this.lengths);
      const cmd = (this.queues[q] as IntQueue).shift();
      this.lengths[q] = (this.lengths[q] as number) - 1;
      this.waiting--;
      const now = this.ctx.sim.now;
      this.stats.adminqStarted(this.cmds.tenant[cmd] as number, now - (this.cmds.enteredAt[cmd] as number));
      this.busy++;
      if (this.busy > this.peakBusy) this.peakBusy = this.busy;
      this.stats.adminqBusy.set(now, this.busy);
      this.ctx.sim.schedule(this.hooks.holdNs(cmd), this.doneHandler, cmd, Priority.HIGH);
    }
  }

  private finish(cmd: number): void {
    const cmds = this.cmds;
    const now = this.ctx.sim.now;
    const tenant = cmds.tenant[cmd] as number;
    const q = this.tenantQueue[tenant] as number;
    this.busy--;
    this.stats.adminqBusy.set(now, this.busy);
    this.occupancy[q] = (this.occupancy[q] as number) - 1;
    this.inflight--;
    this.stats.adminqDone(tenant);
    if (this.mutex !== undefined) {
      // The driver spun from submission to completion (submission itself was counted above).
      this.ctx.hostCpu.addBusy(now - (cmds.grantedAt[cmd] as number) - this.config.submitNs);
      this.mutex.release(false);
    }
    this.dispatch();
    this.hooks.done(cmd);
  }
}

function validate(a: AdminqConfig): void {
  const fail = (key: string, allowed: string, value: unknown) => {
    throw new InputError(`invalid value ${String(value)}`, { path: `adminq.${key}` }, allowed);
  };
  if (!(Number.isInteger(a.queues) && a.queues >= 1)) fail('queues', 'an integer ≥ 1', a.queues);
  if (!(a.depth >= 1)) fail('depth', '≥ 1', a.depth);
  if (!(Number.isInteger(a.workers) && a.workers >= 1)) fail('workers', 'an integer ≥ 1', a.workers);
  if (!(a.deviceInflightLimit >= 1)) fail('deviceInflightLimit', '≥ 1', a.deviceInflightLimit);
  // A zero backoff would retry for ever without simulated time passing.
  if (!(a.retryBackoffNs > 0)) fail('retryBackoffNs', '> 0', a.retryBackoffNs);
  if (!(a.retryBackoffFactor >= 1)) fail('retryBackoffFactor', '≥ 1', a.retryBackoffFactor);
  if (!(a.submitNs >= 0)) fail('submitNs', '≥ 0', a.submitNs);
  if (a.policy === 'drr') {
    if (a.weights.length !== a.queues)
      fail('weights', `one weight per queue (${a.queues}) with policy drr`, a.weights);
    if (!a.weights.every((w) => w > 0)) fail('weights', 'weights > 0', a.weights);
    if (!(a.quantum > 0)) fail('quantum', '> 0', a.quantum);
  }
}

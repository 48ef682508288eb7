/**
 * The admin virtqueue(s) of the owner device as a channel for commands, driver side (the device
 * side, which fetches from the rings, is `AdminDevice`):
 *
 *   token (per-tenant bucket) → [sync: queue q's driver mutex] → submit work (submit) →
 *   an entry of ring q ─(ring full: wait, FIFO per queue, until an entry of q frees)→ posted →
 *   the device fetches it in its arbitration order → service → completion frees the entry
 *     ↳ answered EAGAIN (a device refusal): back off, then submit again
 *
 * - `queues` rings of `depth` entries; an entry is held from posting until the device writes
 *   the command's status (it occupies a descriptor chain meanwhile). A submitter that finds its
 *   ring full waits for an entry of *that* ring: one `SlotPool` per ring, so the completion that
 *   frees an entry hands it to the oldest waiter of the same queue, in the same event. A command
 *   costs O(1) events however many wait.
 * - Waiting is not free for the host: Linux re-tries a full ring in a `cpu_relax()` loop
 *   (since v6.11, [[linux-virtio-pci-admin]]) and the first driver's mutex waiters spin on a
 *   running owner ([[linux-mutex-spin]]). With `driverWait: spin` the time each submitter waits is host CPU — accounted as a
 *   time-weighted count of spinning threads, never as one event per spin; `sleep` charges none.
 * - `sync` is the first Linux driver (v6.8–v6.10): one mutex per queue, one command at a time,
 *   the holder busy-polls from posting to completion (host CPU). `async` keeps many in flight.
 * - EAGAIN comes only from the device (a status answer, `heavyLimit`): the driver backs off
 *   for a uniform draw in [b/2, b], b = min(retryBackoffMax, retryBackoff ×
 *   retryBackoffFactor^k) after the k-th consecutive refusal ("equal jitter", stream
 *   `control/adminq/retry`, created on the first refusal so runs without one draw nothing),
 *   then submits again. Two events per refusal; only bounded callers (the orchestrator, one
 *   CVQ command per instance) ever hold a command, so refusals per completion stay bounded.
 *
 * `adminq_wait` runs from an attempt passing its token bucket (plus the driver's own submit
 * work) to the device fetching it: mutex, ring-entry and in-ring waits. Backoff after EAGAIN
 * counts in the operation's latency only.
 */
import type { HandlerId } from '../../engine/simulator.js';
import type { RandomStream } from '../../random/random-stream.js';
import type { ResourceRole } from '../../stats/resource-usage.js';
import { InputError } from '../../util/errors.js';
import type { AdminqConfig } from '../config.js';
import type { ModelContext } from '../ports.js';
import { SlotPool } from '../primitives/slot-pool.js';
import { AdminDevice } from './admin-device.js';
import type { CommandTable } from './command-table.js';
import type { ControlStats } from './control-stats.js';
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

  private readonly ctx: ModelContext;
  private readonly cmds: CommandTable;
  private readonly stats: ControlStats;
  private readonly hooks: AdminQueueHooks;
  private readonly device: AdminDevice;
  /** The entries of each ring, with that ring's FIFO of waiting submitters. */
  private readonly rings: SlotPool[];
  /** Sync mode: each queue's driver mutex. */
  private readonly mutexes: SlotPool[] | undefined;
  private readonly buckets: TokenBuckets;
  private readonly spinWhileWaiting: boolean;
  private retryRng: RandomStream | undefined;
  private readonly submitHandler: HandlerId;
  private readonly retryHandler: HandlerId;

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
    this.device = new AdminDevice(ctx, cmds, selector, stats, {
      holdNs: (cmd) => hooks.holdNs(cmd),
      completed: (cmd, refused) => this.completed(cmd, refused),
    });
    // Each ring is a buffer in front of the workers: it reports how full it is, not a bottleneck.
    const metered = (name: string, capacity: number, role: ResourceRole) => ({
      meter: ctx.resources.register({ name, capacity, role }),
      clock: ctx.sim,
    });
    this.rings = Array.from(
      { length: a.queues },
      (_, q) =>
        new SlotPool(
          a.depth,
          a.depth,
          (cmd) => this.post(cmd),
          metered(`adminq-queue-${q}`, a.depth, 'buffer'),
        ),
    );
    this.mutexes =
      a.mode === 'sync'
        ? Array.from(
            { length: a.queues },
            (_, q) =>
              new SlotPool(1, 1, (cmd) => this.afterMutex(cmd), metered(`adminq-mutex-${q}`, 1, 'server')),
          )
        : undefined;
    this.spinWhileWaiting = a.driverWait === 'spin';
    const sim = ctx.sim;
    this.buckets = new TokenBuckets(sim, groups, (cmd) => this.admitted(cmd));
    this.submitHandler = sim.handler('control/adminq/submit', (cmd) => this.toRing(cmd));
    this.retryHandler = sim.handler('control/adminq/retry', (cmd) => this.admitted(cmd));
  }

  submit(cmd: number): void {
    const cmds = this.cmds;
    const tenant = cmds.tenant[cmd] as number;
    cmds.retries[cmd] = 0;
    this.stats.adminqSubmitted(tenant);
    if (cmds.rateLimited[cmd] === 0 || this.buckets.admit(tenant, cmd)) this.admitted(cmd);
  }

  /** Workers busy now. */
  get busyWorkers(): number {
    return this.device.busyWorkers;
  }

  /** Peak commands in service at once (for tests). */
  get peakBusy(): number {
    return this.device.peakBusy;
  }

  private queueOf(cmd: number): number {
    return this.tenantQueue[this.cmds.tenant[cmd] as number] as number;
  }

  /** The attempt passed its token bucket (or its backoff ended). */
  private admitted(cmd: number): void {
    this.cmds.readyAt[cmd] = this.ctx.sim.now;
    if (this.mutexes === undefined) this.startSubmit(cmd);
    else this.take(this.mutexes[this.queueOf(cmd)] as SlotPool, cmd);
  }

  /** Acquires `pool` for `cmd`, counting a spinning submitter while it waits. */
  private take(pool: SlotPool, cmd: number): void {
    if (!pool.available) {
      this.cmds.waiting[cmd] = 1;
      if (this.spinWhileWaiting) this.stats.driverSpin.add(this.ctx.sim.now, 1);
    }
    pool.acquire(cmd, false);
  }

  private stopWaiting(cmd: number): void {
    if (this.cmds.waiting[cmd] === 0) return;
    this.cmds.waiting[cmd] = 0;
    if (this.spinWhileWaiting) this.stats.driverSpin.add(this.ctx.sim.now, -1);
  }

  private afterMutex(cmd: number): void {
    this.stopWaiting(cmd);
    this.startSubmit(cmd);
  }

  private startSubmit(cmd: number): void {
    const submit = this.config.submit;
    if (submit > 0) {
      this.ctx.hostCpu.addBusy(submit);
      this.cmds.readyAt[cmd] = (this.cmds.readyAt[cmd] as number) + submit;
      this.ctx.sim.schedule(submit, this.submitHandler, cmd);
    } else {
      this.toRing(cmd);
    }
  }

  private toRing(cmd: number): void {
    this.take(this.rings[this.queueOf(cmd)] as SlotPool, cmd);
  }

  /** `cmd` holds an entry of its ring: it becomes visible to the device. */
  private post(cmd: number): void {
    this.stopWaiting(cmd);
    // The sync driver busy-polls for the completion from here on.
    if (this.mutexes !== undefined) this.stats.driverSpin.add(this.ctx.sim.now, 1);
    this.device.post(this.queueOf(cmd), cmd);
  }

  private completed(cmd: number, refused: boolean): void {
    const q = this.queueOf(cmd);
    (this.rings[q] as SlotPool).release(false);
    if (this.mutexes !== undefined) {
      this.stats.driverSpin.add(this.ctx.sim.now, -1);
      (this.mutexes[q] as SlotPool).release(false);
    }
    if (refused) {
      this.backOff(cmd);
      return;
    }
    this.stats.adminqDone(this.cmds.tenant[cmd] as number);
    this.hooks.done(cmd);
  }

  private backOff(cmd: number): void {
    const cmds = this.cmds;
    const k = cmds.retries[cmd] as number;
    if (k < 0xffff) cmds.retries[cmd] = k + 1;
    const a = this.config;
    const ceiling = Math.min(a.retryBackoffMax, a.retryBackoff * a.retryBackoffFactor ** k);
    this.retryRng ??= this.ctx.streams.stream('control/adminq/retry');
    const backoff = Math.max(1, Math.round(ceiling * (0.5 + 0.5 * this.retryRng.random())));
    this.ctx.sim.schedule(backoff, this.retryHandler, cmd);
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
  if (!(a.heavyLimit >= 0)) fail('heavyLimit', '≥ 0 (0 = no limit)', a.heavyLimit);
  // A refusal must take time, or refused commands and their retries could cycle at one instant.
  if (a.heavyLimit > 0 && !(a.refusal > 0)) fail('refusal', '> 0 when heavyLimit > 0', a.refusal);
  if (!(a.retryBackoff > 0)) fail('retryBackoff', '> 0', a.retryBackoff);
  if (!(a.retryBackoffFactor >= 1)) fail('retryBackoffFactor', '≥ 1', a.retryBackoffFactor);
  if (!(a.submit >= 0)) fail('submit', '≥ 0', a.submit);
  // What a policy needs of its own parameters (DRR's weights and quantum) it checks itself.
}

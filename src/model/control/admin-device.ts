/**
 * The device side of the admin virtqueues. Each queue is a ring the driver posts into; the
 * device *fetches* from the rings — in the policy's arbitration order (fifo / priority / drr) —
 * whenever it has a free worker and room under `deviceInflightLimit` (commands fetched and not
 * completed), so the policy orders every waiting command and a device-wide budget cannot
 * shut one queue out. Within a queue commands start in ring order (the device processes one
 * queue's commands in the order they were queued, [[virtio-admin]]; completions may overtake
 * each other when several workers serve one queue); across queues in any order.
 *
 * A heavy command (CREATE, DESTROY, VQ object commands) fetched while `heavyLimit` of them run
 * is answered EAGAIN — "resource busy", with no side effects — after `refusal` on
 * its worker; the driver decides when to try again. With `heavyLimit` 0 nothing is refused.
 *
 * The workers are not a `SlotPool` (primitives/resource.ts): a freed worker does not go to the
 * oldest waiter but to the command the policy's arbitration picks at that moment; their
 * observable side is the protocol's all the same, the `adminq-workers` meter.
 *
 * Events: one completion per fetched command (argument = the command id, priority HIGH so a
 * freed worker and ring entry are handed on before new arrivals at the same instant); the
 * fetch itself happens inside the event that made room, so a command costs O(1) events
 * whatever the backlog.
 */
import { Priority } from '../../engine/priority.js';
import type { HandlerId } from '../../engine/simulator.js';
import type { ResourceMeter } from '../../stats/resource-usage.js';
import { COMMAND_CLASSES } from '../config.js';
import type { ModelContext } from '../ports.js';
import { IntRing } from '../primitives/int-ring.js';
import { HEAVY_CODES } from './command-class.js';
import type { CommandTable } from './command-table.js';
import type { ControlStats } from './control-stats.js';
import type { QueueSelector } from './strategy-ports.js';

export interface AdminDeviceHooks {
  /** Service time of an accepted command on a worker (ns), sampled when the worker takes it. */
  holdNs(cmd: number): number;
  /** The device wrote `cmd`'s used entry at the current time; `refused` = answered EAGAIN. */
  completed(cmd: number, refused: boolean): void;
}

export class AdminDevice {
  /** Peak commands in service at once (for tests). */
  peakBusy = 0;

  private readonly ctx: ModelContext;
  private readonly cmds: CommandTable;
  private readonly selector: QueueSelector;
  private readonly stats: ControlStats;
  private readonly hooks: AdminDeviceHooks;
  /** Posted commands not yet fetched, per queue, and their counts (what the selector reads). */
  private readonly rings: IntRing[];
  private readonly lengths: Int32Array;
  /** Commands in progress at once: a free worker and room under the in-flight budget. */
  private readonly parallel: number;
  private readonly heavyLimit: number;
  private readonly refusal: number;
  /** 1 for the command classes `heavyLimit` counts. */
  private readonly heavyClass: Uint8Array;
  private readonly doneHandler: HandlerId;
  /** `adminq-workers`: workers held, commands posted and not yet fetched. */
  private readonly meter: ResourceMeter;
  private posted = 0;
  private busy = 0;
  private heavyBusy = 0;

  constructor(
    ctx: ModelContext,
    cmds: CommandTable,
    selector: QueueSelector,
    stats: ControlStats,
    hooks: AdminDeviceHooks,
  ) {
    const a = ctx.config.adminq;
    this.ctx = ctx;
    this.cmds = cmds;
    this.selector = selector;
    this.stats = stats;
    this.hooks = hooks;
    this.rings = Array.from({ length: a.queues }, () => new IntRing());
    this.lengths = new Int32Array(a.queues);
    this.parallel = Math.min(a.workers, a.deviceInflightLimit);
    this.heavyLimit = a.heavyLimit;
    this.refusal = a.refusal;
    this.heavyClass = Uint8Array.from(COMMAND_CLASSES, (_, code) => (HEAVY_CODES.has(code) ? 1 : 0));
    this.doneHandler = ctx.sim.handler('control/adminq/done', (cmd) => this.finish(cmd));
    // The workers' capacity is what can run at once: min(workers, deviceInflightLimit). Registered
    // before the rings, so that a tie names the workers.
    this.meter = ctx.resources.register({
      name: 'adminq-workers',
      capacity: this.parallel,
      held: stats.adminqBusy,
    });
  }

  /** Workers busy now. */
  get busyWorkers(): number {
    return this.busy;
  }

  /** The driver made `cmd` available on ring `q` (it holds one of the ring's entries). */
  post(q: number, cmd: number): void {
    (this.rings[q] as IntRing).push(cmd);
    const length = (this.lengths[q] as number) + 1;
    this.lengths[q] = length;
    this.posted++;
    this.meter.queue.set(this.ctx.sim.now, this.posted);
    this.selector.enqueued(q, length);
    this.fetch();
  }

  private fetch(): void {
    const cmds = this.cmds;
    while (this.busy < this.parallel && this.posted > 0) {
      const q = this.selector.pick(this.lengths);
      const cmd = (this.rings[q] as IntRing).shift();
      this.lengths[q] = (this.lengths[q] as number) - 1;
      this.posted--;
      const now = this.ctx.sim.now;
      this.meter.queue.set(now, this.posted);
      this.meter.granted();
      this.busy++;
      if (this.busy > this.peakBusy) this.peakBusy = this.busy;
      this.stats.adminqBusy.set(now, this.busy);
      if (this.heavyLimit > 0 && this.heavyClass[cmds.cls[cmd] as number] === 1) {
        if (this.heavyBusy >= this.heavyLimit) {
          cmds.refused[cmd] = 1;
          this.ctx.sim.schedule(this.refusal, this.doneHandler, cmd, Priority.HIGH);
          continue;
        }
        this.heavyBusy++;
      }
      cmds.refused[cmd] = 0;
      this.stats.adminqStarted(cmds.tenant[cmd] as number, now - (cmds.readyAt[cmd] as number));
      this.ctx.sim.schedule(this.hooks.holdNs(cmd), this.doneHandler, cmd, Priority.HIGH);
    }
  }

  private finish(cmd: number): void {
    const cmds = this.cmds;
    const refused = cmds.refused[cmd] === 1;
    this.busy--;
    this.stats.adminqBusy.set(this.ctx.sim.now, this.busy);
    if (refused) this.stats.retry(cmds.tenant[cmd] as number);
    else if (this.heavyLimit > 0 && this.heavyClass[cmds.cls[cmd] as number] === 1) this.heavyBusy--;
    // The driver reclaims the entry first (it may post a waiter), then the device fetches.
    this.hooks.completed(cmd, refused);
    this.fetch();
  }
}

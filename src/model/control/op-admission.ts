/**
 * When an issued operation may begin — the callers are bounded, so a backlog waits here, at no
 * cost in events (an operation begins inside the event that ends the one it waited for):
 * - provisioning and teardown belong to the orchestrator, which runs at most
 *   `provisioning.concurrency` of them at once (OpenStack Nova's `max_concurrent_builds`,
 *   [[openstack-nova-builds]]); the rest wait in request order.
 * - a runtime control operation waits for the previous one of its instance: the guest's
 *   virtio-net driver has one control request outstanding per device. It sends one CVQ command
 *   at a time and spins for its ack (virtnet_send_command, serialized by rtnl_lock,
 *   [[linux-virtio-net-cvq]]); a config-space read stalls the vCPU that traps on it, and the
 *   driver reads its config from one work item per device (virtnet_config_changed_work). Further operations
 *   wait in that instance's driver, FIFO: an open-loop overload becomes a counted backlog there.
 */
import { CONTROL_OPS } from '../config.js';
import type { ModelContext } from '../ports.js';
import { SlotPool } from '../primitives/slot-pool.js';
import type { OpTable } from './command-table.js';
import { KeyedLocks } from './keyed-locks.js';
import { OP_KIND_COUNT, OpKind, opKindOf } from './op-programs.js';

const Gate = { NONE: 0, ORCHESTRATOR: 1, INSTANCE: 2 } as const;

export class OpAdmission {
  private readonly ops: OpTable;
  /** Which gate each operation kind passes. */
  private readonly gateOf: Uint8Array;
  private readonly callers: SlotPool;
  /** One control request outstanding per instance. */
  private readonly instance: KeyedLocks;
  private readonly begin: (op: number) => void;

  constructor(ctx: ModelContext, ops: OpTable, begin: (op: number) => void) {
    this.ops = ops;
    this.begin = begin;
    const concurrency = ctx.config.provisioning.concurrency;
    if (!(concurrency >= 1)) throw new RangeError(`provisioning.concurrency must be ≥ 1, got ${concurrency}`);
    this.gateOf = new Uint8Array(OP_KIND_COUNT);
    this.gateOf[OpKind.PROVISION] = Gate.ORCHESTRATOR;
    this.gateOf[OpKind.TEARDOWN] = Gate.ORCHESTRATOR;
    for (const op of CONTROL_OPS) this.gateOf[opKindOf(op)] = Gate.INSTANCE;
    const meter = ctx.resources.register({
      name: 'provisioning-callers',
      capacity: concurrency,
      // A caller holds its slot through the creation's waits at every lock and worker.
      role: 'population',
    });
    this.callers = new SlotPool(concurrency, concurrency, begin, { meter, clock: ctx.sim });
    this.instance = new KeyedLocks(ctx.instances.capacity, begin);
  }

  /** `op` was issued now: it begins at once or when its gate lets it. */
  admit(op: number): void {
    switch (this.gateOf[this.ops.kind[op] as number]) {
      case Gate.ORCHESTRATOR:
        this.callers.acquire(op, false);
        return;
      case Gate.INSTANCE:
        this.instance.acquire(this.ops.instance[op] as number, op);
        return;
      default:
        this.begin(op);
    }
  }

  /** An operation of `kind` on `instance` finished: the next one waiting at its gate begins. */
  finished(kind: number, instance: number): void {
    const gate = this.gateOf[kind];
    if (gate === Gate.ORCHESTRATOR) this.callers.release(false);
    else if (gate === Gate.INSTANCE) this.instance.release(instance);
  }
}

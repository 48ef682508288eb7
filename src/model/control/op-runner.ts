/**
 * Runs operation programs (op-programs.ts): each operation executes its steps one after
 * another; a step that waits (a command, a CVQ service, the management lock, host work) hands
 * the operation id to the component that serves it, which calls back when done. Operations
 * and commands live in the typed-array tables; no closure or object is made per event.
 */
import type { HandlerId } from '../../engine/simulator.js';
import { makeDistribution } from '../../random/distribution.js';
import type { ModelContext } from '../ports.js';
import { SlotPool } from '../primitives/slot-pool.js';
import { Station } from '../primitives/station.js';
import type { CommandTable, OpTable } from './command-table.js';
import { HardwareCvq } from './hw-cvq.js';
import { OpAdmission } from './op-admission.js';
import { OpKind, type Step, StepKind } from './op-programs.js';
import type { ProvisioningModel } from './strategy-ports.js';

export interface OpRunnerDeps {
  /** Programs by device type (deviceIndex) and operation kind (OpKind). */
  programs: readonly (readonly (readonly Step[])[])[];
  cmds: CommandTable;
  ops: OpTable;
  provisioning: ProvisioningModel;
  /** Sends a filled-in command to the transport. */
  submitCommand(cmd: number): void;
  /** Instances that exist now (for the management path's per-instance cost). */
  existingInstances(): number;
  /** The operation finished its last step (called before its id is freed). */
  opDone(op: number): void;
}

export class OpRunner {
  private readonly ctx: ModelContext;
  private readonly deps: OpRunnerDeps;
  private readonly admission: OpAdmission;
  private readonly hwCvq: HardwareCvq | undefined;
  private readonly swDecode: Station | undefined;
  private readonly mgmtLock: SlotPool | undefined;
  private readonly mgmtHostHandler: HandlerId | undefined;
  private readonly keyBuildHandler: HandlerId | undefined;

  constructor(ctx: ModelContext, deps: OpRunnerDeps) {
    this.ctx = ctx;
    this.deps = deps;
    const { config, sim, streams } = ctx;
    this.admission = new OpAdmission(ctx, deps.ops, (op) => this.run(op));
    const uses = (kind: number) => deps.programs.some((t) => t.some((p) => p.some((s) => s.kind === kind)));
    if (uses(StepKind.HW_CVQ)) {
      const service = makeDistribution(config.device.hwCvqService);
      this.hwCvq = new HardwareCvq(
        sim,
        ctx.instances.capacity,
        service,
        streams.stream('control/hw-cvq'),
        (op) => this.run(op),
      );
    }
    if (uses(StepKind.SW_DECODE)) {
      // Host mediation cores decode software-CVQ commands: a FIFO station of host.cores servers.
      const decode = makeDistribution(config.host.swCvqDecode);
      const rng = streams.stream('control/sw-cvq');
      this.swDecode = new Station(
        sim,
        'control/sw-cvq/done',
        config.host.cores,
        config.host.cores,
        {
          holdNs: () => {
            const ns = Math.round(decode.sample(rng));
            ctx.hostCpu.addBusy(ns);
            return ns;
          },
          heavy: () => false,
          done: (op) => this.run(op),
        },
        ctx.resources.register({ name: 'sw-cvq-decode', capacity: config.host.cores }),
      );
    }
    if (uses(StepKind.MGMT_LOCK)) {
      // The one global vDPA management lock (vdpa_dev_lock), across every parent.
      const meter = ctx.resources.register({ name: 'netlink-lock', capacity: 1 });
      this.mgmtLock = new SlotPool(1, 1, (op) => this.run(op), { meter, clock: sim });
      this.mgmtHostHandler = sim.handler('control/mgmt/host-done', (op) => this.run(op));
    }
    if (uses(StepKind.KEY_BUILD)) {
      // Device firmware work per instance, in parallel across instances (mlx5 builds MKEYs with
      // parallel firmware commands [[mlx5-vdpa-mkey-2024]]).
      this.keyBuildHandler = sim.handler('control/device-mmu/keys-built', (op) => this.run(op));
    }
  }

  /** Issues operation `kind` for `instance` now (it begins when its callers let it); returns its id. */
  start(kind: number, instance: number): number {
    const ops = this.deps.ops;
    const op = ops.alloc();
    ops.kind[op] = kind;
    ops.instance[op] = instance;
    ops.step[op] = 0;
    ops.issuedAt[op] = this.ctx.sim.now;
    this.admission.admit(op);
    return op;
  }

  /** The transport completed command `cmd`: its operation goes on once its step's last command is done. */
  commandDone(cmd: number): void {
    const cmds = this.deps.cmds;
    const ops = this.deps.ops;
    const op = cmds.op[cmd] as number;
    cmds.release(cmd);
    const left = (ops.pending[op] as number) - 1;
    ops.pending[op] = left;
    if (left === 0) this.run(op);
  }

  /** Runs `op` from its next step until a step has to wait, or the program ends. */
  private run(op: number): void {
    const { ops, programs } = this.deps;
    const { config, instances } = this.ctx;
    const group = config.workload.groups[instances.group[ops.instance[op] as number] as number];
    const table = programs[group?.device === 'blk' ? 1 : 0] as readonly (readonly Step[])[];
    const program = table[ops.kind[op] as number] as readonly Step[];
    for (;;) {
      const index = ops.step[op] as number;
      if (index >= program.length) {
        this.end(op);
        return;
      }
      ops.step[op] = index + 1;
      const step = program[index] as Step;
      switch (step.kind) {
        case StepKind.COMMAND: {
          const n = step.fanOut ?? 1;
          ops.pending[op] = n;
          for (let k = 0; k < n; k++) this.issueCommand(op, step);
          return;
        }
        case StepKind.HW_CVQ:
          this.hwCvq?.submit(op, ops.instance[op] as number);
          return;
        case StepKind.SW_DECODE:
          this.swDecode?.submit(op);
          return;
        case StepKind.MGMT_LOCK:
          this.mgmtLock?.acquire(op, false);
          return;
        case StepKind.KEY_BUILD:
          this.ctx.sim.schedule(
            this.ctx.config.iommu.deviceMmu.keyBuild,
            this.keyBuildHandler as HandlerId,
            op,
          );
          return;
        case StepKind.MGMT_HOST: {
          const ns = Math.round(this.deps.provisioning.requestCostNs(this.deps.existingInstances()));
          this.ctx.hostCpu.addBusy(ns);
          this.ctx.sim.schedule(ns, this.mgmtHostHandler as HandlerId, op);
          return;
        }
        case StepKind.MGMT_UNLOCK:
          if (index + 1 === program.length) {
            // The instance is registered (or gone) before the lock passes on, as vdpa_dev_add
            // and vdpa_dev_del do under vdpa_dev_lock: the next request counts it.
            this.end(op, true);
            return;
          }
          this.mgmtLock?.release(false);
          break;
      }
    }
  }

  /**
   * The last step of `op` is done: report it, free its id, pass on the management lock (when
   * `unlock`: the lock's waiters came first), then let the next operation at its gate begin.
   */
  private end(op: number, unlock = false): void {
    const ops = this.deps.ops;
    const kind = ops.kind[op] as number;
    const instance = ops.instance[op] as number;
    this.deps.opDone(op);
    ops.release(op);
    if (unlock) this.mgmtLock?.release(false);
    this.admission.finished(kind, instance);
  }

  private issueCommand(op: number, step: Step): void {
    const { cmds, ops } = this.deps;
    const cmd = cmds.alloc();
    const instance = ops.instance[op] as number;
    cmds.op[cmd] = op;
    cmds.cls[cmd] = step.cls;
    cmds.writes[cmd] = step.writes;
    cmds.reads[cmd] = step.reads;
    cmds.instance[cmd] = instance;
    cmds.tenant[cmd] = this.ctx.instances.group[instance] as number;
    cmds.rateLimited[cmd] = (ops.kind[op] as number) < OpKind.PROVISION ? 1 : 0;
    this.deps.submitCommand(cmd);
  }
}

/**
 * Instance life cycle (docs/model.md, "Control plane"): ABSENT → PROVISIONING → READY → TEARDOWN → ABSENT, or
 * REJECTED when a resource is exhausted (checked when the creation is requested, in instance
 * order, so rejections do not depend on timing).
 *
 * - `provisioning.start = ready`: at t = 0 every instance that fits is READY at once (no
 *   control traffic) and the data path is told; the rest are REJECTED.
 * - `burst`: all N creations are requested at t = 0, in instance order, through the chosen
 *   method; each instance is activated at its DRIVER_OK.
 * - Churn (per device, Poisson): `churn.destroy` destroys a uniformly chosen READY instance
 *   (traffic stops, teardown sequence, resources released when it completes);
 *   `churn.create` re-creates a uniformly chosen ABSENT one.
 * The t = 0 work runs in one event at priority URGENT, after every component's `start`.
 */
import { Priority } from '../../engine/priority.js';
import type { HandlerId } from '../../engine/simulator.js';
import type { RandomStream } from '../../random/random-stream.js';
import type { DeviceType, GroupConfig } from '../config.js';
import { InstanceState } from '../instance-table.js';
import type { DataPathPort, ModelContext } from '../ports.js';
import { IndexedSet } from '../primitives/indexed-set.js';
import type { ControlStats } from './control-stats.js';
import { OpKind } from './op-programs.js';
import type { ResourceLedger } from './resource-ledger.js';

export interface ProvisionerDeps {
  ledger: ResourceLedger;
  stats: ControlStats;
  dataPath: DataPathPort;
  startOp(kind: number, instance: number): void;
  /** Told once when the start burst is over: every admitted creation reached DRIVER_OK. */
  onBurstDone?(nowNs: number): void;
}

export class Provisioner {
  readonly ready: IndexedSet;
  readonly absent: IndexedSet;
  private readonly ctx: ModelContext;
  private readonly deps: ProvisionerDeps;
  private readonly burstPending: Uint8Array;
  private readonly beginHandler: HandlerId;
  private readonly churnCreateHandler: HandlerId;
  private readonly churnDestroyHandler: HandlerId;
  /** The burst's creations have all been requested (the t = 0 loop ran), and it was reported over. */
  private burstIssued = false;
  private burstOver = false;
  private createRng: RandomStream | undefined;
  private destroyRng: RandomStream | undefined;

  constructor(ctx: ModelContext, deps: ProvisionerDeps) {
    this.ctx = ctx;
    this.deps = deps;
    const n = ctx.instances.capacity;
    this.ready = new IndexedSet(n);
    this.absent = new IndexedSet(n);
    this.burstPending = new Uint8Array(n);
    const sim = ctx.sim;
    this.beginHandler = sim.handler('control/provisioning/begin', () => this.begin());
    this.churnCreateHandler = sim.handler('control/churn/create', () => this.churnCreate());
    this.churnDestroyHandler = sim.handler('control/churn/destroy', () => this.churnDestroy());
  }

  start(): void {
    const { sim, config, streams } = this.ctx;
    sim.schedule(0, this.beginHandler, 0, Priority.URGENT);
    const p = config.provisioning;
    if (p.churn.create > 0) {
      this.createRng = streams.stream('control/churn/create');
      sim.schedule(this.createRng.exponential(1e9 / p.churn.create), this.churnCreateHandler);
    }
    if (p.churn.destroy > 0) {
      this.destroyRng = streams.stream('control/churn/destroy');
      sim.schedule(this.destroyRng.exponential(1e9 / p.churn.destroy), this.churnDestroyHandler);
    }
  }

  /** The instance reached DRIVER_OK. */
  provisioned(instance: number): void {
    const { instances, sim } = this.ctx;
    instances.state[instance] = InstanceState.READY;
    this.ready.add(instance);
    const latency = sim.now - (instances.requestedAt[instance] as number);
    const fromBurst = this.burstPending[instance] === 1;
    this.deps.stats.provisioned(instances.group[instance] as number, latency, fromBurst, sim.now);
    this.burstPending[instance] = 0;
    if (fromBurst) this.checkBurstOver();
    this.deps.dataPath.activate(instance);
  }

  /** The instance's teardown sequence completed. */
  tornDown(instance: number): void {
    this.deps.ledger.release(this.deviceOf(instance));
    this.ctx.instances.state[instance] = InstanceState.ABSENT;
    this.absent.add(instance);
  }

  private begin(): void {
    const { instances, config } = this.ctx;
    const burst = config.provisioning.start === 'burst';
    for (let i = 0; i < instances.capacity; i++) {
      if (burst) {
        this.request(i, true);
      } else if (this.admit(i)) {
        instances.state[i] = InstanceState.READY;
        this.ready.add(i);
        this.deps.dataPath.activate(i);
      }
    }
    if (!burst) return;
    this.burstIssued = true;
    this.checkBurstOver();
  }

  private checkBurstOver(): void {
    const s = this.deps.stats;
    if (!this.burstIssued || this.burstOver || s.burstReady < s.burstAdmitted) return;
    this.burstOver = true;
    this.deps.onBurstDone?.(this.ctx.sim.now);
  }

  /** Checks resources; on success the instance holds them, otherwise it is REJECTED. */
  private admit(instance: number): boolean {
    const rejectedBy = this.deps.ledger.tryAdmit(this.deviceOf(instance));
    if (rejectedBy === undefined) return true;
    this.ctx.instances.state[instance] = InstanceState.REJECTED;
    this.deps.stats.rejected(rejectedBy);
    return false;
  }

  private deviceOf(instance: number): DeviceType {
    const { config, instances } = this.ctx;
    return (config.workload.groups[instances.group[instance] as number] as GroupConfig).device;
  }

  private request(instance: number, fromBurst: boolean): void {
    const { instances, sim } = this.ctx;
    instances.requestedAt[instance] = sim.now;
    if (!this.admit(instance)) return;
    if (fromBurst) this.deps.stats.burstAdmitted++;
    instances.state[instance] = InstanceState.PROVISIONING;
    this.burstPending[instance] = fromBurst ? 1 : 0;
    this.deps.startOp(OpKind.PROVISION, instance);
  }

  private churnCreate(): void {
    const rng = this.createRng as RandomStream;
    if (this.absent.size > 0) this.create(this.absent.at(rng.below(this.absent.size)));
    this.ctx.sim.schedule(
      rng.exponential(1e9 / this.ctx.config.provisioning.churn.create),
      this.churnCreateHandler,
    );
  }

  /** Requests the creation of an ABSENT instance now (churn, or a test). */
  create(instance: number): void {
    if (this.ctx.instances.state[instance] !== InstanceState.ABSENT) {
      throw new Error(`create: instance ${instance} is not ABSENT`);
    }
    this.absent.delete(instance);
    this.request(instance, false);
  }

  /** Starts tearing down a READY instance now: its traffic stops, the teardown sequence runs. */
  destroy(instance: number): void {
    if (this.ctx.instances.state[instance] !== InstanceState.READY) {
      throw new Error(`destroy: instance ${instance} is not READY`);
    }
    this.ready.delete(instance);
    this.ctx.instances.state[instance] = InstanceState.TEARDOWN;
    this.deps.dataPath.deactivate(instance);
    this.deps.startOp(OpKind.TEARDOWN, instance);
  }

  private churnDestroy(): void {
    const rng = this.destroyRng as RandomStream;
    if (this.ready.size > 0) this.destroy(this.ready.at(rng.below(this.ready.size)));
    this.ctx.sim.schedule(
      rng.exponential(1e9 / this.ctx.config.provisioning.churn.destroy),
      this.churnDestroyHandler,
    );
  }
}

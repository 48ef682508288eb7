/**
 * The guests' runtime control traffic (docs/model.md, "Control plane"): each workload group offers `control.rate`
 * operations per second per instance, drawn from its `ops` mix. One Poisson stream per group at
 * rate × group size picks a uniformly random instance of the group; operations are issued only
 * to READY instances (thinning), so the offered rate is `rate` per ready instance. A group's
 * random stream is `control/ops/<group>`: arrivals, instance and op draws, whatever the strategy
 * (common random numbers across transports).
 */
import type { HandlerId } from '../../engine/simulator.js';
import type { RandomStream } from '../../random/random-stream.js';
import { CONTROL_OPS, type ControlOp, CVQ_OPS } from '../config.js';
import { InstanceState } from '../instance-table.js';
import type { ModelContext } from '../ports.js';
import { opKindOf } from './op-programs.js';

/**
 * Per-group parameters in flat typed arrays (10⁴ tenants touch one cache line each per
 * arrival rather than a chain of objects); the op mix of group g is entries
 * mixStart[g] .. mixStart[g + 1] − 1 of `cumulative` / `kinds`.
 */
export class ControlWorkload {
  private readonly ctx: ModelContext;
  private readonly startOp: (kind: number, instance: number) => void;
  private readonly rngs: (RandomStream | undefined)[];
  private readonly meanGapNs: Float64Array;
  private readonly first: Int32Array;
  private readonly count: Int32Array;
  private readonly mixStart: Int32Array;
  private readonly cumulative: Float64Array;
  private readonly kinds: Uint8Array;
  private readonly arrivalHandler: HandlerId;

  /** `carriesCvq` false: the instances have no CVQ and the groups' CVQ operations are not issued. */
  constructor(ctx: ModelContext, carriesCvq: boolean, startOp: (kind: number, instance: number) => void) {
    this.ctx = ctx;
    this.startOp = startOp;
    const groups = ctx.config.workload.groups;
    const n = groups.length;
    const cvqless = !carriesCvq;
    this.rngs = new Array<RandomStream | undefined>(n);
    this.meanGapNs = new Float64Array(n);
    this.first = Int32Array.from(ctx.instances.groupStart);
    this.count = Int32Array.from(ctx.instances.groupSizes);
    this.mixStart = new Int32Array(n + 1);
    const cumulative: number[] = [];
    const kinds: number[] = [];
    groups.forEach((group, g) => {
      this.mixStart[g] = cumulative.length;
      const count = this.count[g] as number;
      if (!(group.control.rate > 0) || count === 0) return;
      const entries = mixOf(group.control.ops).filter(([op]) => {
        if (!cvqless || !CVQ_OPS.includes(op)) return true;
        ctx.warn(
          `cvq: none — CVQ operations (${op}) of group '${group.name}' are unsupported and not issued`,
        );
        return false;
      });
      if (entries.length === 0) return;
      let total = 0;
      for (const [op, w] of entries) {
        total += w;
        cumulative.push(total);
        kinds.push(opKindOf(op));
      }
      this.rngs[g] = ctx.streams.stream(`control/ops/${group.name}`);
      this.meanGapNs[g] = 1e9 / (group.control.rate * count);
    });
    this.mixStart[n] = cumulative.length;
    this.cumulative = Float64Array.from(cumulative);
    this.kinds = Uint8Array.from(kinds);
    this.arrivalHandler = ctx.sim.handler('control/ops/arrival', (g) => this.arrive(g));
  }

  start(): void {
    this.rngs.forEach((rng, g) => {
      if (rng !== undefined)
        this.ctx.sim.schedule(rng.exponential(this.meanGapNs[g] as number), this.arrivalHandler, g);
    });
  }

  private arrive(g: number): void {
    const rng = this.rngs[g] as RandomStream;
    const instance = (this.first[g] as number) + rng.below(this.count[g] as number);
    const lo = this.mixStart[g] as number;
    const last = (this.mixStart[g + 1] as number) - 1;
    // Drawn whatever the instance's state, so the stream's use does not depend on the strategy.
    const u = rng.random() * (this.cumulative[last] as number);
    if (this.ctx.instances.state[instance] === InstanceState.READY) {
      let k = lo;
      while (k < last && u >= (this.cumulative[k] as number)) k++;
      this.startOp(this.kinds[k] as number, instance);
    }
    this.ctx.sim.schedule(rng.exponential(this.meanGapNs[g] as number), this.arrivalHandler, g);
  }
}

/** The op mix as (op, weight) pairs in CONTROL_OPS order; an empty mix means config-read. */
function mixOf(ops: Partial<Record<ControlOp, number>>): [ControlOp, number][] {
  const entries = CONTROL_OPS.filter((op) => (ops[op] ?? 0) > 0).map((op): [ControlOp, number] => [
    op,
    ops[op] ?? 0,
  ]);
  return entries.length > 0 ? entries : [['config-read', 1]];
}

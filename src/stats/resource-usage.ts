/**
 * Utilisation, queue length and wait of every queueing resource of a run, collected the same
 * way whatever the resource: a component registers a named resource with its capacity and
 * feeds three accumulators — how much of it is held (a time-weighted level, or held time
 * summed when a resource is charged in time, like host cores), how many wait for it (a
 * time-weighted level), and how long they waited (per departure) — and the registry restarts
 * them all at the warm-up boundary and reports them over the measured window. Any resource
 * protocol (a server pool, a slot pool, a lock, a bounded queue) can feed it.
 *
 * Utilisation = ∫held dt / (capacity × window): the fraction of the capacity in use on average
 * (ρ = λ / (c μ) for a stable c-server queue). The mean wait is the mean of the recorded waits,
 * or, for a resource that only counts its departures, Little's law on its queue: ∫queue dt /
 * departures (exact when the queue is empty at both ends of the window, otherwise off by the
 * boundary terms — negligible over a window many service times long).
 */
import { Tally } from './tally.js';
import { TimeWeighted } from './time-weighted.js';

export interface ResourceSpec {
  /** Stable name: the `resource` column of resources.csv and the `bottleneck` of runs.csv. */
  name: string;
  /** Servers, slots, entries or cores: what utilisation divides by (> 0). */
  capacity: number;
  /** Entries the resource's queue can hold, when it is bounded (an admin queue's depth). */
  queueCapacity?: number | undefined;
  /** The owner's own level of units held, adopted instead of a new one (no double bookkeeping). */
  held?: TimeWeighted | undefined;
  /** What kind of resource it is (default `server`); see ResourceRole. */
  role?: ResourceRole | undefined;
}

/**
 * - `server`: requests hold it and queue for it (engines, workers, slots, locks);
 * - `accounted`: time charged to it for work done elsewhere, not queued for (host cores, the
 *   walks inside engine service, interrupt handlers): its utilisation may exceed 1 when the
 *   model charges more than exists;
 * - `buffer`: entries holding requests for a server (an admin queue's ring): full when the
 *   server is saturated — a symptom, never the binding resource;
 * - `population`: slots a request holds for its whole passage through other resources (the
 *   orchestrator's build slots, held from a creation's start to its DRIVER_OK): full whenever
 *   anything downstream is saturated, so it binds only when nothing downstream is.
 */
export type ResourceRole = 'server' | 'accounted' | 'buffer' | 'population';

/** One resource's accumulators; the component that owns the resource updates them. */
export class ResourceMeter {
  readonly name: string;
  readonly role: ResourceRole;
  /**
   * Units available. Fixed for most resources; one whose size follows the run (the interrupt
   * vectors in use) is settled by its owner before collection: the value then is used.
   */
  capacity: number;
  readonly queueCapacity: number | undefined;
  /** Units held: busy servers, taken slots, occupied entries. */
  readonly held: TimeWeighted;
  /** Requests waiting for the resource. */
  readonly queue: TimeWeighted;
  /** Waits of the requests that got the resource (ns), when the owner records them. */
  readonly wait = new Tally();
  /** Held time charged directly (ns), for resources accounted in time rather than as a level. */
  heldNs = 0;
  /**
   * Waiting time charged directly (ns), for an owner that computes its FIFO instead of
   * simulating it: ∫queue dt is the sum of the waits (Little), with `queuePeak` its most waiting.
   */
  queuedNs = 0;
  queuePeak = 0;
  /** Requests that left the queue (for Little's law when waits are not recorded one by one). */
  departures = 0;

  constructor(spec: ResourceSpec, startNs: number) {
    if (!(spec.capacity > 0))
      throw new RangeError(`resource ${spec.name}: capacity must be > 0, got ${spec.capacity}`);
    this.name = spec.name;
    this.role = spec.role ?? 'server';
    this.capacity = spec.capacity;
    this.queueCapacity = spec.queueCapacity;
    this.held = spec.held ?? new TimeWeighted(startNs, 0);
    this.queue = new TimeWeighted(startNs, 0);
  }

  /** A request joins the queue. */
  join(nowNs: number): void {
    this.queue.add(nowNs, 1);
  }

  /** A request leaves the queue for the resource, after waiting `waitedNs` when known. */
  leave(nowNs: number, waitedNs?: number): void {
    this.queue.add(nowNs, -1);
    this.departures++;
    if (waitedNs !== undefined) this.wait.add(waitedNs);
  }

  /**
   * A request got the resource, for an owner that sets the queue level itself (`queue.set`):
   * counted among the departures Little's law divides by, whether it waited or not.
   */
  granted(): void {
    this.departures++;
  }

  reset(nowNs: number): void {
    this.held.reset(nowNs);
    this.queue.reset(nowNs);
    this.wait.reset();
    this.heldNs = 0;
    this.queuedNs = 0;
    this.queuePeak = 0;
    this.departures = 0;
  }
}

/** What a resource did over the measured window: one row of resources.csv. */
export interface ResourceUse {
  resource: string;
  role: ResourceRole;
  capacity: number;
  /** Mean fraction of the capacity held. */
  utilisation: number;
  /** Mean number of requests waiting. */
  queueMean: number;
  /** Most requests waiting at once. */
  queueMax: number;
  /** The queue's bound, when it has one (NaN otherwise). */
  queueCapacity: number;
  /** Mean wait of a request for the resource, µs (NaN when nothing waited or left). */
  waitMeanUs: number;
}

/**
 * The per-run registry: every resource registered once, by a unique name, in a stable order
 * (the order components are built in, so resources.csv rows come out the same every run).
 * Owners settle time-charged meters (`heldNs`) and changing capacities in their `collect`,
 * which the run calls before it collects the registry.
 */
export class ResourceUsage {
  private readonly meters: ResourceMeter[] = [];
  private readonly names = new Set<string>();

  constructor(private readonly startNs = 0) {}

  register(spec: ResourceSpec): ResourceMeter {
    if (this.names.has(spec.name)) throw new Error(`ResourceUsage: resource '${spec.name}' registered twice`);
    this.names.add(spec.name);
    const meter = new ResourceMeter(spec, this.startNs);
    this.meters.push(meter);
    return meter;
  }

  /** Warm-up boundary: every resource restarts its window (levels keep their value). */
  resetAll(nowNs: number): void {
    for (const m of this.meters) m.reset(nowNs);
  }

  /** Each resource over the window [nowNs − windowNs, nowNs], in registration order. */
  collect(nowNs: number, windowNs: number): ResourceUse[] {
    return this.meters.map((m) => {
      const held = m.held.integral(nowNs) + m.heldNs;
      const queued = m.queue.integral(nowNs) + m.queuedNs;
      const waitNs = m.wait.count > 0 ? m.wait.mean : m.departures > 0 ? queued / m.departures : Number.NaN;
      return {
        resource: m.name,
        role: m.role,
        capacity: m.capacity,
        utilisation: windowNs > 0 && m.capacity > 0 ? held / (m.capacity * windowNs) : Number.NaN,
        queueMean: windowNs > 0 ? queued / windowNs : Number.NaN,
        queueMax: Math.max(m.queue.max, m.queuePeak),
        queueCapacity: m.queueCapacity ?? Number.NaN,
        waitMeanUs: waitNs / 1000,
      };
    });
  }
}

import type { HandlerId, Simulator } from '../../engine/simulator.js';
import { InputError } from '../../util/errors.js';
import type { GroupConfig } from '../config.js';
import { IntRing } from '../primitives/int-ring.js';

/** Tokens may fall short of 1 by rounding after an exact refill; this much counts as a whole token. */
const EPSILON = 1e-9;

/**
 * Per-tenant token buckets (`group.control.limit`: rate per second, burst): a command takes a
 * token before it may enter its admin queue, and otherwise waits in its tenant's FIFO — that
 * wait is part of the operation's latency, not of the admin-queue wait. The bucket starts
 * full. Refill is computed lazily from the elapsed time; a waiting tenant has one pending
 * event, at the instant its next token is complete (rounded up to the next whole ns), so the
 * long-run admission rate is min(offered, rate) and the event count is one per token.
 */
export class TokenBuckets {
  private readonly sim: Simulator;
  /** Tokens per ns; 0 = tenant unlimited. */
  private readonly ratePerNs: Float64Array;
  private readonly burst: Float64Array;
  private readonly tokens: Float64Array;
  private readonly lastNs: Float64Array;
  private readonly scheduled: Uint8Array;
  private readonly waiting: (IntRing | undefined)[];
  private readonly onToken: (cmd: number) => void;
  private readonly tokenHandler: HandlerId;
  /** True when at least one tenant has a limit. */
  readonly any: boolean;

  constructor(sim: Simulator, groups: readonly GroupConfig[], onToken: (cmd: number) => void) {
    this.sim = sim;
    this.onToken = onToken;
    const n = groups.length;
    this.ratePerNs = new Float64Array(n);
    this.burst = new Float64Array(n);
    this.tokens = new Float64Array(n);
    this.lastNs = new Float64Array(n);
    this.scheduled = new Uint8Array(n);
    this.waiting = new Array<IntRing | undefined>(n);
    let any = false;
    groups.forEach((g, i) => {
      const limit = g.control.limit;
      if (limit === undefined) return;
      if (!(limit.rate > 0) || !(limit.burst >= 1)) {
        throw new InputError(
          `token bucket of group '${g.name}' admits nothing`,
          { path: `workload.groups[${i}].control.limit` },
          'rate > 0 and burst ≥ 1',
        );
      }
      any = true;
      this.ratePerNs[i] = limit.rate / 1e9;
      this.burst[i] = limit.burst;
      this.tokens[i] = limit.burst;
    });
    this.any = any;
    this.tokenHandler = sim.handler('control/adminq/token', (g) => this.release(g));
  }

  /** True if tenant g's command may go on now (a token was taken); otherwise it waits and `onToken` follows. */
  admit(g: number, cmd: number): boolean {
    if (this.ratePerNs[g] === 0) return true;
    this.refill(g);
    const queue = this.waiting[g];
    if ((queue === undefined || queue.length === 0) && (this.tokens[g] as number) >= 1 - EPSILON) {
      this.take(g);
      return true;
    }
    this.queueOf(g).push(cmd);
    this.scheduleNext(g);
    return false;
  }

  private release(g: number): void {
    this.scheduled[g] = 0;
    this.refill(g);
    const queue = this.queueOf(g);
    while (queue.length > 0 && (this.tokens[g] as number) >= 1 - EPSILON) {
      this.take(g);
      this.onToken(queue.shift());
    }
    if (queue.length > 0) this.scheduleNext(g);
  }

  private take(g: number): void {
    this.tokens[g] = Math.max(0, (this.tokens[g] as number) - 1);
  }

  private refill(g: number): void {
    const now = this.sim.now;
    const t = (this.tokens[g] as number) + (now - (this.lastNs[g] as number)) * (this.ratePerNs[g] as number);
    this.tokens[g] = Math.min(this.burst[g] as number, t);
    this.lastNs[g] = now;
  }

  private scheduleNext(g: number): void {
    if (this.scheduled[g] === 1) return;
    this.scheduled[g] = 1;
    const missing = Math.max(0, 1 - (this.tokens[g] as number));
    this.sim.schedule(Math.ceil(missing / (this.ratePerNs[g] as number)), this.tokenHandler, g);
  }

  private queueOf(g: number): IntRing {
    let q = this.waiting[g];
    if (q === undefined) {
      q = new IntRing();
      this.waiting[g] = q;
    }
    return q;
  }
}

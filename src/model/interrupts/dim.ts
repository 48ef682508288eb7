/**
 * Adaptive interrupt moderation: a port of Linux net_dim (`lib/dim/net_dim.c`, `lib/dim/dim.c`;
 * [[linux-net-dim]]) driving per-queue coalescing (max_usecs, max_packets), as a driver would feed
 * VIRTIO_NET_CTRL_NOTF_COAL_VQ_SET.
 *
 * Per queue: after every DIM_NEVENTS interrupts the sample's bytes, packets and events per ms
 * are compared with the previous sample (a > 10% change is significant; bytes first, then
 * packets, then fewer events is better). While the result improves the profile index keeps
 * stepping in the same direction, otherwise it turns; it parks at the top (an edge, or after a
 * right-left oscillation) until the traffic changes, and parks "tired" after 2× profiles steps.
 * State lives in typed arrays indexed by queue id; odd queue ids are TX queues (virtio-net
 * numbering: RX of pair p is 2p, TX is 2p+1), which select the TX profile.
 *
 * Deviation: Linux applies a new profile from a work item and starts the next sample at the
 * following event; here the profile applies at once and the next sample starts immediately.
 */

/** (max_usecs, max_packets) per profile index, net_dim.c [[linux-net-dim]]. */
export const DIM_PROFILES: Readonly<
  Record<'eqe' | 'cqe', Readonly<Record<'rx' | 'tx', readonly (readonly [number, number])[]>>>
> = {
  eqe: {
    rx: [
      [1, 256],
      [8, 256],
      [64, 256],
      [128, 256],
      [256, 256],
    ],
    tx: [
      [1, 128],
      [8, 128],
      [32, 128],
      [64, 128],
      [128, 128],
    ],
  },
  cqe: {
    rx: [
      [2, 256],
      [8, 128],
      [16, 64],
      [32, 64],
      [64, 64],
    ],
    tx: [
      [5, 128],
      [8, 64],
      [16, 32],
      [32, 32],
      [64, 32],
    ],
  },
};

/** Interrupts per decision sample (include/linux/dim.h DIM_NEVENTS [[linux-net-dim]]; quoted, not re-read). */
export const DIM_NEVENTS = 64;
/** Start index (net_dim.c NET_DIM_DEF_PROFILE_EQE/CQE). */
export const DIM_DEFAULT_PROFILE = 1;
const NUM_PROFILES = 5;

const GOING_RIGHT = 0;
const GOING_LEFT = 1;
const PARKING_ON_TOP = 2;
const PARKING_TIRED = 3;

const BETTER = 1;
const SAME = 0;
const WORSE = -1;

/** include/linux/dim.h IS_SIGNIFICANT_DIFF: more than 10% (integer arithmetic). */
function significant(val: number, ref: number): boolean {
  return ref !== 0 && Math.floor((100 * Math.abs(val - ref)) / ref) > 10;
}

function compare(bpms: number, ppms: number, epms: number, pb: number, pp: number, pe: number): number {
  if (pb === 0) return bpms !== 0 ? BETTER : SAME;
  if (significant(bpms, pb)) return bpms > pb ? BETTER : WORSE;
  if (pp === 0) return ppms !== 0 ? BETTER : SAME;
  if (significant(ppms, pp)) return ppms > pp ? BETTER : WORSE;
  if (pe === 0) return SAME;
  if (significant(epms, pe)) return epms < pe ? BETTER : WORSE;
  return SAME;
}

export class DimTable {
  /** Current profile index per queue. */
  readonly ix: Uint8Array;
  private readonly state: Uint8Array;
  private readonly stepsLeft: Uint8Array;
  private readonly stepsRight: Uint8Array;
  private readonly tired: Uint8Array;
  private readonly events: Uint8Array;
  private readonly startNs: Float64Array;
  private readonly packets: Float64Array;
  private readonly bytes: Float64Array;
  private readonly prev: Float64Array;
  private readonly rxUsecs: Float64Array;
  private readonly rxPkts: Float64Array;
  private readonly txUsecs: Float64Array;
  private readonly txPkts: Float64Array;

  constructor(queues: number, profile: 'eqe' | 'cqe') {
    this.ix = new Uint8Array(queues).fill(DIM_DEFAULT_PROFILE);
    this.state = new Uint8Array(queues);
    this.stepsLeft = new Uint8Array(queues);
    this.stepsRight = new Uint8Array(queues);
    this.tired = new Uint8Array(queues);
    this.events = new Uint8Array(queues);
    this.startNs = new Float64Array(queues);
    this.packets = new Float64Array(queues);
    this.bytes = new Float64Array(queues);
    this.prev = new Float64Array(3 * queues);
    const p = DIM_PROFILES[profile];
    this.rxUsecs = Float64Array.from(p.rx, (e) => e[0]);
    this.rxPkts = Float64Array.from(p.rx, (e) => e[1]);
    this.txUsecs = Float64Array.from(p.tx, (e) => e[0]);
    this.txPkts = Float64Array.from(p.tx, (e) => e[1]);
  }

  /** Coalescing packet threshold of queue q now. */
  maxPackets(q: number): number {
    return ((q & 1) === 1 ? this.txPkts : this.rxPkts)[this.ix[q] as number] as number;
  }

  /** Coalescing timeout of queue q now (ns). */
  maxNs(q: number): number {
    return 1000 * (((q & 1) === 1 ? this.txUsecs : this.rxUsecs)[this.ix[q] as number] as number);
  }

  /** Bytes handled outside an interrupt's accounting (e.g. after a strict unmap), counted in the current sample. */
  addBytes(q: number, bytes: number): void {
    this.bytes[q] = (this.bytes[q] as number) + bytes;
  }

  /** One interrupt that handled `packets` packets of `bytes` bytes at `nowNs`; true when the profile changed. */
  onEvent(q: number, nowNs: number, packets: number, bytes: number): boolean {
    const n = (this.events[q] as number) + 1;
    this.packets[q] = (this.packets[q] as number) + packets;
    this.bytes[q] = (this.bytes[q] as number) + bytes;
    if (n < DIM_NEVENTS) {
      this.events[q] = n;
      return false;
    }
    const deltaUs = Math.floor((nowNs - (this.startNs[q] as number)) / 1000);
    let changed = false;
    if (deltaUs > 0) {
      // dim_calc_stats: DIV_ROUND_UP(x · USEC_PER_MSEC, delta_us)
      const bpms = Math.ceil(((this.bytes[q] as number) * 1000) / deltaUs);
      const ppms = Math.ceil(((this.packets[q] as number) * 1000) / deltaUs);
      const epms = Math.ceil((DIM_NEVENTS * 1000) / deltaUs);
      changed = this.decide(q, bpms, ppms, epms);
    }
    this.events[q] = 0;
    this.packets[q] = 0;
    this.bytes[q] = 0;
    this.startNs[q] = nowNs;
    return changed;
  }

  /** net_dim_decision. */
  private decide(q: number, bpms: number, ppms: number, epms: number): boolean {
    const prevState = this.state[q] as number;
    const prevIx = this.ix[q] as number;
    const o = 3 * q;
    const res = compare(
      bpms,
      ppms,
      epms,
      this.prev[o] as number,
      this.prev[o + 1] as number,
      this.prev[o + 2] as number,
    );
    switch (prevState) {
      case PARKING_ON_TOP:
        if (res !== SAME) this.exitParking(q);
        break;
      case PARKING_TIRED:
        this.tired[q] = (this.tired[q] as number) - 1;
        if (this.tired[q] === 0) this.exitParking(q);
        break;
      default: {
        if (res !== BETTER) this.turn(q);
        if (this.onTop(q)) {
          this.parkOnTop(q);
          break;
        }
        const step = this.step(q);
        if (step === 'edge') this.parkOnTop(q);
        else if (step === 'tired') this.parkTired(q);
      }
    }
    if (prevState !== PARKING_ON_TOP || this.state[q] !== PARKING_ON_TOP) {
      this.prev[o] = bpms;
      this.prev[o + 1] = ppms;
      this.prev[o + 2] = epms;
    }
    return this.ix[q] !== prevIx;
  }

  private step(q: number): 'stepped' | 'edge' | 'tired' {
    if (this.tired[q] === NUM_PROFILES * 2) return 'tired';
    const s = this.state[q];
    const ix = this.ix[q] as number;
    if (s === GOING_RIGHT) {
      if (ix === NUM_PROFILES - 1) return 'edge';
      this.ix[q] = ix + 1;
      this.stepsRight[q] = (this.stepsRight[q] as number) + 1;
    } else if (s === GOING_LEFT) {
      if (ix === 0) return 'edge';
      this.ix[q] = ix - 1;
      this.stepsLeft[q] = (this.stepsLeft[q] as number) + 1;
    }
    this.tired[q] = (this.tired[q] as number) + 1;
    return 'stepped';
  }

  private exitParking(q: number): void {
    this.state[q] = this.ix[q] !== 0 ? GOING_LEFT : GOING_RIGHT;
    this.step(q);
  }

  private turn(q: number): void {
    if (this.state[q] === GOING_RIGHT) {
      this.state[q] = GOING_LEFT;
      this.stepsLeft[q] = 0;
    } else if (this.state[q] === GOING_LEFT) {
      this.state[q] = GOING_RIGHT;
      this.stepsRight[q] = 0;
    }
  }

  private onTop(q: number): boolean {
    const s = this.state[q];
    if (s === PARKING_ON_TOP || s === PARKING_TIRED) return true;
    if (s === GOING_RIGHT) return (this.stepsLeft[q] as number) > 1 && this.stepsRight[q] === 1;
    return (this.stepsRight[q] as number) > 1 && this.stepsLeft[q] === 1;
  }

  private parkOnTop(q: number): void {
    this.stepsRight[q] = 0;
    this.stepsLeft[q] = 0;
    this.tired[q] = 0;
    this.state[q] = PARKING_ON_TOP;
  }

  private parkTired(q: number): void {
    this.stepsRight[q] = 0;
    this.stepsLeft[q] = 0;
    this.state[q] = PARKING_TIRED;
  }
}

/**
 * Per-instance state shared by every component, as typed arrays indexed by instance id so
 * that 10^5–10^6 instances cost a few bytes each (no object per instance).
 */
export const InstanceState = {
  /** Not yet requested (or destroyed). */
  ABSENT: 0,
  /** Requested; its provisioning sequence is running. */
  PROVISIONING: 1,
  /** DRIVER_OK: traffic flows. */
  READY: 2,
  /** Refused for lack of a resource (see `limitResource`). */
  REJECTED: 3,
  /** Teardown in progress. */
  TEARDOWN: 4,
} as const;
export type InstanceStateValue = (typeof InstanceState)[keyof typeof InstanceState];

export class InstanceTable {
  readonly capacity: number;
  /** Workload group of each instance. */
  readonly group: Uint16Array;
  readonly state: Uint8Array;
  /** Time the instance was last requested (ns). */
  readonly requestedAt: Float64Array;
  /** Instance count per group (resolved from shares). */
  readonly groupSizes: readonly number[];
  /** First group index of each instance range: instances are laid out group by group. */
  readonly groupStart: readonly number[];

  constructor(groupSizes: readonly number[]) {
    this.groupSizes = groupSizes;
    const starts: number[] = [];
    let total = 0;
    for (const size of groupSizes) {
      starts.push(total);
      total += size;
    }
    this.groupStart = starts;
    this.capacity = total;
    this.group = new Uint16Array(total);
    for (let g = 0; g < groupSizes.length; g++) {
      this.group.fill(g, starts[g] as number, (starts[g] as number) + (groupSizes[g] as number));
    }
    this.state = new Uint8Array(total);
    this.requestedAt = new Float64Array(total);
  }

  countInState(state: InstanceStateValue): number {
    let n = 0;
    for (let i = 0; i < this.capacity; i++) if (this.state[i] === state) n++;
    return n;
  }
}

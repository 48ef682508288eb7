/**
 * Time-weighted levels (operations outstanding) of many tenants at once — `TimeWeighted` in one
 * flat Float64Array interleaved per group as [level, area, last update, peak], so 10⁴ tenants
 * cost one cache line per update and no object each. The window starts at the last `reset`,
 * which keeps every level (the backlog is still there after a warm-up) and restarts the areas
 * and peaks.
 */
const FIELDS = 4;

export class GroupLevels {
  private readonly state: Float64Array;
  private startNs = 0;

  constructor(groups: number) {
    this.state = new Float64Array(FIELDS * groups);
  }

  /** Adds `delta` to group g's level at `nowNs` (time never goes backwards in a run). */
  add(g: number, nowNs: number, delta: number): void {
    const s = this.state;
    const at = FIELDS * g;
    const level = s[at] as number;
    s[at + 1] = (s[at + 1] as number) + level * (nowNs - (s[at + 2] as number));
    s[at + 2] = nowNs;
    const next = level + delta;
    s[at] = next;
    if (next > (s[at + 3] as number)) s[at + 3] = next;
  }

  /** Time-average level of group g over [last reset, nowNs]; the level itself over an empty window. */
  mean(g: number, nowNs: number): number {
    const s = this.state;
    const at = FIELDS * g;
    const area = (s[at + 1] as number) + (s[at] as number) * (nowNs - (s[at + 2] as number));
    const elapsed = nowNs - this.startNs;
    return elapsed > 0 ? area / elapsed : (s[at] as number);
  }

  /** Highest level of group g since the last reset. */
  max(g: number): number {
    return this.state[FIELDS * g + 3] as number;
  }

  reset(nowNs: number): void {
    const s = this.state;
    this.startNs = nowNs;
    for (let at = 0; at < s.length; at += FIELDS) {
      s[at + 1] = 0;
      s[at + 2] = nowNs;
      s[at + 3] = s[at] as number;
    }
  }
}

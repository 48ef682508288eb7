/**
 * A running 32-bit hash over every processed event's (time, priority, handler identity), in
 * processing order: the OMNeT++-style fingerprint. Two runs with equal fingerprints executed
 * the same event sequence; any change in ordering, timing or dispatch changes it. The update
 * is three multiply-xor steps so that it can stay on for every event, benchmarks included.
 */
export class Fingerprint {
  private h = 0x811c9dc5;
  private n = 0;

  /** Folds one event in. `handlerKey` is a stable 32-bit id of the handler (hash of its name). */
  update(timeNs: number, priority: number, handlerKey: number): void {
    // The two 32-bit halves of the integer time. `x | 0` is ToInt32 — exactly x mod 2^32 for
    // any integer below 2^53 — and costs one instruction, where `%` on a double calls fmod.
    // Same bits as the former `timeNs % 2^32` (ToInt32 was applied by `^` anyway).
    const lo = timeNs | 0;
    const hi = (timeNs * 2.3283064365386963e-10) | 0; // × 2^-32 is exact, | 0 floors it
    let h = Math.imul(this.h ^ lo, 0x01000193);
    h = Math.imul(h ^ hi ^ (priority << 24), 0x01000193);
    this.h = Math.imul(h ^ handlerKey, 0x01000193);
    this.n++;
  }

  /** Number of events folded in. */
  get count(): number {
    return this.n;
  }

  /** Hex digest: the hash and the event count, e.g. `9f3a0c11-1024`. */
  get value(): string {
    return `${(this.h >>> 0).toString(16).padStart(8, '0')}-${this.n}`;
  }

  reset(): void {
    this.h = 0x811c9dc5;
    this.n = 0;
  }
}

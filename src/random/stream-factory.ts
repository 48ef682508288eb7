import { hash53 } from '../util/hash.js';
import { RandomStream } from './random-stream.js';

/** The generator behind every stream, recorded in result manifests. */
export const RNG_ALGORITHM = 'seedrandom.alea';

/**
 * Hands out random streams for one run. Each stream's seed is a hash of (master seed,
 * replication, stream name) — never of creation order — so adding, removing or reordering a
 * component changes no other component's numbers, and replication r of every sweep point sees
 * the same workload draws (common random numbers across strategies).
 */
export class StreamFactory {
  readonly masterSeed: number;
  readonly replication: number;
  private readonly names = new Set<string>();

  constructor(masterSeed: number, replication: number) {
    this.masterSeed = masterSeed;
    this.replication = replication;
  }

  /**
   * The stream for a stable name such as `workload/victim/arrivals`. Each name may be taken
   * once per run: two components silently sharing a stream would couple their numbers.
   */
  stream(name: string): RandomStream {
    if (this.names.has(name)) throw new Error(`random stream '${name}' requested twice`);
    this.names.add(name);
    return new RandomStream(name, seedTextFor(this.masterSeed, this.replication, name));
  }

  /** Names handed out so far, sorted (for the manifest). */
  streamNames(): string[] {
    return [...this.names].sort();
  }
}

/** The seed text of a stream: a 53-bit hash of the triple, so nearby seeds are unrelated. */
export function seedTextFor(masterSeed: number, replication: number, name: string): string {
  return hash53(`vdpascale|${masterSeed}|${replication}|${name}`).toString(36);
}

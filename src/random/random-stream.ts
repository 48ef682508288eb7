import seedrandom from 'seedrandom';

/**
 * One named, independently seeded source of uniform numbers. Built on seedrandom's Alea
 * generator: ARC4 (seedrandom's default) measured ~80 ns per PHOLD event's two draws against
 * ~18 ns for Alea (bench/, `npm run bench -- engine`), whose streams are also identical across
 * Node and Deno.
 */
export class RandomStream {
  readonly name: string;
  private readonly prng: () => number;

  constructor(name: string, seedText: string) {
    this.name = name;
    this.prng = seedrandom.alea(seedText);
  }

  /** Uniform in [0, 1). */
  random(): number {
    return this.prng();
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.prng() * n);
  }

  /**
   * Exponential with the given mean; 1 − u lies in (0, 1], so the log is finite.
   * Kept as inversion although Math.log is about half the cost of PHOLD's two draws
   * (bench/random-stream-cost.ts): one uniform per variate, monotone in it, keeps common
   * random numbers aligned across strategies, which a ziggurat (variable number of uniforms)
   * would not. Running the Alea step on fields instead of seedrandom's closure measured no
   * faster, since the JIT inlines the closure at a monomorphic call site.
   */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.prng());
  }

  /** Standard normal by Box–Muller (one of the pair; the other is discarded to keep no state). */
  normal(): number {
    const u1 = 1 - this.prng();
    const u2 = this.prng();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.prng() < p;
  }
}

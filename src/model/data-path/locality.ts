/**
 * Which buffer page of its working set a packet touches (docs/model.md, "Data path": drawn from a configurable
 * locality): uniform over the pages, or Zipf(exponent) with page k (0-based) requested with
 * probability ∝ 1/(k+1)^s. The Zipf sampler precomputes the CDF once per group and samples by
 * binary search on a Float64Array: O(log pages) per packet, 8 bytes per page per group.
 */

import { cdfIndex } from '../../random/cdf-index.js';
import type { RandomStream } from '../../random/random-stream.js';
import type { Locality } from '../config.js';

export interface PageSampler {
  readonly pages: number;
  sample(rng: RandomStream): number;
  /** Probability of page k (for analytic predictions). */
  probability(k: number): number;
}

class UniformPages implements PageSampler {
  constructor(readonly pages: number) {}
  sample(rng: RandomStream): number {
    return rng.below(this.pages);
  }
  probability(): number {
    return 1 / this.pages;
  }
}

class ZipfPages implements PageSampler {
  private readonly cdf: Float64Array;
  constructor(
    readonly pages: number,
    exponent: number,
  ) {
    this.cdf = new Float64Array(pages);
    let acc = 0;
    for (let k = 0; k < pages; k++) {
      acc += 1 / (k + 1) ** exponent;
      this.cdf[k] = acc;
    }
    for (let k = 0; k < pages; k++) this.cdf[k] = (this.cdf[k] as number) / acc;
    this.cdf[pages - 1] = 1;
  }
  sample(rng: RandomStream): number {
    return cdfIndex(this.cdf, rng.random());
  }
  probability(k: number): number {
    return (this.cdf[k] as number) - (k > 0 ? (this.cdf[k - 1] as number) : 0);
  }
}

export function makePageSampler(locality: Locality, pages: number): PageSampler {
  return locality.kind === 'zipf' ? new ZipfPages(pages, locality.exponent) : new UniformPages(pages);
}

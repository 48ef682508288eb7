/**
 * The data path's resources for bottleneck attribution (stats/resource-usage.ts): the engines,
 * their DMA tags and the IOMMU's page walks. The engines' work and the tags' holds are
 * computed, not simulated as busy levels, so they are charged in time when the run collects.
 */
import type { ResourceMeter } from '../../stats/resource-usage.js';
import type { ModelConfig } from '../config.js';
import type { Translator } from '../iommu/translator.js';
import type { ModelContext } from '../ports.js';

export class DataPathMeters {
  /** `data-engines`: the serial work, and the queues waiting in the ready FIFO. */
  readonly engines: ResourceMeter;
  /** `dma-tags`: a hardware engine's outstanding requests (undefined for host threads). */
  readonly tags: ResourceMeter | undefined;
  /** `iommu-walker-pool` with bounded walkers, else `iommu-walkers` (accounted). */
  private readonly walks: ResourceMeter | undefined;

  constructor(ctx: ModelContext, config: ModelConfig, onHost: boolean, translator: Translator | undefined) {
    const engines = Math.max(1, config.device.engines);
    this.engines = ctx.resources.register({ name: 'data-engines', capacity: engines });
    const tags = engines * Math.max(1, config.device.dmaTags);
    this.tags = onHost ? undefined : ctx.resources.register({ name: 'dma-tags', capacity: tags });
    // Unbounded, a walk stalls the request that issued it: a host thread, or a hardware DMA
    // request holding one of its tags.
    this.walks = translator?.registerWalks(ctx.resources, onHost ? engines : tags);
  }

  /** Settles the time-charged meters before collection: the engines' work, the walks. */
  settle(engineWorkNs: number, translator: Translator | undefined): void {
    this.engines.heldNs = engineWorkNs;
    if (this.walks !== undefined) translator?.settleWalks(this.walks);
  }
}

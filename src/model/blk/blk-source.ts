/**
 * One blk workload group's requests: the open-loop arrival process (Poisson per instance,
 * merged into one event for the group, arrivals.ts) and the draws that describe each request —
 * size, offset, direction, backend service — each from its own named stream
 * (`blk/<what>/<group>`), drawn for every request whatever happens to it (common random
 * numbers across strategies and parents). `draw` fills the `last*` fields: no object per request.
 */
import { type Distribution, makeDistribution } from '../../random/distribution.js';
import type { RandomStream } from '../../random/random-stream.js';
import type { StreamFactory } from '../../random/stream-factory.js';
import type { BlkConfig, GroupConfig } from '../config.js';
import { type ArrivalProcess, makeArrivalProcess } from '../data-path/arrivals.js';
import { requestBytes } from './blk-request.js';

export class BlkSource {
  /** Attributes of the request drawn last. */
  bytes = 0;
  /** Its first logical block within the instance's span. */
  block = 0;
  read = true;
  serviceNs = 0;
  /** Open loop: the group's merged arrivals; undefined for a closed loop or no requests. */
  readonly process: ArrivalProcess | undefined;
  private readonly sizeRng: RandomStream;
  private readonly offsetRng: RandomStream;
  private readonly readRng: RandomStream;
  private readonly serviceRng: RandomStream;
  private readonly sizes: Distribution;
  private readonly service: Distribution;
  private readonly blkSize: number;
  private readonly spanBlocks: number;
  private readonly sequential: boolean;
  private readonly readShare: number;
  /** Sequential pattern: the next block of each instance of the group (from its first). */
  private readonly nextBlock: Float64Array;

  constructor(
    group: GroupConfig,
    private readonly firstInstance: number,
    count: number,
    blk: BlkConfig,
    streams: StreamFactory,
  ) {
    const name = group.name;
    const io = group.io;
    this.process =
      io.rate > 0
        ? makeArrivalProcess(
            { ...group.traffic, ratePps: io.rate, arrival: 'poisson' },
            firstInstance,
            count,
            streams.stream(`blk/arrivals/${name}`),
          )
        : undefined;
    this.sizeRng = streams.stream(`blk/size/${name}`);
    this.offsetRng = streams.stream(`blk/offset/${name}`);
    this.readRng = streams.stream(`blk/read/${name}`);
    this.serviceRng = streams.stream(`blk/service/${name}`);
    this.sizes = makeDistribution(io.size);
    this.service = makeDistribution(blk.service);
    this.blkSize = blk.blkSize;
    this.spanBlocks = Math.max(1, Math.floor(io.span / blk.blkSize));
    this.sequential = io.pattern === 'sequential';
    this.readShare = io.read;
    this.nextBlock = new Float64Array(this.sequential ? count : 0);
  }

  /** Draws the next request of `instance`. */
  draw(instance: number): void {
    const bytes = requestBytes(this.sizes.sample(this.sizeRng), this.blkSize);
    const blocks = Math.min(this.spanBlocks, bytes / this.blkSize);
    this.bytes = bytes;
    if (this.sequential) {
      const i = instance - this.firstInstance;
      let b = this.nextBlock[i] as number;
      if (b + blocks > this.spanBlocks) b = 0; // wrap to the start of the span
      this.block = b;
      this.nextBlock[i] = b + blocks;
      this.offsetRng.random(); // drawn anyway: the same streams whatever the pattern
    } else {
      this.block = this.offsetRng.below(this.spanBlocks - blocks + 1);
    }
    this.read = this.readRng.random() < this.readShare;
    this.serviceNs = this.service.sample(this.serviceRng);
  }
}
